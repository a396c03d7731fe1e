/**
 * The obvious renderers and formatters, kept as oracles: whatever is made faster in
 * src/tracking must give exactly their bytes. JSON: Go's MarshalIndent layout through
 * JSON.stringify(v, null, 2), re-indented and escaped whole (a hand-written renderJson measured
 * no faster in a cold CLI, so src keeps this one for now). CSV: rows of fields, each through
 * csvField. Times: wall-clock fields, then the offset.
 */
import {
  CSV_COLUMNS,
  csvField,
  dateKey,
  formatClock,
  formatDate,
  formatDuration,
  formatMinutes,
  formatRfc3339,
  type Report,
  stateName,
  stateNumber,
  wallTime,
} from "../../src/tracking/mod.ts";
import { zoneOffset } from "../../src/tracking/zone.ts";

export function referenceJson(report: Report, zoneName: string): string {
  const zone = report.range.timeZone;
  const time = (t: number) => formatRfc3339(t, zone);
  const sessions = report.sessions.map(({ session, state, worked }, i) => {
    const openPause = state === "paused" ? session.pauses.at(-1) : undefined;
    return {
      id: session.id ?? `session_${i + 1}`,
      project: session.project,
      start_time: time(session.start),
      ...(session.end !== undefined ? { end_time: time(session.end) } : {}),
      ...(openPause ? { paused_at: time(openPause.start) } : {}),
      duration: worked * 1_000_000,
      state: stateNumber(state),
      pauses: session.pauses.map((p) => ({
        start: time(p.start),
        ...(p.end !== undefined ? { end: time(p.end) } : {}),
      })),
      ...(session.tags?.length ? { tags: session.tags } : {}),
      ...(session.note !== undefined ? { note: session.note } : {}),
    };
  });
  const indented = (v: unknown) => JSON.stringify(v, null, 2).replaceAll("\n", "\n  ");
  const byCodePoint = (a: string, b: string) => {
    const x = [...a].map((c) => c.codePointAt(0)!);
    const y = [...b].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  };
  const sortedMap = (entries: [string, string][]) =>
    entries.length === 0 ? "{}" : `{\n${
      entries.toSorted(([a], [b]) => byCodePoint(a, b))
        .map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`).join(",\n")
    }\n    }`;
  const summary = [
    `"daily_breakdown": ${sortedMap(report.days.map((d) => [d.date, formatDuration(d.worked)]))}`,
    `"project_breakdown": ${
      sortedMap(report.projects.map((p) => [p.project, formatDuration(p.worked)]))
    }`,
    `"total_sessions": ${sessions.length}`,
  ];
  const range = { from: time(report.range.from), to: time(report.range.to), time_zone: zoneName };
  const top = [
    `"generated_at": ${JSON.stringify(time(report.generatedAt))}`,
    `"total_duration": ${JSON.stringify(formatDuration(report.worked))}`,
    `"sessions": ${indented(sessions)}`,
    `"summary": {\n    ${summary.join(",\n    ")}\n  }`,
    `"range": ${indented(range)}`,
  ];
  return `{\n  ${top.join(",\n  ")}\n}`.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

export function referenceCsv(report: Report): string {
  const zone = report.range.timeZone;
  const rows: string[][] = [[...CSV_COLUMNS]];
  for (const p of report.pieces) {
    const endsAtMidnight = !p.open && formatDate(p.to, zone) !== p.date;
    rows.push([
      p.date,
      formatClock(p.from, zone),
      p.open ? "" : endsAtMidnight ? "24:00:00" : formatClock(p.to, zone),
      p.project,
      formatMinutes(p.worked),
      stateName(p.state),
    ]);
  }
  rows.push(["TOTAL", "", "", "", formatMinutes(report.worked), ""]);
  return rows.map((r) => r.map(csvField).join(",")).join("\n") + "\n";
}

/** formatRfc3339 as first written: the wall time's fields, then the offset. */
export function referenceRfc3339(instant: number, timeZone?: string): string {
  const w = wallTime(instant, timeZone);
  const ms = ((instant % 1000) + 1000) % 1000;
  const fraction = ms === 0 ? "" : `.${String(ms).padStart(3, "0").replace(/0+$/, "")}`;
  const offset = Math.round(zoneOffset(instant, timeZone) / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, "0");
  const zone = offset === 0 ? "Z" : `${sign}${pad(Math.trunc(abs / 60))}:${pad(abs % 60)}`;
  return `${dateKey(w)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}${fraction}${zone}`;
}

/** formatClock as first written. */
export function referenceClock(instant: number, timeZone?: string): string {
  const w = wallTime(instant, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}`;
}
