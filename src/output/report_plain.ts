/**
 * Plain progress: one line when a step starts and one when it ends, prefixed `[i/n]` so a log
 * can keep them. Used without a terminal, with NO_COLOR / --no-color, --verbose or --quiet.
 * --quiet keeps failures and the summary; --verbose also echoes each command as
 * `$ sh -c '…'` and passes its output through as it comes.
 */
import { visible } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import type { Plan, Reporter, RunSummary, Step, StepResult, Write } from "../contract/mod.ts";
import { closingLines, outcomeLabel, statusMark } from "./report_text.ts";
import { isFailure, isFatal } from "../contract/mod.ts";

export interface PlainOptions {
  write: Write;
  colors: Colors;
  /** Only failures and the summary. */
  quiet?: boolean;
  /** Echo each command before it runs, and stream its output. */
  verbose?: boolean;
  now?: () => number;
}

export class PlainReporter implements Reporter {
  #o: PlainOptions;
  #total = 0;
  #began = 0;
  #decoder = new TextDecoder();
  /** Whether the verbose output of the running step ended without a newline. */
  #midLine = false;

  constructor(options: PlainOptions) {
    this.#o = options;
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }

  #prefix(step: Step): string {
    return this.#o.colors.dim(`[${step.id}/${this.#total}]`);
  }

  begin(plan: Plan): void {
    this.#total = plan.steps.length;
    this.#began = this.#now();
    if (this.#o.quiet) return;
    const n = plan.steps.length;
    this.#o.write(
      visible(
        `rune ${plan.ritual} ${plan.project.name}: ${n} step${n === 1 ? "" : "s"} ` +
          `(project found by ${plan.project.detectedBy})`,
      ) + "\n",
    );
  }

  stepStarted(step: Step): void {
    if (this.#o.quiet) return;
    this.#o.write(`${this.#prefix(step)} ${visible(step.name)} …\n`);
    if (this.#o.verbose && "command" in step && step.command) {
      const how = step.kind === "background" ? " (background)" : "";
      const echo = visible(`$ sh -c ${shellQuote(step.command)}${how}`, { keepNewlines: true });
      this.#o.write(this.#o.colors.dim(`${echo}\n`));
    }
  }

  stepOutput(_step: Step, chunk: Uint8Array): void {
    if (!this.#o.verbose || this.#o.quiet) return;
    const text = this.#decoder.decode(chunk, { stream: true });
    if (!text) return;
    this.#o.write(text);
    this.#midLine = !text.endsWith("\n");
  }

  stepFinished({ step, outcome }: StepResult): void {
    if (this.#midLine) {
      this.#o.write(`${this.#decoder.decode()}\n`);
      this.#midLine = false;
    }
    const bad = isFailure(outcome) || outcome.status === "interrupted";
    if (this.#o.quiet && !bad) return;
    const c = this.#o.colors;
    this.#o.write(
      `${this.#prefix(step)} ${statusMark(outcome.status, c, step)} ${visible(step.name)}: ` +
        `${outcomeLabel(step, outcome)}\n`,
    );
    // Verbose mode already showed the whole output.
    if (bad && outcome.outputTail?.length && !this.#o.verbose) {
      this.#o.write(c.dim(`    last output of "${visible(step.name)}":\n`));
      for (const line of outcome.outputTail) this.#o.write(`    | ${line}\n`);
    }
    if (isFatal(step, outcome)) {
      this.#o.write(c.red(`    "${visible(step.name)}" is required: the ritual stops here\n`));
    }
  }

  note(message: string): void {
    if (!this.#o.quiet) this.#o.write(`${this.#o.colors.dim("note:")} ${visible(message)}\n`);
  }

  suspend(): void {}
  resume(): void {}

  end(summary: RunSummary): void {
    const lines = closingLines(summary, this.#now() - this.#began, this.#o.colors);
    this.#o.write(
      lines.map((l) =>
        `${l}
`
      ).join(""),
    );
  }
}
