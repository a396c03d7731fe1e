/**
 * What running a Plan produces, and the contract between the ritual runner (src/rituals/run.ts)
 * and the executors of each step kind (src/exec for shell/background, src/tmux, src/pty).
 */
import type { Runtime } from "./runtime.ts";
import type { Plan, Step } from "./plan.ts";

export type StepStatus =
  /** Exited 0 (or, for tmux, the session is built/reused and attached or left detached). */
  | "ok"
  /** Exited non-zero, or could not start. */
  | "failed"
  | "timed-out"
  /**
   * Not run: an earlier required step failed, Ctrl-C, no way to run it (no terminal…), or a
   * background command that is already running (its pid and log in the outcome).
   */
  | "skipped"
  /** Background step started and left running. */
  | "started"
  /** Running when Ctrl-C arrived. */
  | "interrupted";

export interface StepOutcome {
  status: StepStatus;
  /** The child's exit status; null when it never ran or died by a signal. */
  exitCode: number | null;
  durationMs: number;
  /** One line for the summary: "timed out after 30s", "skipped: needs a terminal", … */
  message?: string;
  /** Last lines of combined output, for a failed step. */
  outputTail?: string[];
  /** Background output, or a transcript. */
  logFile?: string;
  pid?: number;
  /** How an interactive step ran: "tmux", "pty" (script), "direct" (inherited stdio). */
  via?: "shell" | "background" | "tmux" | "pty" | "direct";
  /** A missing program or permission (tmux, script): the CLI exits 3 for a required step. */
  missing?: string;
}

export interface StepResult {
  step: Step;
  outcome: StepOutcome;
}

export interface RunSummary {
  plan: Plan;
  results: StepResult[];
  interrupted: boolean;
}

/** Options chosen on the command line that executors honour. */
export interface RunFlags {
  /** --no-tmux: interactive steps never use tmux. */
  noTmux: boolean;
  /** --no-pty: interactive steps never use `script`. */
  noPty: boolean;
  /** --detach: build tmux sessions but do not attach or switch. */
  detach: boolean;
  verbose: boolean;
  /** --wait: a template step ends only once every condition its panes declare holds. */
  wait?: boolean;
}

/** What an executor gets besides its step. */
export interface ExecContext {
  /** The filtered environment every child starts from; add `step.env` on top. */
  baseEnv: Record<string, string>;
  /** The unfiltered environment rune itself runs in (TMUX, TERM, … for decisions only). */
  parentEnv: Readonly<Record<string, string>>;
  /** Aborted on Ctrl-C. */
  signal: AbortSignal;
  runtime: Runtime;
  /** Whether rune's own stdin / stdout are terminals. */
  terminal: { stdin: boolean; stdout: boolean };
  flags: RunFlags;
  /** Stop drawing progress while a step owns the terminal; call the returned function after. */
  takeTerminal(): () => void;
  /** A one-line note in the run's output ("reusing tmux session dev-web"). */
  note(message: string): void;
}

export type StepExecutor<S extends Step = Step> = (
  step: S,
  ctx: ExecContext,
) => Promise<StepOutcome>;

/** Whether the outcome is a failure (of a required or an optional step). */
export function isFailure(outcome: StepOutcome): boolean {
  return outcome.status === "failed" || outcome.status === "timed-out";
}

/** Whether a failure of this step stops the ritual. */
export function isFatal(step: Step, outcome: StepOutcome): boolean {
  return !step.optional && isFailure(outcome);
}
