/** What `rune stop` says about background processes (see src/exec/background_review.ts). */
import { formatDuration, visible } from "../base/mod.ts";
import type { BackgroundReview } from "../exec/mod.ts";
import type { BackgroundEntry } from "../state/mod.ts";

/** The lines `rune stop` prints about background processes. Pure; values made visible. */
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
  // Names and log paths come from the registry's files: show their control characters.
  return lines.map((l) => visible(l));
}
