/**
 * A report as text for a person: a table per day (each project's time that day, the day's
 * total), then one per project over the whole range, then the total. A bar per project only
 * when the caller says the output is a terminal, and colour codes only when asked: text that
 * goes to a file or a pipe stays plain. The zone is named in the heading only when the caller
 * chose one; in the system's zone the times are simply the reader's own. Pure: data → string.
 */
import { formatClock, formatDuration } from "./format.ts";
import type { Report } from "./report.ts";
import { isoWeekday, parseDateKey } from "./zone.ts";

export interface TextOptions {
  /** The output is a terminal: draw a bar per project. */
  bars?: boolean;
  /** Use ANSI bold/dim. Never on unless asked. */
  color?: boolean;
  /** Terminal columns, to fit the bars; 80 when absent. */
  columns?: number;
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const EIGHTHS = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

export function renderText(report: Report, options: TextOptions = {}): string {
  const bold = (s: string) => (options.color ? `\x1b[1m${s}\x1b[22m` : s);
  const dim = (s: string) => (options.color ? `\x1b[2m${s}\x1b[22m` : s);
  const { range } = report;
  const span = range.firstDay === range.lastDay
    ? dayLabel(range.firstDay)
    : `${dayLabel(range.firstDay)} to ${dayLabel(range.lastDay)}`;
  const lines = [
    bold(`Work report: ${span}`) + (range.timeZone ? dim(` (${range.timeZone})`) : ""),
    "",
  ];
  if (report.pieces.length === 0) {
    lines.push("No work recorded in this period.");
    return lines.join("\n") + "\n";
  }

  const names = report.projects.map((p) => `  ${printable(p.project)}`);
  const nameWidth = Math.max(16, "By project".length, ...names.map((n) => n.length)) + 2;
  const durWidth = Math.max(
    ...[report.worked, ...report.days.map((d) => d.worked)].map((w) => formatDuration(w).length),
  );
  const row = (label: string, worked: number) =>
    label.padEnd(nameWidth) + formatDuration(worked).padStart(durWidth);

  for (const day of report.days) {
    lines.push(bold(row(dayLabel(day.date), day.worked)));
    for (const p of day.projects) lines.push(row(`  ${printable(p.project)}`, p.worked));
    lines.push("");
  }

  lines.push(bold("By project"));
  const max = report.projects[0]?.worked ?? 0;
  const used = nameWidth + durWidth + 7;
  const barWidth = Math.max(10, Math.min(40, (options.columns ?? 80) - used - 1));
  for (const p of report.projects) {
    const share = report.worked > 0 ? Math.round((p.worked / report.worked) * 100) : 0;
    const head = `${row(`  ${printable(p.project)}`, p.worked)}  ${`${share}%`.padStart(4)}`;
    lines.push(options.bars ? `${head}  ${bar(p.worked, max, barWidth)}` : head);
  }
  lines.push(bold(row("Total", report.worked)));

  const open = report.pieces.filter((p) => p.open);
  for (const p of open) {
    const until = formatClock(p.to, range.timeZone).slice(0, 5);
    lines.push(
      "",
      dim(`"${printable(p.project)}" is still open (${p.state}): counted up to ${until}`),
    );
  }
  return lines.join("\n") + "\n";
}

/** "Mon 2026-03-02" */
function dayLabel(date: string): string {
  const civil = parseDateKey(date);
  return civil ? `${WEEKDAYS[isoWeekday(civil) - 1]} ${date}` : date;
}

/** A bar of `width` cells for the largest value, in eighths of a cell. */
function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return "";
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return "█".repeat(Math.trunc(eighths / 8)) + EIGHTHS[eighths % 8];
}

/**
 * Project names come from configs and imported files: control characters (an escape sequence
 * in a Watson frame) must not reach the terminal.
 */
function printable(name: string): string {
  // deno-lint-ignore no-control-regex -- matching control characters is the point
  return name.replace(/[\u0000-\u001f\u007f-\u009f]/g, "\ufffd");
}
