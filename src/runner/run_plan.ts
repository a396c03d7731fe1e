/**
 * Walks a Plan: runs each step with the executor for its kind, stops at a required failure,
 * stops starting steps on Ctrl-C, and reports through a Reporter. The only decisions here are
 * "what next"; how a step runs is each executor's business. Every kind goes through the same
 * table of executors; shell and background steps default to src/exec's.
 */
import type {
  BackgroundStep,
  ExecContext,
  Plan,
  PtyStep,
  Reporter,
  RunFlags,
  RunSummary,
  Runtime,
  ShellStep,
  Step,
  StepExecutor,
  StepKind,
  StepOutcome,
  StepResult,
  TmuxStep,
} from "../contract/mod.ts";
import { isFatal } from "../contract/mod.ts";
import { runBackgroundStep, runShellStep } from "../exec/mod.ts";

/** One executor per step kind. */
export interface Executors {
  shell: StepExecutor<ShellStep>;
  background: StepExecutor<BackgroundStep>;
  tmux: StepExecutor<TmuxStep>;
  pty: StepExecutor<PtyStep>;
}

export interface RunPlanOptions {
  reporter: Reporter;
  runtime: Runtime;
  /** The filtered environment children start from. */
  baseEnv: Record<string, string>;
  parentEnv: Readonly<Record<string, string>>;
  terminal: { stdin: boolean; stdout: boolean };
  flags: RunFlags;
  /** $XDG_STATE_HOME/rune (background pid registry). */
  stateDir: string;
  /** Executors by kind; a kind without one is skipped ("needs tmux support"), never dropped. */
  executors?: Partial<Executors>;
  /** Aborting it acts as Ctrl-C. The CLI ties it to SIGINT. */
  signal?: AbortSignal;
  /** True while an interactive step owns the terminal (Ctrl-C then belongs to it). */
  onInteractive?: (active: boolean) => void;
  /**
   * Before a step with wait_for: waits for those panes (the tmux executor's awaitTargets);
   * an outcome means the step fails (or was interrupted) without running.
   */
  waitFor?: (step: Step, ctx: ExecContext) => Promise<StepOutcome | undefined>;
}

export async function runPlan(plan: Plan, options: RunPlanOptions): Promise<RunSummary> {
  const { reporter } = options;
  const signal = options.signal ?? new AbortController().signal;
  const results: StepResult[] = [];
  reporter.begin(plan);
  let stopReason: string | undefined;

  for (const step of plan.steps) {
    if (signal.aborted) stopReason ??= "interrupted";
    if (stopReason) {
      const outcome: StepOutcome = {
        status: "skipped",
        exitCode: null,
        durationMs: 0,
        message: stopReason,
      };
      results.push({ step, outcome });
      reporter.stepFinished({ step, outcome });
      continue;
    }
    reporter.stepStarted(step);
    const ctx = contextFor(options, signal, reporter);
    const waited = step.waitFor?.length && options.waitFor
      ? await options.waitFor(step, ctx)
      : undefined;
    const outcome = waited ?? await runStep(step, ctx, plan, options);
    results.push({ step, outcome });
    reporter.stepFinished({ step, outcome });
    if (outcome.status === "interrupted") stopReason = "interrupted";
    else if (isFatal(step, outcome)) stopReason = `required step "${step.name}" failed`;
  }

  const summary: RunSummary = {
    plan,
    results,
    interrupted: signal.aborted || results.some((r) => r.outcome.status === "interrupted"),
  };
  reporter.end(summary);
  return summary;
}

function contextFor(options: RunPlanOptions, signal: AbortSignal, reporter: Reporter): ExecContext {
  return {
    baseEnv: options.baseEnv,
    parentEnv: options.parentEnv,
    signal,
    runtime: options.runtime,
    terminal: options.terminal,
    flags: options.flags,
    takeTerminal() {
      reporter.suspend();
      options.onInteractive?.(true);
      return () => {
        options.onInteractive?.(false);
        reporter.resume();
      };
    },
    note: (message) => reporter.note(message),
  };
}

function runStep(
  step: Step,
  ctx: ExecContext,
  plan: Plan,
  options: RunPlanOptions,
): Promise<StepOutcome> {
  const executors: Partial<Executors> = {
    shell: (s, c) =>
      runShellStep(s, c, { onOutput: (chunk) => options.reporter.stepOutput(s, chunk) }),
    background: (s, c) =>
      runBackgroundStep(s, c, { project: plan.project.name, stateDir: options.stateDir }),
    ...options.executors,
  };
  // Each kind's executor gets its own kind of step: the switch keeps the pairing typed.
  switch (step.kind) {
    case "shell":
      return run(executors.shell, step, ctx);
    case "background":
      return run(executors.background, step, ctx);
    case "tmux":
      return run(executors.tmux, step, ctx);
    case "pty":
      return run(executors.pty, step, ctx);
  }
}

function run<S extends Step>(
  executor: StepExecutor<S> | undefined,
  step: S,
  ctx: ExecContext,
): Promise<StepOutcome> {
  return executor ? executor(step, ctx) : Promise.resolve(unsupported(step.kind));
}

function unsupported(what: StepKind): StepOutcome {
  return {
    status: "skipped",
    exitCode: null,
    durationMs: 0,
    message: `needs ${what} support`,
  };
}
