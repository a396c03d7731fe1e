/**
 * Walks a Plan: runs each step with the executor for its kind, stops at a required failure,
 * stops starting steps on Ctrl-C, and reports through a Reporter. The only decisions here are
 * "what next"; how a step runs is each executor's business.
 */
import type { Runtime } from "../exec/deno_runtime.ts";
import { runShellStep } from "../exec/shell_step.ts";
import { runBackgroundStep } from "../exec/background_step.ts";
import type {
  ExecContext,
  RunFlags,
  RunSummary,
  StepExecutor,
  StepOutcome,
  StepResult,
} from "../contract/outcome.ts";
import type { Plan, PtyStep, Step, TmuxStep } from "../contract/plan.ts";
import type { Reporter } from "../contract/reporter.ts";
import { isFatal } from "../output/report_text.ts";

export interface Executors {
  tmux?: StepExecutor<TmuxStep>;
  pty?: StepExecutor<PtyStep>;
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
  executors?: Executors;
  /** Aborting it acts as Ctrl-C. The CLI ties it to SIGINT. */
  signal?: AbortSignal;
  /** True while an interactive step owns the terminal (Ctrl-C then belongs to it). */
  onInteractive?: (active: boolean) => void;
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
    const outcome = await runStep(step, ctx, plan, options);
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

async function runStep(
  step: Step,
  ctx: ExecContext,
  plan: Plan,
  options: RunPlanOptions,
): Promise<StepOutcome> {
  switch (step.kind) {
    case "shell":
      return await runShellStep(step, ctx, {
        onOutput: (chunk) => options.reporter.stepOutput(step, chunk),
      });
    case "background":
      return await runBackgroundStep(step, ctx, {
        project: plan.project.name,
        stateDir: options.stateDir,
      });
    case "tmux":
      return options.executors?.tmux
        ? await options.executors.tmux(step, ctx)
        : unsupported("tmux");
    case "pty":
      return options.executors?.pty ? await options.executors.pty(step, ctx) : unsupported("pty");
  }
}

function unsupported(what: "tmux" | "pty"): StepOutcome {
  return {
    status: "skipped",
    exitCode: null,
    durationMs: 0,
    message: `needs ${what} support`,
  };
}

/** The exit code a finished run deserves (DESIGN.md): 130, 3, 1 or 0. */
export function exitCodeFor(summary: RunSummary): 0 | 1 | 3 | 130 {
  if (summary.interrupted) return 130;
  const fatal = summary.results.find((r) => isFatal(r.step, r.outcome));
  if (fatal) return fatal.outcome.missing ? 3 : 1;
  return 0;
}
