/**
 * @module
 * The contract at the bottom: the Plan (steps, layouts, the exact tmux calls), what running it
 * produces (outcomes, statuses, the run summary), what an executor gets (ExecContext), the
 * Reporter the runner talks to, the Runtime seam every effect goes through, and a saved tmux
 * session (what `rune session save` keeps and `restore` rebuilds). Plain types
 * and two predicates over outcomes; imports nothing of rune's but src/base.
 */
export type {
  AppendWindow,
  BackgroundStep,
  BuiltPane,
  PaneLayout,
  Plan,
  ProjectInfo,
  PtyStep,
  RitualName,
  ScriptFlavour,
  SessionBuild,
  SessionLayout,
  ShellStep,
  Step,
  StepKind,
  SyncWindow,
  TmuxCalls,
  TmuxStep,
  WindowLayout,
} from "./plan.ts";
export type {
  GateRef,
  PaneReadiness,
  ReadyCondition,
  SessionReadiness,
  WaitTarget,
  WindowReadiness,
} from "./readiness.ts";
export { describeCondition } from "./readiness.ts";
export { isFailure, isFatal } from "./outcome.ts";
export type {
  ExecContext,
  RunFlags,
  RunSummary,
  StepExecutor,
  StepOutcome,
  StepResult,
  StepStatus,
} from "./outcome.ts";
export type { Reporter, Write } from "./reporter.ts";
export type { SavedPane, SavedSession, SavedWindow } from "./saved.ts";
export type { RunOptions, RunOutcome, Runtime, SpawnedChild } from "./runtime.ts";
