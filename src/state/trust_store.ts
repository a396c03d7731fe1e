/**
 * The trust store: which project-local `.rune.yaml` files the user has allowed, each by its
 * path and the SHA-256 of its exact bytes, with the trusted text kept so `rune trust` can show
 * what changed since. One JSON file, `$XDG_DATA_HOME/rune/trusted_files.json` (0600, its dir
 * 0700), replaced whole by an atomic write. A damaged store trusts nothing and is not written
 * over. Needs --allow-read and --allow-write on the data dir.
 */
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";
import { writeFileAtomic } from "./atomic_file.ts";

export const TRUST_FILE = "trusted_files.json";

export interface TrustEntry {
  /** The file's path: its directory's real path, then `/.rune.yaml`. */
  path: string;
  /** SHA-256 of the exact bytes trusted, lowercase hex. */
  sha256: string;
  /** The project it names. */
  project: string;
  /** When it was trusted (RFC 3339, UTC). */
  trusted_at: string;
  /** The trusted text, to show what changed. */
  content: string;
}

/** Where a file stands: trusted as it is, changed since it was trusted, or never trusted. */
export type TrustState = "trusted" | "changed" | "new";

export function trustStorePath(dataDir: string): string {
  return `${dataDir}/${TRUST_FILE}`;
}

/** Every trusted file; none when the store does not exist yet. */
export function readTrustStore(dataDir: string): Result<TrustEntry[], Issue> {
  const path = trustStorePath(dataDir);
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    if (e instanceof Deno.errors.NotFound) return ok([]);
    return err(damaged(path, (e as Error).message));
  }
  try {
    const data = JSON.parse(text);
    if (data?.version !== 1 || !Array.isArray(data.files)) {
      return err(damaged(path, "it is not a version 1 trust store"));
    }
    const files = (data.files as unknown[]).filter(isEntry);
    if (files.length !== data.files.length) {
      return err(damaged(path, "an entry lacks its path, hash or content"));
    }
    return ok(files);
  } catch (e) {
    return err(damaged(path, (e as Error).message));
  }
}

/** Replaces the store with `entries` (0600, atomically; the dir made 0700). */
export function writeTrustStore(dataDir: string, entries: readonly TrustEntry[]) {
  try {
    Deno.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
  }
  const sorted = [...entries].sort((a, b) => a.path.localeCompare(b.path));
  return writeFileAtomic(trustStorePath(dataDir), [
    `${JSON.stringify({ version: 1, files: sorted }, null, 2)}\n`,
  ]);
}

export function trustState(
  entries: readonly TrustEntry[],
  path: string,
  sha256: string,
): { state: TrustState; entry?: TrustEntry } {
  const entry = entries.find((e) => e.path === path);
  if (!entry) return { state: "new" };
  return { state: entry.sha256 === sha256 ? "trusted" : "changed", entry };
}

/** `entries` with `entry` in place of any entry for its path. */
export function withTrusted(entries: readonly TrustEntry[], entry: TrustEntry): TrustEntry[] {
  return [...entries.filter((e) => e.path !== entry.path), entry];
}

function isEntry(v: unknown): v is TrustEntry {
  if (!v || typeof v !== "object") return false;
  const e = v as Record<string, unknown>;
  return typeof e.path === "string" && typeof e.sha256 === "string" &&
    typeof e.content === "string" && typeof e.project === "string" &&
    typeof e.trusted_at === "string";
}

function damaged(path: string, why: string): Issue {
  return errorIssue("trust-store", `Cannot read the trust store "${path}": ${why}`, {
    hint: "Nothing local is trusted until it is fixed: move it away, then `rune trust` again",
  });
}
