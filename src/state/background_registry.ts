/**
 * What `rune start` left running in the background: one JSON line per process in
 * $XDG_STATE_HOME/rune/background.jsonl, so `rune stop` can report or end them.
 * A pid is trusted only while `ps` shows the same start time (pids get reused). Deno reads
 * /proc/PID only with --allow-all, so `ps` (in rune's run allowlist) is the probe.
 */
import type { Runtime } from "../runtime.ts";

export interface BackgroundEntry {
  pid: number;
  /** The child leads its own session: pgid = pid. */
  pgid: number;
  project: string;
  name: string;
  command: string;
  logFile: string;
  startedAt: string;
  /** `ps -o lstart=` when started: with the pid, it names this process and no later one. */
  started?: string;
}

export function registryPath(stateDir: string): string {
  return `${stateDir}/background.jsonl`;
}

/** Appends one entry; a single write with O_APPEND so concurrent rituals never tear lines. */
export function recordBackground(stateDir: string, entry: BackgroundEntry): void {
  Deno.mkdirSync(stateDir, { recursive: true, mode: 0o700 });
  const file = Deno.openSync(registryPath(stateDir), {
    append: true,
    create: true,
    mode: 0o600,
  });
  try {
    file.writeSync(new TextEncoder().encode(`${JSON.stringify(entry)}\n`));
  } finally {
    file.close();
  }
}

/** Every recorded entry whose process is still the one rune started. */
export async function liveBackground(
  runtime: Runtime,
  stateDir: string,
): Promise<BackgroundEntry[]> {
  const entries = readEntries(stateDir);
  const starts = await processStarts(runtime, entries.map((e) => e.pid));
  return entries.filter((e) =>
    starts.has(e.pid) && (!e.started || starts.get(e.pid) === e.started)
  );
}

/** Rewrites the registry keeping only `keep`'s entries (live ones the caller did not end). */
export function rewriteBackground(stateDir: string, keep: readonly BackgroundEntry[]): void {
  const path = registryPath(stateDir);
  const tmp = `${path}.${Deno.pid}.tmp`;
  try {
    Deno.writeTextFileSync(tmp, keep.map((e) => `${JSON.stringify(e)}\n`).join(""), {
      mode: 0o600,
    });
    Deno.renameSync(tmp, path);
  } catch (e) {
    if (!(e instanceof Deno.errors.NotFound)) throw e;
  }
}

function readEntries(stateDir: string): BackgroundEntry[] {
  let text: string;
  try {
    text = Deno.readTextFileSync(registryPath(stateDir));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return [];
    throw e;
  }
  const entries: BackgroundEntry[] = [];
  for (const line of text.split("\n")) {
    if (!line.trim()) continue;
    try {
      entries.push(JSON.parse(line));
    } catch { /* a torn or foreign line: skip it, keep the rest */ }
  }
  return entries;
}

/** pid → start time as `ps` prints it, for the pids that exist. */
export async function processStarts(
  runtime: Runtime,
  pids: readonly number[],
): Promise<Map<number, string>> {
  const starts = new Map<number, string>();
  if (!pids.length) return starts;
  const r = await runtime.run(["ps", "-o", "pid=,lstart=", "-p", pids.join(",")], {
    clearEnv: true,
    env: { PATH: "/usr/bin:/bin", LC_ALL: "C", TZ: "UTC" },
  });
  for (const line of r.stdout.split("\n")) {
    const m = line.trim().match(/^(\d+)\s+(.+)$/);
    if (m) starts.set(Number(m[1]), m[2].trim());
  }
  return starts;
}
