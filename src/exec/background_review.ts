/**
 * After `rune stop`: what `rune start` left running in the background for the project, and,
 * when asked (`rune stop --kill-background`), ending it: TERM to each whole process group,
 * KILL after a grace period. Entries whose process is gone (exited, or pid reused) are
 * forgotten on the way, whatever their project.
 */
import { formatDuration } from "../base/duration.ts";
import { endGroup } from "./process_group.ts";
import type { Runtime } from "./deno_runtime.ts";
import type { BackgroundEntry } from "../state/background_registry.ts";
import { forgetBackground, probeBackground, readBackground } from "../state/background_registry.ts";

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

/** The lines `rune stop` prints about background processes. Pure. */
export function formatBackgroundReview(review: BackgroundReview, now: number): string[] {
  const lines: string[] = [];
  const age = (e: BackgroundEntry) => {
    const since = Date.parse(e.startedAt);
    return Number.isNaN(since) ? "" : `, up ${formatDuration(Math.max(0, now - since))}`;
  };
  for (const e of review.ended) {
    lines.push(`ended background "${e.name}" (pid ${e.pid}); its log stays at ${e.logFile}`);
  }
  for (const e of review.running) {
    lines.push(
      `still running from rune start: "${e.name}" (pid ${e.pid}${age(e)}); log ${e.logFile}`,
    );
  }
  if (review.running.length) lines.push("  hint: end them with: rune stop --kill-background");
  return lines;
}
