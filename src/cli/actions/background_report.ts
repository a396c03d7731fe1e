/**
 * After `rune stop`: what `rune start` left running for the project, and, with
 * --kill-background, ending it (TERM, then KILL after a grace period, whole process groups).
 */
import { endGroup } from "../../exec/process_group.ts";
import { denoRuntime } from "../../runtime.ts";
import { liveBackground, rewriteBackground } from "../../state/background_registry.ts";

export async function stopBackground(
  project: string,
  stateDir: string,
  options: { kill: boolean; quiet: boolean },
): Promise<void> {
  const live = await liveBackground(denoRuntime, stateDir);
  const mine = live.filter((e) => e.project === project);
  if (options.kill) {
    await Promise.all(mine.map((e) => endGroup(denoRuntime, e.pgid)));
    for (const e of mine) {
      if (!options.quiet) {
        console.error(`ended background "${e.name}" (pid ${e.pid}); log ${e.logFile}`);
      }
    }
    rewriteBackground(stateDir, live.filter((e) => e.project !== project));
    return;
  }
  rewriteBackground(stateDir, live);
  if (options.quiet || mine.length === 0) return;
  for (const e of mine) {
    console.error(`still running in the background: "${e.name}" (pid ${e.pid}); log ${e.logFile}`);
  }
  console.error("  hint: end them with: rune stop --kill-background");
}
