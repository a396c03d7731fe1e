/**
 * Live progress on a terminal: every step with its state and elapsed time, redrawn in place,
 * the running command's latest output line under it and the failing command's last lines under
 * it. Own code rather than npm:listr2: listr2 adds ~22 ms to every start (measured), reads
 * colour variables at import, and its task model does not fit steps that hand the terminal to
 * tmux or `script`.
 *
 * The drawing is a pure function of a snapshot (renderLive); the class only moves the cursor:
 * at most one frame every FRAME_MS, one write per frame, lines cut to the terminal's width and
 * the block kept under its height so the cursor-up redraw stays exact. The cursor is hidden
 * while drawing and shown again by end(), suspend() and restoreTerminal().
 */
import { formatDuration } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import { OutputTail } from "../exec/mod.ts";
import type {
  Plan,
  Reporter,
  RunSummary,
  Step,
  StepOutcome,
  StepResult,
  Write,
} from "../contract/mod.ts";
import { closingLines, outcomeLabel, statusMark } from "./report_text.ts";
import { isFailure } from "../contract/mod.ts";

export interface LiveRow {
  step: Step;
  startedAt?: number;
  outcome?: StepOutcome;
  /** Latest output line of a running step. */
  lastLine?: string;
}

export interface LiveSnapshot {
  header: string;
  rows: readonly LiveRow[];
  now: number;
  columns: number;
  /** Most lines the block may take (terminal height - 1); Infinity for the final frame. */
  maxLines: number;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const TAIL_LINES = 8;
const FRAME_MS = 50;

/** The block of lines for this moment. */
export function renderLive(s: LiveSnapshot, c: Colors): string[] {
  const blocks = s.rows.map((row) => rowLines(row, s.now, c));
  let lines = fit(s.header, s.rows, blocks, s.maxLines, c);
  if (lines.length > s.maxLines) lines = lines.slice(0, Math.max(1, s.maxLines));
  return lines.map((l) => clip(l, s.columns));
}

function rowLines(row: LiveRow, now: number, c: Colors): string[] {
  const { step, outcome } = row;
  if (outcome) {
    const label = outcomeLabel(step, outcome);
    const lines = [`${statusMark(outcome.status, c)} ${step.name}  ${c.dim(label)}`];
    if ((isFailure(outcome) || outcome.status === "interrupted") && outcome.outputTail) {
      for (const l of outcome.outputTail.slice(-TAIL_LINES)) lines.push(c.dim(`    │ ${l}`));
    }
    return lines;
  }
  if (row.startedAt !== undefined) {
    const spin = SPINNER[Math.floor(now / 100) % SPINNER.length];
    const lines = [`${c.cyan(spin)} ${step.name}  ${c.dim(formatDuration(now - row.startedAt))}`];
    if (row.lastLine) lines.push(c.dim(`    ${row.lastLine}`));
    return lines;
  }
  return [`${statusMark("pending", c)} ${c.dim(step.name)}`];
}

/**
 * Keeps the block under `maxLines`: first the earliest finished steps that went well fold
 * into one "N steps done" line, then the last pending steps into "N more".
 */
function fit(
  header: string,
  rows: readonly LiveRow[],
  blocks: string[][],
  maxLines: number,
  c: Colors,
): string[] {
  const size = (folded: number, cut: number) =>
    1 + (folded ? 1 : 0) + blocks.slice(folded, blocks.length - cut).flat().length + (cut ? 1 : 0);
  const calm = (r: LiveRow) =>
    r.outcome !== undefined && !isFailure(r.outcome) && r.outcome.status !== "interrupted";
  let folded = 0;
  while (folded < rows.length && calm(rows[folded]) && size(folded, 0) > maxLines) folded++;
  let cut = 0;
  const pending = (i: number) => rows[i].startedAt === undefined;
  while (
    blocks.length - cut - folded > 1 && pending(blocks.length - cut - 1) &&
    size(folded, cut) > maxLines
  ) cut++;
  return [
    header,
    ...(folded ? [`${statusMark("ok", c)} ${c.dim(`${folded} steps done`)}`] : []),
    ...blocks.slice(folded, blocks.length - cut).flat(),
    ...(cut ? [c.dim(`· ${cut} more`)] : []),
  ];
}

/** Cuts a line to `columns - 1` visible characters, keeping ANSI colour codes intact. */
export function clip(line: string, columns: number): string {
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
  /** The terminal's size now (it can change while rune runs). */
  size: () => { columns: number; rows: number };
  now?: () => number;
}

export class LiveReporter implements Reporter {
  #o: LiveOptions;
  #rows: LiveRow[] = [];
  #tails = new Map<Step, OutputTail>();
  #header = "";
  #drawn = 0;
  #lastFrame = -Infinity;
  #spinner: ReturnType<typeof setInterval> | undefined;
  #pending: ReturnType<typeof setTimeout> | undefined;
  #began = 0;
  #suspended = false;
  /** After end(): the block is final; notes (tmux's attach hint…) are printed below it. */
  #ended = false;
  #pendingNotes: string[] = [];

  constructor(options: LiveOptions) {
    this.#o = options;
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }

  /** Draws now: notes first (they stay above the block), then the block in place. */
  #draw(final = false): void {
    if (this.#pending !== undefined) clearTimeout(this.#pending);
    this.#pending = undefined;
    if (this.#suspended || this.#ended) return;
    const size = this.#o.size();
    const lines = renderLive({
      header: this.#header,
      rows: this.#rows,
      now: this.#now(),
      columns: size.columns,
      maxLines: final ? Infinity : Math.max(3, size.rows - 1),
    }, this.#o.colors);
    const up = this.#drawn ? `\x1b[${this.#drawn}A\r` : "";
    const notes = this.#pendingNotes.map((n) => `${clip(n, Infinity)}\x1b[K\n`).join("");
    this.#pendingNotes = [];
    this.#o.write(`${up}${notes}${lines.map((l) => `${l}\x1b[K`).join("\n")}\n\x1b[J`);
    this.#drawn = lines.length;
    this.#lastFrame = this.#now();
  }

  /** Draws soon: at most one frame every FRAME_MS, however fast steps come and go. */
  #schedule(): void {
    if (this.#pending !== undefined || this.#suspended) return;
    const wait = this.#lastFrame + FRAME_MS - this.#now();
    if (wait <= 0) return this.#draw();
    this.#pending = setTimeout(() => this.#draw(), wait);
  }

  #spin(on: boolean): void {
    if (on && this.#spinner === undefined) {
      const timer = setInterval(() => this.#schedule(), 100);
      Deno.unrefTimer(timer);
      this.#spinner = timer;
    } else if (!on && this.#spinner !== undefined) {
      clearInterval(this.#spinner);
      this.#spinner = undefined;
    }
  }

  begin(plan: Plan): void {
    this.#began = this.#now();
    const c = this.#o.colors;
    this.#header = `rune ${plan.ritual} ${c.bold(plan.project.name)} ` +
      c.dim(`(project found by ${plan.project.detectedBy})`);
    this.#rows = plan.steps.map((step) => ({ step }));
    this.#o.write("\x1b[?25l");
    this.#draw();
  }

  stepStarted(step: Step): void {
    const row = this.#rows.find((r) => r.step === step);
    if (row) row.startedAt = this.#now();
    this.#spin(true);
    this.#schedule();
  }

  stepOutput(step: Step, chunk: Uint8Array): void {
    const row = this.#rows.find((r) => r.step === step);
    if (!row) return;
    let tail = this.#tails.get(step);
    if (!tail) this.#tails.set(step, tail = new OutputTail(1, 200));
    tail.push(chunk);
    row.lastLine = tail.lastLine();
  }

  stepFinished(result: StepResult): void {
    const row = this.#rows.find((r) => r.step === result.step);
    if (row) {
      row.outcome = result.outcome;
      row.lastLine = undefined;
    }
    this.#tails.delete(result.step);
    this.#spin(false);
    this.#schedule();
  }

  note(message: string): void {
    const line = `${this.#o.colors.dim("note:")} ${message}`;
    if (this.#ended) return this.#o.write(`${line}\n`);
    this.#pendingNotes.push(line);
    this.#schedule();
  }

  suspend(): void {
    this.#spin(false);
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
    this.#spin(false);
    this.#suspended = false;
    this.#draw(true);
    const lines = closingLines(summary, this.#now() - this.#began, this.#o.colors);
    this.#o.write(`${lines.map((l) => `${l}\n`).join("")}\x1b[?25h`);
    this.#drawn = 0;
    this.#ended = true;
  }

  /** Shows the cursor again whatever happened (called from the CLI's finally). */
  restoreTerminal(): void {
    this.#spin(false);
    if (this.#pending !== undefined) clearTimeout(this.#pending);
    this.#pending = undefined;
    this.#o.write("\x1b[?25h");
  }
}
