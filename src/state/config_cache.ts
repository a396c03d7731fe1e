/**
 * The validated-config cache: when the config file (and every file merged into it) is
 * unchanged, the hot commands take the validated config from here and load no YAML parser,
 * schema or template engine. One file per config lookup under $XDG_CACHE_HOME/rune/ (0600,
 * dir 0700, written atomically); anything that does not match, or does not parse, is a miss.
 *
 * An entry is used only when, for every file it was made from, path, size, mtime, ctime, inode
 * and device are what they were, the same rune build reads it, the candidates before the chosen
 * config are still absent, and the size limit is the same. ctime cannot be set back (touch -d
 * sets only mtime), and a file replaced by rename has another inode. The cheap key is
 * ambiguous while a later write could still get the same timestamps: when the file changed
 * less than AMBIGUOUS_MS before the entry was made, its content hash is compared too.
 */
import { sha256Hex } from "../base/mod.ts";
import type { ConfigCandidate, Issue } from "../base/mod.ts";
import type { Config, LoadedConfig } from "../config/mod.ts";
import { writeFileAtomic } from "./atomic_file.ts";
import { isPositionTable, positionTable, tableLocators } from "./config_positions.ts";
import type { PositionTable } from "./config_positions.ts";

/** Bump when the entry's shape changes. */
const FORMAT = 1;
/** Within this of a file's last change, its timestamps may not tell a later write apart. */
export const AMBIGUOUS_MS = 2000;

/** What a lookup must match: the same question, from the same rune. */
export interface ConfigCacheQuery {
  /** $XDG_CACHE_HOME/rune */
  cacheDir: string;
  /** rune's version and build (see buildIdentity in src/cli); entries of other builds miss. */
  build: string;
  /** The paths rune tries, in order (configCandidates). */
  candidates: ConfigCandidate[];
  /** RUNE_CONFIG_MAX_BYTES as set, or "" (the limit the entry was checked against). */
  limit: string;
}

/** One file the config was made from, as it was. */
export interface FileStamp {
  path: string;
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
  sha256: string;
}

interface Entry {
  format: number;
  build: string;
  candidates: string[];
  limit: string;
  /** Date.now() taken before the files were read. */
  checkedAt: number;
  templatesChecked: boolean;
  file: string;
  files: FileStamp[];
  config: Config;
  warnings: Issue[];
  positions: PositionTable;
}

/** A config from the cache, and whether its template variables were checked. */
export interface CachedConfig {
  loaded: LoadedConfig;
  templatesChecked: boolean;
}

/**
 * The cache file of `query`'s lookup, named by a hash of it (no name from the config reaches
 * a path). Two lookups that collide only take turns in one file: the entry names its own.
 */
export function configCacheFile(query: ConfigCacheQuery): string {
  const key = JSON.stringify(query.candidates.map((c) => [c.path, c.source, c.explicit]));
  return `${query.cacheDir}/config-${fnv1a(key, 0x811c9dc5)}${fnv1a(key, 0x050c5d1f)}${
    fnv1a(key, 0x1b873593)
  }.json`;
}

/** 32-bit FNV-1a of `text` from `seed`, as 8 hex digits: cheap, and needs no crypto. */
function fnv1a(text: string, seed: number): string {
  let h = seed;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, "0");
}

/**
 * The cached config for `query`, or undefined (no entry, another build or lookup, a file
 * changed, a damaged entry). Needs read on the cache file and stat on the config's files; a
 * permission not granted is a miss, never a prompt.
 */
export async function findCachedConfig(
  query: ConfigCacheQuery,
  clock: { now(): number } = Date,
): Promise<CachedConfig | undefined> {
  const path = configCacheFile(query);
  if (!granted({ name: "read", path })) return undefined;
  const startedAt = clock.now();
  let entry: Entry;
  try {
    const parsed: unknown = JSON.parse(Deno.readTextFileSync(path));
    if (!isEntry(parsed)) return undefined;
    entry = parsed;
  } catch {
    return undefined;
  }
  if (entry.format !== FORMAT || entry.build !== query.build || entry.limit !== query.limit) {
    return undefined;
  }
  if (JSON.stringify(entry.candidates) !== JSON.stringify(query.candidates.map((c) => c.path))) {
    return undefined;
  }
  const chosen = query.candidates.findIndex((c) => c.path === entry.file);
  if (chosen < 0) return undefined;
  // An earlier candidate that exists now (even as a directory) would be read instead.
  for (const earlier of query.candidates.slice(0, chosen)) {
    if (await mayExist(earlier.path)) return undefined;
  }
  let verified = false;
  for (const stamp of entry.files) {
    const now = await statOf(stamp.path);
    if (!now || !sameStat(now, stamp)) return undefined;
    if (isAmbiguous(stamp, entry.checkedAt)) {
      const text = await readText(stamp.path);
      if (text === undefined || await sha256Hex(text) !== stamp.sha256) return undefined;
      verified = true;
    }
  }
  // Checked again now that its timestamps can no longer be repeated: later runs skip the hash.
  if (verified && entry.files.every((f) => !isAmbiguous(f, startedAt))) {
    writeEntry(path, { ...entry, checkedAt: startedAt });
  }
  const locators = tableLocators(entry.positions);
  return {
    loaded: {
      file: entry.file,
      config: entry.config,
      warnings: entry.warnings,
      locate: locators.locate,
      locateKey: locators.locateKey,
      source: query.candidates[chosen].source,
    },
    templatesChecked: entry.templatesChecked,
  };
}

/**
 * Keeps `loaded` (a config just validated from the texts it carries) for `query`. `checkedAt`
 * is Date.now() from before the loader read anything. Nothing is kept when a file changed
 * since it was read, when write permission on the cache is not granted, or when the write
 * fails: the cache is only ever a shortcut.
 */
export async function saveCachedConfig(
  query: ConfigCacheQuery,
  loaded: LoadedConfig,
  o: { checkedAt: number; templatesChecked: boolean },
): Promise<void> {
  if (!loaded.texts?.length) return;
  if (!query.candidates.some((c) => c.path === loaded.file)) return;
  if (!granted({ name: "write", path: query.cacheDir })) return;
  const files: FileStamp[] = [];
  for (const { path, text } of loaded.texts) {
    if (!granted({ name: "read", path })) return;
    const stat = await statOf(path);
    // A stat taken after the read can be newer than the text; the hash settles it, because a
    // change after checkedAt makes the stamp ambiguous (see isAmbiguous).
    if (!stat) return;
    files.push({ path, ...stat, sha256: await sha256Hex(text) });
  }
  const entry: Entry = {
    format: FORMAT,
    build: query.build,
    candidates: query.candidates.map((c) => c.path),
    limit: query.limit,
    checkedAt: o.checkedAt,
    templatesChecked: o.templatesChecked,
    file: loaded.file,
    files,
    config: loaded.config,
    warnings: loaded.warnings,
    positions: positionTable(loaded.file, loaded.config, loaded),
  };
  try {
    Deno.mkdirSync(query.cacheDir, { recursive: true, mode: 0o700 });
  } catch {
    return;
  }
  writeEntry(configCacheFile(query), entry);
}

function writeEntry(path: string, entry: Entry): void {
  const dir = path.slice(0, path.lastIndexOf("/"));
  if (!granted({ name: "write", path: dir })) return;
  writeFileAtomic(path, [JSON.stringify(entry)]);
}

/** The timestamps of `stamp` could be repeated by a write after `checkedAt`. */
function isAmbiguous(stamp: FileStamp, checkedAt: number): boolean {
  return checkedAt - Math.max(stamp.mtimeMs, stamp.ctimeMs) < AMBIGUOUS_MS;
}

type Stat = Omit<FileStamp, "path" | "sha256">;

function sameStat(a: Stat, b: Stat): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs && a.ctimeMs === b.ctimeMs &&
    a.ino === b.ino && a.dev === b.dev;
}

async function statOf(path: string): Promise<Stat | undefined> {
  if (!granted({ name: "read", path })) return undefined;
  try {
    const s = await Deno.stat(path);
    if (!s.isFile || !s.mtime || !s.ctime || s.ino === null) return undefined;
    return {
      size: s.size,
      mtimeMs: s.mtime.getTime(),
      ctimeMs: s.ctime.getTime(),
      ino: s.ino,
      dev: s.dev,
    };
  } catch {
    return undefined;
  }
}

/** False only when `path` is known not to exist (read permission granted, stat failed). */
async function mayExist(path: string): Promise<boolean> {
  if (!granted({ name: "read", path })) return true;
  try {
    await Deno.stat(path);
    return true;
  } catch {
    return false;
  }
}

async function readText(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch {
    return undefined;
  }
}

function granted(descriptor: Deno.PermissionDescriptor): boolean {
  return Deno.permissions.querySync(descriptor).state === "granted";
}

function isEntry(v: unknown): v is Entry {
  if (v === null || typeof v !== "object") return false;
  const e = v as Record<string, unknown>;
  return typeof e.format === "number" && typeof e.build === "string" &&
    Array.isArray(e.candidates) && e.candidates.every((c) => typeof c === "string") &&
    typeof e.limit === "string" && typeof e.checkedAt === "number" &&
    typeof e.templatesChecked === "boolean" && typeof e.file === "string" &&
    Array.isArray(e.files) && e.files.length > 0 && e.files.every(isStamp) &&
    e.config !== null && typeof e.config === "object" && !Array.isArray(e.config) &&
    Array.isArray(e.warnings) && e.warnings.every(isIssue) && isPositionTable(e.positions);
}

function isStamp(v: unknown): v is FileStamp {
  if (v === null || typeof v !== "object") return false;
  const s = v as Record<string, unknown>;
  return typeof s.path === "string" && typeof s.sha256 === "string" &&
    ["size", "mtimeMs", "ctimeMs", "ino", "dev"].every((k) => typeof s[k] === "number");
}

function isIssue(v: unknown): v is Issue {
  if (v === null || typeof v !== "object") return false;
  const i = v as Record<string, unknown>;
  return typeof i.problem === "string" && (i.severity === "error" || i.severity === "warning");
}
