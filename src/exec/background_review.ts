/**
 * After `rune stop`: what `rune start` left running in the background for the project, and,
 * when asked (`rune stop --kill-background`), ending it: TERM to each whole process group,
 * KILL after a grace period. Entries whose process is gone (exited, or pid reused) are
 * forgotten on the way, whatever their project.
 */
import { endGroup, groupAlive, processStarts } from "./process_group.ts";
import type { Runtime } from "../contract/mod.ts";
import { backgroundState, forgetBackground, readBackground } from "../state/mod.ts";
import type { BackgroundEntry } from "../state/mod.ts";

export interface BackgroundReview {
  /** The project's processes still running (and left running). */
  running: BackgroundEntry[];
  /** The project's processes ended by this call. */
  ended: BackgroundEntry[];
  /** Entries forgotten because their process was gone. */
  forgotten: number;
}

export async function reviewBackground(
  runtime: Runtime,
  stateDir: string,
  project: string,
  options: { kill: boolean; graceMs?: number },
): Promise<BackgroundReview> {
  const { running, gone } = await probeBackground(runtime, readBackground(stateDir));
  for (const e of gone) forgetBackground(stateDir, e);
  const mine = running.filter((e) => e.project === project);
  if (!options.kill) return { running: mine, ended: [], forgotten: gone.length };
  await Promise.all(mine.map((e) => endGroup(runtime, e.pgid, { graceMs: options.graceMs })));
  for (const e of mine) forgetBackground(stateDir, e);
  return { running: [], ended: mine, forgotten: gone.length };
}

/** Splits the recorded entries into those still running and those gone. */
export async function probeBackground(
  runtime: Runtime,
  entries: readonly BackgroundEntry[],
): Promise<{ running: BackgroundEntry[]; gone: BackgroundEntry[] }> {
  const starts = await processStarts(runtime, entries.map((e) => e.pid));
  const alive = new Set<number>();
  for (const e of entries) {
    if (!starts.has(e.pid) && await groupAlive(runtime, e.pgid)) alive.add(e.pgid);
  }
  const running: BackgroundEntry[] = [];
  const gone: BackgroundEntry[] = [];
  for (const e of entries) {
    (backgroundState(e, starts, alive) === "running" ? running : gone).push(e);
  }
  return { running, gone };
}
