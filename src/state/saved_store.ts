/**
 * Saved sessions on disk: `$XDG_DATA_HOME/rune/saved/NAME.yaml`, the save before it in
 * `NAME.prev.yaml`, one writer at a time. At every moment `NAME.yaml` is a whole file, the
 * new one or the old one: the old is hard-linked to `.prev` first, then the new one is
 * written beside it, flushed, and renamed over it. A save whose content did not change keeps
 * `.prev` as it is (it stays the last different state). Directory 0700, files 0600. Needs
 * --allow-read and --allow-write on that directory.
 */
import { errorIssue, ok, pathComponent } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { writeFileAtomic } from "./atomic_file.ts";
import { savedBody } from "./saved_format.ts";

export const SAVED_EXT = ".yaml";
export const PREVIOUS_EXT = ".prev.yaml";

/** `$XDG_DATA_HOME/rune/saved` for rune's data dir. */
export function savedDir(dataDir: string): string {
  return `${dataDir}/saved`;
}

/**
 * The file name (without extension) of session `name`: the name itself when it is already a
 * safe path component, else the sanitised name and a hash of the real one, so two names that
 * sanitise alike never share a file.
 */
export function savedStem(name: string): string {
  const safe = pathComponent(name, "session");
  if (safe === name) return safe;
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(name)) h = Math.imul(h ^ byte, 0x01000193) >>> 0;
  return `${safe}-${h.toString(16).padStart(8, "0")}`;
}

export interface SavedWrite {
  path: string;
  /** The content (besides the time) is the same as the last save's. */
  unchanged: boolean;
}

/** Writes `text` as session `name`'s save, keeping the previous one. */
export function writeSaved(dir: string, name: string, text: string): Result<SavedWrite, Issue> {
  const made = ensureDir(dir);
  if (!made.ok) return made;
  const stem = savedStem(name);
  const path = `${dir}/${stem}${SAVED_EXT}`;
  const current = readIfThere(path);
  const unchanged = current !== undefined && savedBody(current) === savedBody(text);
  if (current !== undefined && !unchanged) {
    const link = `${dir}/.${stem}.prev.link`;
    const removeLink = () => {
      try {
        Deno.removeSync(link);
      } catch { /* not there */ }
    };
    try {
      removeLink();
      Deno.linkSync(path, link);
      Deno.renameSync(link, `${dir}/${stem}${PREVIOUS_EXT}`);
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
      removeLink();
      return { ok: false, error: writeIssue(path, e) };
    }
  }
  const written = writeFileAtomic(path, [text]);
  if (!written.ok) {
    const why = written.error.problem.slice(written.error.problem.indexOf('": ') + 3);
    return { ok: false, error: writeIssue(path, why) };
  }
  return ok({ path, unchanged });
}

export interface SavedEntry {
  stem: string;
  path: string;
  /** The save before it, when there is one. */
  previous?: string;
}

/** Every save in `dir`, by file name; [] when there is none. */
export function listSaved(dir: string): SavedEntry[] {
  const names: string[] = [];
  try {
    for (const e of Deno.readDirSync(dir)) if (e.isFile) names.push(e.name);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return [];
  }
  const has = new Set(names);
  return names
    .filter((n) => n.endsWith(SAVED_EXT) && !n.endsWith(PREVIOUS_EXT) && !n.startsWith("."))
    .sort()
    .map((n) => {
      const stem = n.slice(0, -SAVED_EXT.length);
      const prev = `${stem}${PREVIOUS_EXT}`;
      return {
        stem,
        path: `${dir}/${n}`,
        ...(has.has(prev) ? { previous: `${dir}/${prev}` } : {}),
      };
    });
}

/**
 * Runs `fn` holding the save lock (`dir/.lock`, an flock the system drops when its holder
 * exits, so a killed save never leaves it stuck). Waits up to `waitMs` for another writer.
 */
export async function withSaveLock<T>(
  dir: string,
  waitMs: number,
  fn: () => Promise<T>,
): Promise<Result<T, Issue>> {
  const made = ensureDir(dir);
  if (!made.ok) return made;
  const path = `${dir}/.lock`;
  let file: Deno.FsFile;
  try {
    file = Deno.openSync(path, { read: true, write: true, create: true, mode: 0o600 });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return { ok: false, error: writeIssue(path, e) };
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const locked = await Promise.race([
      // Closing the file below ends a wait that lost the race; that rejection is no error.
      file.lock(true).then(() => true, () => false),
      new Promise<false>((resolve) => timer = setTimeout(() => resolve(false), waitMs)),
    ]);
    if (!locked) {
      return {
        ok: false,
        error: errorIssue(
          "save-locked",
          `Cannot save: another \`rune session save\` has held "${path}" for ${waitMs / 1000}s`,
          { hint: "Wait for it to finish and save again (its lock goes when it exits)" },
        ),
      };
    }
    return ok(await fn());
  } finally {
    clearTimeout(timer);
    file.close();
  }
}

function ensureDir(dir: string): Result<void, Issue> {
  try {
    Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
    Deno.chmodSync(dir, 0o700);
    return ok(undefined);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return { ok: false, error: writeIssue(dir, e) };
  }
}

function readIfThere(path: string): string | undefined {
  try {
    return Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return undefined;
  }
}

function writeIssue(path: string, e: unknown): Issue {
  const why = typeof e === "string" ? e : e instanceof Error ? e.message : String(e);
  return errorIssue("save-write", `Cannot write the saved session "${path}": ${why}`, {
    hint: "Check that XDG_DATA_HOME (or ~/.local/share) is writable; the earlier save was kept",
  });
}
