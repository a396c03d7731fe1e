/**
 * A report as CSV in Go Rune's columns and quoting (Go's encoding/csv: a field is quoted only
 * when it holds a comma, a quote, CR or LF, starts with white space, or is `\.`; quotes are
 * doubled; lines end in LF), with its closing "TOTAL" row.
 *
 * One row per piece, not per session: a session across midnight gives two rows, one per Date,
 * so a spreadsheet's per-Date sums match the text report. The first row's End Time is then
 * "24:00:00" (the end of that Date, which subtracts correctly, where "00:00:00" would not) and
 * the second row's Start Time "00:00:00". An open session's last row has an empty End Time, as
 * in Rune. Duration (minutes) is time worked, pauses excluded.
 */
import { formatClock, formatMinutes } from "./format.ts";
import { localDayAt } from "./zone.ts";
import type { SessionState } from "./model.ts";
import type { Report } from "./report.ts";

export const CSV_COLUMNS = [
  "Date",
  "Start Time",
  "End Time",
  "Project",
  "Duration (minutes)",
  "State",
] as const;

/** Go Rune's state names. */
export function stateName(state: SessionState): "Running" | "Paused" | "Stopped" {
  switch (state) {
    case "running":
      return "Running";
    case "paused":
      return "Paused";
    case "stopped":
      return "Stopped";
  }
}

export function renderCsv(report: Report): string {
  const zone = report.range.timeZone;
  // Lines are built directly: only Project can need quoting (dates, clocks, minutes and
  // state names never do), and a month of 10,000 rows spent most of its time in csvField.
  const lines: string[] = [CSV_HEADER];
  const pieces = report.pieces;
  for (let i = 0; i < pieces.length; i++) {
    const p = pieces[i];
    const day = localDayAt(p.from, zone);
    const end = p.open ? "" : p.to >= day.to ? "24:00:00" : formatClock(p.to, zone);
    lines.push(
      `${p.date},${formatClock(p.from, zone)},${end},${csvField(p.project)},${
        formatMinutes(p.worked)
      },${stateName(p.state)}`,
    );
  }
  lines.push(`TOTAL,,,,${formatMinutes(report.worked)},`, "");
  return lines.join("\n");
}

/** No column name needs quoting. */
const CSV_HEADER = CSV_COLUMNS.join(",");

/** Go's unicode.IsSpace: Unicode White_Space (so U+0085, but not the BOM that JS `\s` has). */
const GO_SPACE = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]/;

/** One field, quoted exactly when Go's csv.Writer would quote it. */
export function csvField(field: string): string {
  const needsQuotes = field !== "" &&
    (field === "\\." || /[,"\r\n]/.test(field) || GO_SPACE.test(field));
  return needsQuotes ? `"${field.replaceAll('"', '""')}"` : field;
}
