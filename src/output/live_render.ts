/**
 * What the live display shows at one moment: a pure function of a snapshot (LiveReporter only
 * moves the cursor). Lines are cut to the terminal's width and the block kept under its height,
 * so the cursor-up redraw stays exact; a background command's log path gets its own line,
 * shortened in the middle, so its file name is never the part cut off.
 */
import { formatDuration, visible } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import type { Step, StepOutcome } from "../contract/mod.ts";
import { isFailure } from "../contract/mod.ts";
import { backgroundLog, outcomeLabel, statusMark } from "./report_text.ts";

export interface LiveRow {
  step: Step;
  startedAt?: number;
  outcome?: StepOutcome;
  /** Latest output line of a running step. */
  lastLine?: string;
}

export interface LiveSnapshot {
  /** The first line; none when it is already on the screen for good. */
  header?: string;
  rows: readonly LiveRow[];
  now: number;
  columns: number;
  /** Most lines the block may take (terminal height - 1); Infinity for the final frame. */
  maxLines: number;
}

const SPINNER = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];
const TAIL_LINES = 8;

/** The block of lines for this moment. */
export function renderLive(s: LiveSnapshot, c: Colors): string[] {
  const blocks = s.rows.map((row) => rowLines(row, s.now, s.columns, c));
  let lines = fit(s.header, s.rows, blocks, s.maxLines, c);
  if (lines.length > s.maxLines) lines = lines.slice(0, Math.max(1, s.maxLines));
  return lines.map((l) => clip(l, s.columns));
}

function rowLines(row: LiveRow, now: number, columns: number, c: Colors): string[] {
  const { step, outcome } = row;
  if (outcome) {
    const label = outcomeLabel(step, outcome, { log: false });
    const mark = statusMark(outcome.status, c, step);
    const lines = [`${mark} ${visible(step.name)}  ${c.dim(label)}`];
    const log = backgroundLog(outcome);
    // "    log " before the path; clip() keeps columns - 1 characters.
    if (log) lines.push(c.dim(`    log ${shortenMiddle(visible(log.slice(4)), columns - 9)}`));
    if ((isFailure(outcome) || outcome.status === "interrupted") && outcome.outputTail) {
      for (const l of outcome.outputTail.slice(-TAIL_LINES)) lines.push(c.dim(`    │ ${l}`));
    }
    return lines;
  }
  if (row.startedAt !== undefined) {
    const spin = SPINNER[Math.floor(now / 100) % SPINNER.length];
    const name = visible(step.name);
    const lines = [`${c.cyan(spin)} ${name}  ${c.dim(formatDuration(now - row.startedAt))}`];
    if (row.lastLine) lines.push(c.dim(`    ${row.lastLine}`));
    return lines;
  }
  return [`${statusMark("pending", c)} ${c.dim(visible(step.name))}`];
}

/**
 * Keeps the block under `maxLines`: first the earliest finished steps that went well fold
 * into one "N steps done" line, then the last pending steps into "N more".
 */
function fit(
  header: string | undefined,
  rows: readonly LiveRow[],
  blocks: string[][],
  maxLines: number,
  c: Colors,
): string[] {
  const top = header === undefined ? [] : [header];
  const size = (folded: number, cut: number) =>
    top.length + (folded ? 1 : 0) + blocks.slice(folded, blocks.length - cut).flat().length +
    (cut ? 1 : 0);
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
    ...top,
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

/**
 * `text` in at most `width` characters, its middle replaced by "…": a path keeps its start and,
 * longer, its end (the file name). Unchanged when it fits.
 */
export function shortenMiddle(text: string, width: number): string {
  const chars = [...text];
  if (chars.length <= width) return text;
  if (width <= 1) return "…".slice(0, Math.max(0, width));
  const keep = width - 1;
  const head = Math.floor(keep / 3);
  return `${chars.slice(0, head).join("")}…${chars.slice(chars.length - (keep - head)).join("")}`;
}
