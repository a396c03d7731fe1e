/**
 * A report as JSON in Go Rune's shape, so its readers keep working:
 *
 *   { "generated_at": RFC 3339, "total_duration": "Xh Ym",
 *     "sessions": [{ "id", "project", "start_time", "end_time"?, "paused_at"?,
 *                    "duration": nanoseconds (int), "state": 0 stopped | 1 running | 2 paused }],
 *     "summary": { "project_breakdown": { project: "Xh Ym" }, "total_sessions": n } }
 *
 * written as Go's `json.MarshalIndent(v, "", "  ")` does: struct fields in declaration order,
 * map keys sorted, `<`, `>`, `&`, U+2028 and U+2029 escaped. Differences, all additive or
 * deliberate: `duration` is the time worked inside the report's range (so the sessions add up
 * to the total) and counts an open session up to now (Rune writes 0 until stop);
 * `start_time` is the real start (Rune moves it forward on each resume); an empty list is `[]`
 * (Rune writes `null`); and rune adds `pauses`, `tags`, `note` to a session,
 * `summary.daily_breakdown`, and a top-level `range` with the zone the days were counted in.
 */
import { formatDuration, formatRfc3339 } from "./format.ts";
import type { SessionState } from "./model.ts";
import type { Report } from "./report.ts";
import { zoneName } from "./range.ts";

/** Go Rune's `SessionState` numbers (iota order). */
export function stateNumber(state: SessionState): 0 | 1 | 2 {
  switch (state) {
    case "stopped":
      return 0;
    case "running":
      return 1;
    case "paused":
      return 2;
  }
}

export function renderJson(report: Report): string {
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
  const summary = [
    `"daily_breakdown": ${sortedMap(report.days.map((d) => [d.date, formatDuration(d.worked)]))}`,
    `"project_breakdown": ${
      sortedMap(report.projects.map((p) => [p.project, formatDuration(p.worked)]))
    }`,
    `"total_sessions": ${sessions.length}`,
  ];
  const range = {
    from: time(report.range.from),
    to: time(report.range.to),
    time_zone: zoneName(report.range),
  };
  const top = [
    `"generated_at": ${JSON.stringify(time(report.generatedAt))}`,
    `"total_duration": ${JSON.stringify(formatDuration(report.worked))}`,
    `"sessions": ${indented(sessions)}`,
    `"summary": {\n    ${summary.join(",\n    ")}\n  }`,
    `"range": ${indented(range)}`,
  ];
  return goEscape(`{\n  ${top.join(",\n  ")}\n}`);
}

/** A value one level down in `MarshalIndent(v, "", "  ")` layout. */
function indented(value: unknown): string {
  return JSON.stringify(value, null, 2).replaceAll("\n", "\n  ");
}

/**
 * A Go map[string]string two levels down: keys in Go's order (UTF-8 bytes, i.e. code points),
 * written by hand because a JS object would move integer-like keys ("10") to the front.
 */
function sortedMap(entries: [string, string][]): string {
  if (entries.length === 0) return "{}";
  const byCodePoint = (a: string, b: string) => {
    const x = [...a].map((c) => c.codePointAt(0)!);
    const y = [...b].map((c) => c.codePointAt(0)!);
    for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i] - y[i];
    return x.length - y.length;
  };
  const lines = entries.toSorted(([a], [b]) => byCodePoint(a, b))
    .map(([k, v]) => `      ${JSON.stringify(k)}: ${JSON.stringify(v)}`);
  return `{\n${lines.join(",\n")}\n    }`;
}

/** These characters only ever occur inside strings. */
function goEscape(json: string): string {
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
