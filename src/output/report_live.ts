/**
 * Live progress on a terminal: every step with its state and elapsed time, redrawn in place,
 * the running command's latest output line under it and the failing command's last lines under
 * it. Own code rather than npm:listr2: listr2 adds ~22 ms to every start (measured), reads
 * colour variables at import, and its task model does not fit steps that hand the terminal to
 * tmux or `script`.
 *
 * What to draw is renderLive's (live_render.ts, pure); the class only moves the cursor: at most
 * one frame every FRAME_MS, one write per frame. What is on the screen for good is never drawn
 * again: the header is printed once, first, and notes go below it; when an interactive step
 * takes the terminal, the rows before it stay where they are above the program's output, and
 * the block goes on below that output from the interactive step's own row. The cursor is
 * hidden while drawing and shown again by end(), suspend() and restoreTerminal().
 */
import { OutputTail } from "../exec/mod.ts";
import type { Plan, Reporter, RunSummary, Step, StepResult, Write } from "../contract/mod.ts";
import { visible } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import { closingLines } from "./report_text.ts";
import { clip, renderLive } from "./live_render.ts";
import type { LiveRow } from "./live_render.ts";

export { clip, renderLive, shortenMiddle } from "./live_render.ts";
export type { LiveRow, LiveSnapshot } from "./live_render.ts";

const FRAME_MS = 50;

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
  /** Rows before this one are on the screen for good, above the block. */
  #from = 0;
  #drawn = 0;
  #lastFrame = -Infinity;
  #spinner: ReturnType<typeof setInterval> | undefined;
  #pending: ReturnType<typeof setTimeout> | undefined;
  #began = 0;
  #suspended = false;
  /** suspend() is drawing its last frame before an interactive step. */
  #handingOver = false;
  /** After end(): the block is final; notes (tmux's attach hint…) are printed below it. */
  #ended = false;
  #pendingNotes: string[] = [];

  constructor(options: LiveOptions) {
    this.#o = options;
  }

  #now(): number {
    return (this.#o.now ?? Date.now)();
  }

  /** Draws now: notes first (below the header, above the block), then the block in place. */
  #draw(final = false): void {
    if (this.#pending !== undefined) clearTimeout(this.#pending);
    this.#pending = undefined;
    if (this.#suspended || this.#ended) return;
    const size = this.#o.size();
    const lines = renderLive({
      rows: this.#rows.slice(this.#from, this.#until()),
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

  /**
   * Where the block ends: while an interactive step is about to own the terminal, at that
   * step (the pending ones are drawn once it is done); else after the last row.
   */
  #until(): number {
    const running = this.#handingOver ? this.#running() : -1;
    return running < 0 ? this.#rows.length : running + 1;
  }

  /** The row of the step running now, or -1. */
  #running(): number {
    return this.#rows.findIndex((r, i) =>
      i >= this.#from && r.startedAt !== undefined && !r.outcome
    );
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
    const header = `rune ${plan.ritual} ${c.bold(visible(plan.project.name))} ` +
      c.dim(`(project found by ${visible(plan.project.detectedBy)})`);
    this.#rows = plan.steps.map((step) => ({ step }));
    // Printed once: notes and the block go below it.
    this.#o.write(`\x1b[?25l${clip(header, this.#o.size().columns)}\x1b[K\n`);
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
    const line = `${this.#o.colors.dim("note:")} ${visible(message)}`;
    if (this.#ended) return this.#o.write(`${line}\n`);
    this.#pendingNotes.push(line);
    this.#schedule();
  }

  suspend(): void {
    this.#spin(false);
    this.#handingOver = true;
    this.#draw();
    this.#handingOver = false;
    this.#suspended = true;
    // What is drawn stays above the program's output; the block resumes below it from the
    // step that took the terminal.
    const running = this.#running();
    if (running >= 0) this.#from = running;
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
