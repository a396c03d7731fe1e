/**
 * Plain progress: one line when a step starts and one when it ends, prefixed so a log can
 * keep them. Used without a terminal, with NO_COLOR / --no-color, --verbose or --quiet.
 */
import type { Colors } from "../colors.ts";
import type { RunSummary, StepResult } from "./outcome_types.ts";
import type { Plan, Step } from "./plan_types.ts";
import type { Reporter, Write } from "./reporter.ts";
import { isFatal, outcomeDetail, STATUS_WORD, statusMark, summaryLine } from "./report_text.ts";

export interface PlainOptions {
  write: Write;
  colors: Colors;
  /** Only failures, notes that matter, and the summary. */
  quiet?: boolean;
  /** Echo each command before it runs, and stream its output. */
  verbose?: boolean;
  now?: () => number;
}

export class PlainReporter implements Reporter {
  #o: PlainOptions;
  #total = 0;
  #began = 0;

  constructor(options: PlainOptions) {
    this.#o = options;
  }

  #prefix(step: Step): string {
    return this.#o.colors.dim(`[${step.id}/${this.#total}]`);
  }

  begin(plan: Plan): void {
    this.#total = plan.steps.length;
    this.#began = (this.#o.now ?? Date.now)();
    if (this.#o.quiet) return;
    this.#o.write(
      `rune ${plan.ritual} ${plan.project.name}: ${plan.steps.length} step(s) ` +
        `(${plan.project.detectedBy})\n`,
    );
  }

  stepStarted(step: Step): void {
    if (this.#o.quiet) return;
    this.#o.write(`${this.#prefix(step)} ${step.name} …\n`);
    if (this.#o.verbose && "command" in step && step.command) {
      this.#o.write(this.#o.colors.dim(`$ sh -c ${quoteForDisplay(step.command)}\n`));
    }
  }

  stepOutput(_step: Step, chunk: Uint8Array): void {
    if (this.#o.verbose) this.#o.write(new TextDecoder().decode(chunk));
  }

  stepFinished({ step, outcome }: StepResult): void {
    const fatal = isFatal(step, outcome);
    const bad = outcome.status === "failed" || outcome.status === "timed-out";
    if (this.#o.quiet && !bad) return;
    const c = this.#o.colors;
    const word = STATUS_WORD[outcome.status];
    const detail = outcomeDetail(outcome);
    const label = bad && step.optional ? `${word} (optional, going on)` : word;
    this.#o.write(
      `${this.#prefix(step)} ${statusMark(outcome.status, c)} ${step.name}: ${label}` +
        `${detail ? ` · ${detail}` : ""}\n`,
    );
    if (bad && outcome.outputTail?.length) {
      this.#o.write(c.dim(`    last output of "${step.name}":\n`));
      for (const line of outcome.outputTail) this.#o.write(`    | ${line}\n`);
    }
    if (fatal) this.#o.write(c.red(`    "${step.name}" is required: the ritual stops here\n`));
  }

  note(message: string): void {
    if (!this.#o.quiet) this.#o.write(`${this.#o.colors.dim("note:")} ${message}\n`);
  }

  suspend(): void {}
  resume(): void {}

  end(summary: RunSummary): void {
    const elapsed = (this.#o.now ?? Date.now)() - this.#began;
    this.#o.write(`${summaryLine(summary, elapsed)}\n`);
  }
}

/** Single-quotes a command for the verbose echo, so what is shown can be pasted back. */
function quoteForDisplay(command: string): string {
  return `'${command.replace(/'/g, `'\\''`)}'`;
}
