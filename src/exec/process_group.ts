/**
 * Signals to a whole process group, and what `ps` says about processes. `Deno.kill` needs the
 * full run permission, which rune does not ask for; the `kill` program (in rune's run
 * allowlist) reaches a group with `-- -PGID`. Deno reads /proc/PID only with --allow-all, so
 * `ps` (also in the allowlist, and present on macOS, which has no /proc) is the probe.
 */
import type { Runtime } from "../contract/mod.ts";

export type GroupSignal = "TERM" | "KILL" | "INT" | "HUP";

const TOOL_ENV = { PATH: "/usr/bin:/bin:/usr/sbin:/sbin", LC_ALL: "C", TZ: "UTC" };

/** Sends `signal` to every process in group `pgid`; false when none was left to signal. */
export async function signalGroup(
  runtime: Runtime,
  pgid: number,
  signal: GroupSignal,
): Promise<boolean> {
  const r = await runtime.run(["kill", `-${signal}`, "--", `-${pgid}`], {
    clearEnv: true,
    env: TOOL_ENV,
  });
  return r.code === 0;
}

/**
 * Whether any live process of group `pgid` is left. A zombie does not count: `kill -0` says
 * yes to a group of zombies, and an orphan stays a zombie until init reaps it (about a second
 * on some machines), which would stretch every timeout by the whole grace period. `ps` sees
 * the state; `kill -0` is the fallback where `ps` cannot run.
 */
export async function groupAlive(runtime: Runtime, pgid: number): Promise<boolean> {
  const ps = await runtime.run(["ps", "-A", "-o", "pgid=,stat="], {
    clearEnv: true,
    env: TOOL_ENV,
  });
  if (ps.code === 0) return liveInGroup(ps.stdout, pgid);
  const r = await runtime.run(["kill", "-0", "--", `-${pgid}`], { clearEnv: true, env: TOOL_ENV });
  return r.code === 0;
}

/** Whether `ps -A -o pgid=,stat=` output lists a process of `pgid` that is not a zombie. Pure. */
export function liveInGroup(psOutput: string, pgid: number): boolean {
  for (const line of psOutput.split("\n")) {
    const [group, stat] = line.trim().split(/\s+/);
    if (Number(group) === pgid && stat && !stat.startsWith("Z")) return true;
  }
  return false;
}

/**
 * Sends `first` (TERM unless told) to the group, gives it `graceMs` to go, then KILLs what is
 * left. Resolves when the group is gone or KILL was sent.
 */
export async function endGroup(
  runtime: Runtime,
  pgid: number,
  options: { graceMs?: number; first?: GroupSignal; pollMs?: number } = {},
): Promise<void> {
  if (!await signalGroup(runtime, pgid, options.first ?? "TERM")) return;
  const deadline = runtime.now() + (options.graceMs ?? 2000);
  while (runtime.now() < deadline) {
    await new Promise((r) => setTimeout(r, options.pollMs ?? 50));
    if (!await groupAlive(runtime, pgid)) return;
  }
  await signalGroup(runtime, pgid, "KILL");
}

/**
 * pid → start time as `ps -o lstart=` prints it, for the pids that exist. With the pid, the
 * start time names one process and no later one that reuses the pid.
 */
export async function processStarts(
  runtime: Runtime,
  pids: readonly number[],
): Promise<Map<number, string>> {
  if (!pids.length) return new Map();
  const r = await runtime.run(["ps", "-o", "pid=,lstart=", "-p", pids.join(",")], {
    clearEnv: true,
    env: TOOL_ENV,
  });
  return parseProcessStarts(r.stdout);
}

/** Parses `ps -o pid=,lstart=` output ("  123 Fri Nov 27 01:20:36 2026" per line). Pure. */
export function parseProcessStarts(text: string): Map<number, string> {
  const starts = new Map<number, string>();
  for (const line of text.split("\n")) {
    const m = line.trim().match(/^(\d+)\s+(.+)$/);
    if (m) starts.set(Number(m[1]), m[2].trim().replace(/\s+/g, " "));
  }
  return starts;
}
