/**
 * Live progress on a terminal: every step with its state and elapsed time, redrawn in place
 * (at most 10 times a second), the failing command's last output under it. The drawing is a
 * pure function of a snapshot; the class only moves the cursor.
 */
import { formatDuration } from "../config/duration.ts";
import type { Colors } from "../colors.ts";
import type { RunSummary, StepOutcome, StepResult } from "./outcome_types.ts";
import type { Plan, Step } from "./plan_types.ts";
import type { Reporter, Write } from "./reporter.ts";
import { isFatal, outcomeDetail, statusMark, summaryLine } from "./report_text.ts";

export interface LiveRow {
  step: Step;
  startedAt?: number;
  outcome?: StepOutcome;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const TAIL_LINES = 8;

/** The block of lines for this moment. Lines are cut to `columns` so the redraw stays exact. */
export function renderLive(
  header: string,
  rows: readonly LiveRow[],
  now: number,
  c: Colors,
  columns: number,
): string[] {
  const lines = [header];
  for (const row of rows) {
    const { step, outcome } = row;
    if (outcome) {
      const detail = outcomeDetail(outcome);
      const optional = step.optional && !["ok", "started", "skipped"].includes(outcome.status)
        ? " (optional)"
        : "";
      lines.push(`${statusMark(outcome.status, c)} ${step.name}${optional}  ${c.dim(detail)}`);
      if (
        (outcome.status === "failed" || outcome.status === "timed-out") && outcome.outputTail
      ) {
        for (const l of outcome.outputTail.slice(-TAIL_LINES)) lines.push(c.dim(`    │ ${l}`));
      }
    } else if (row.startedAt !== undefined) {
      const spin = SPINNER[Math.floor(now / 100) % SPINNER.length];
      lines.push(`${c.cyan(spin)} ${step.name}  ${c.dim(formatDuration(now - row.startedAt))}`);
    } else {
      lines.push(`${statusMark("pending", c)} ${c.dim(step.name)}`);
    }
  }
  return lines.map((l) => clip(l, columns));
}

/** Cuts a line to `columns` visible characters, keeping ANSI colour codes intact. */
function clip(line: string, columns: number): string {
  let visible = 0;
  let out = "";
  let coloured = false;
  for (let i = 0; i < line.length; i++) {
    if (line[i] === "\x1b") {
      coloured = true;
      const end = line.indexOf("m", i);
      out += line.slice(i, end + 1);
      i = end;
      continue;
    }
    if (visible >= columns - 1) return coloured ? `${out}\x1b[0m` : out;
    out += line[i];
    visible++;
  }
  return out;
}

export interface LiveOptions {
  write: Write;
  colors: Colors;
  columns: () => number;
  now?: () => number;
}

export class LiveReporter implements Reporter {
  #o: LiveOptions;
  #rows: LiveRow[] = [];
  #header = "";
  #drawn = 0;
  #timer: ReturnType<typeof setInterval> | undefined;
  #began = 0;
  #suspended = false;
  #ended = false;

  constructor(options: LiveOptions) {
    this.#o = options;
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }

  #draw(): void {
    if (this.#suspended || this.#ended) return;
    const lines = renderLive(
      this.#header,
      this.#rows,
      this.#now(),
      this.#o.colors,
      this.#o.columns(),
    );
    const up = this.#drawn ? `\x1b[${this.#drawn}A\r` : "";
    this.#o.write(`${up}\x1b[J${lines.join("\n")}\n`);
    this.#drawn = lines.length;
  }

  #tick(on: boolean): void {
    if (on && this.#timer === undefined) {
      const timer = setInterval(() => this.#draw(), 100);
      Deno.unrefTimer(timer);
      this.#timer = timer;
    } else if (!on && this.#timer !== undefined) {
      clearInterval(this.#timer);
      this.#timer = undefined;
    }
  }

  begin(plan: Plan): void {
    this.#began = this.#now();
    this.#header = `rune ${plan.ritual} ${this.#o.colors.bold(plan.project.name)} ` +
      this.#o.colors.dim(`(${plan.project.detectedBy})`);
    this.#rows = plan.steps.map((step) => ({ step }));
    this.#o.write("\x1b[?25l"); // cursor hidden while drawing; end() and suspend() show it
    this.#draw();
  }

  stepStarted(step: Step): void {
    const row = this.#rows.find((r) => r.step === step);
    if (row) row.startedAt = this.#now();
    this.#draw();
    this.#tick(true);
  }

  stepOutput(): void {}

  stepFinished(result: StepResult): void {
    const row = this.#rows.find((r) => r.step === result.step);
    if (row) row.outcome = result.outcome;
    this.#tick(false);
    this.#draw();
  }

  note(message: string): void {
    // Notes go above the live block so they stay on screen.
    const up = this.#drawn ? `\x1b[${this.#drawn}A\r\x1b[J` : "";
    this.#o.write(`${up}${this.#o.colors.dim("note:")} ${message}\n`);
    this.#drawn = 0;
    this.#draw();
  }

  suspend(): void {
    this.#tick(false);
    this.#draw();
    this.#suspended = true;
    this.#drawn = 0;
    this.#o.write("\x1b[?25h");
  }

  resume(): void {
    this.#suspended = false;
    this.#o.write("\x1b[?25l");
    this.#draw();
  }

  end(summary: RunSummary): void {
    this.#tick(false);
    this.#suspended = false;
    this.#draw();
    const fatal = summary.results.find((r) => isFatal(r.step, r.outcome));
    if (fatal) {
      this.#o.write(this.#o.colors.red(`"${fatal.step.name}" is required: the ritual stopped\n`));
    }
    this.#o.write(`${summaryLine(summary, this.#now() - this.#began)}\n\x1b[?25h`);
    this.#ended = true;
    this.#drawn = 0;
  }

  /** Shows the cursor again whatever happened (called from the CLI's finally). */
  restoreTerminal(): void {
    this.#tick(false);
    this.#o.write("\x1b[?25h");
  }
}
