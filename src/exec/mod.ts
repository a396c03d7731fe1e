/**
 * @module
 * Processes: the Deno runtime behind the seam, spawning a step's child, shell steps (their own
 * process group, a bounded output tail, the whole group ended on timeout or Ctrl-C),
 * background steps (recorded in src/state), signals to process groups through `kill`, and what
 * `ps` says about them; every program found on rune's own PATH, as its run permission was.
 * Needs --allow-run for sh, kill and ps.
 */
export { childEnv, denoRuntime } from "./deno_runtime.ts";
export { ownSessionLauncher, spawnStep } from "./spawn.ts";
export type { StepSpawnOptions } from "./spawn.ts";
export { findProgram, searchPath, spawnablePath } from "./program.ts";
export { explainExit, missingProgram, spawnFailure } from "./exit_reason.ts";
export { OutputTail, printable } from "./output_tail.ts";
export {
  endGroup,
  groupAlive,
  liveInGroup,
  parseProcessStarts,
  processStarts,
  signalGroup,
} from "./process_group.ts";
export type { GroupSignal } from "./process_group.ts";
export { runShellStep } from "./shell_step.ts";
export type { ShellRunOptions } from "./shell_step.ts";
export { runBackgroundStep } from "./background_step.ts";
export type { BackgroundOptions } from "./background_step.ts";
export { probeBackground, reviewBackground } from "./background_review.ts";
export type { BackgroundReview } from "./background_review.ts";
