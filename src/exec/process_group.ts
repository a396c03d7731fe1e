/**
 * Signals to a whole process group. `Deno.kill` needs the full run permission, which rune does
 * not ask for; the `kill` program (in rune's run allowlist) reaches a group with `-- -PGID`.
 */
import type { Runtime } from "../runtime.ts";

export type GroupSignal = "TERM" | "KILL" | "INT" | "HUP";

/** Sends `signal` to every process in group `pgid`; false when none was left to signal. */
export async function signalGroup(
  runtime: Runtime,
  pgid: number,
  signal: GroupSignal,
): Promise<boolean> {
  const r = await runtime.run(["kill", `-${signal}`, "--", `-${pgid}`], {
    clearEnv: true,
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  return r.code === 0;
}

/** Whether any process of group `pgid` still exists (signal 0 probes without signalling). */
export async function groupAlive(runtime: Runtime, pgid: number): Promise<boolean> {
  const r = await runtime.run(["kill", "-0", "--", `-${pgid}`], {
    clearEnv: true,
    env: { PATH: "/usr/bin:/bin:/usr/sbin:/sbin" },
  });
  return r.code === 0;
}

/**
 * TERM the group, give it `graceMs` to go, then KILL what is left. Resolves when the group is
 * gone or KILL was sent.
 */
export async function endGroup(
  runtime: Runtime,
  pgid: number,
  options: { graceMs?: number; first?: GroupSignal } = {},
): Promise<void> {
  if (!await signalGroup(runtime, pgid, options.first ?? "TERM")) return;
  const deadline = runtime.now() + (options.graceMs ?? 2000);
  while (runtime.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    if (!await groupAlive(runtime, pgid)) return;
  }
  await signalGroup(runtime, pgid, "KILL");
}
