/**
 * After `rune stop`: report what `rune start` left running for the project, or end it with
 * --kill-background (src/exec/background_review.ts).
 */
import { denoRuntime, reviewBackground } from "../../exec/mod.ts";
import { formatBackgroundReview } from "../../output/mod.ts";

export async function stopBackground(
  project: string,
  stateDir: string,
  options: { kill: boolean; quiet: boolean },
): Promise<void> {
  const review = await reviewBackground(denoRuntime, stateDir, project, { kill: options.kill });
  if (options.quiet) return;
  for (const line of formatBackgroundReview(review, Date.now())) console.error(line);
}
