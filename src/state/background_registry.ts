/**
 * What `rune start` left running in the background, so `rune stop` can report or end it: one
 * small JSON file per process under $XDG_STATE_HOME/rune/background/ (dir 0700, files 0600).
 * One file each, written by rename, means two rituals at once never lose or tear an entry, and
 * forgetting one process touches nothing else.
 * Needs --allow-read/--allow-write on the state dir. Whether an entry still runs is decided
 * here (backgroundState, pure); the probing with `ps` is src/exec's.
 */
import { pathComponent } from "../base/mod.ts";

export interface BackgroundEntry {
  pid: number;
  /** The child leads its own session: pgid = pid. */
  pgid: number;
  project: string;
  name: string;
  command: string;
  logFile: string;
  /** ISO time rune started it. */
  startedAt: string;
  /** `ps -o lstart=` right after the start: with the pid, it names this process only. */
  started?: string;
}

export function registryDir(stateDir: string): string {
  return `${stateDir}/background`;
}

function entryPath(stateDir: string, entry: Pick<BackgroundEntry, "pid">): string {
  return `${registryDir(stateDir)}/${pathComponent(String(entry.pid), "0")}.json`;
}

export function recordBackground(stateDir: string, entry: BackgroundEntry): void {
  const dir = registryDir(stateDir);
  Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = entryPath(stateDir, entry);
  const tmp = `${path}.${Deno.pid}.tmp`;
  Deno.writeTextFileSync(tmp, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
  Deno.renameSync(tmp, path);
}

/** Every recorded entry, oldest first; unreadable or foreign files are skipped. */
export function readBackground(stateDir: string): BackgroundEntry[] {
  const entries: BackgroundEntry[] = [];
  let names: Deno.DirEntry[];
  try {
    names = [...Deno.readDirSync(registryDir(stateDir))];
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  for (const f of names) {
    if (!f.isFile || !/^\d+\.json$/.test(f.name)) continue;
    try {
      const e = JSON.parse(Deno.readTextFileSync(`${registryDir(stateDir)}/${f.name}`));
      if (isEntry(e)) entries.push(e);
    } catch { /* being written, or not ours: skip it, keep the rest */ }
  }
  return entries.sort((a, b) => a.startedAt.localeCompare(b.startedAt) || a.pid - b.pid);
}

export function forgetBackground(stateDir: string, entry: Pick<BackgroundEntry, "pid">): void {
  try {
    Deno.removeSync(entryPath(stateDir, entry));
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
}

function isEntry(v: unknown): v is BackgroundEntry {
  const e = v as BackgroundEntry;
  return typeof e === "object" && e !== null && Number.isInteger(e.pid) &&
    Number.isInteger(e.pgid) && typeof e.project === "string" && typeof e.name === "string" &&
    typeof e.logFile === "string" && typeof e.startedAt === "string";
}

export type BackgroundState = "running" | "gone";

/**
 * Whether what an entry recorded still runs. Pure.
 * - The leader is there with the recorded start time: running.
 * - A process has the pid but started at another time: the pid was reused; gone.
 * - The leader exited but its group still has members (`sh -c 'server &'`): running. The
 *   kernel does not hand out a pid while it is still some group's id, so the group is ours.
 */
export function backgroundState(
  entry: BackgroundEntry,
  starts: ReadonlyMap<number, string>,
  groupsAlive: ReadonlySet<number>,
): BackgroundState {
  const start = starts.get(entry.pid);
  if (start !== undefined) return !entry.started || start === entry.started ? "running" : "gone";
  return groupsAlive.has(entry.pgid) ? "running" : "gone";
}
