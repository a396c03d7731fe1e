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
import type { Pause, SessionState } from "./model.ts";
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

/**
 * Written by hand, line by line, in the exact layout `JSON.stringify(v, null, 2)` gives at this
 * depth: a month of 10,000 sessions spent most of its time building the objects, stringifying
 * them, re-indenting the text and escaping it whole (tests/tracking/render_json_test.ts holds
 * the output equal to that).
 */
export function renderJson(report: Report): string {
  const zone = report.range.timeZone;
  const time = (t: number) => formatRfc3339(t, zone);
  const out: string[] = [
    `{\n  "generated_at": ${quote(time(report.generatedAt))}`,
    `,\n  "total_duration": ${quote(formatDuration(report.worked))}`,
    `,\n  "sessions": `,
  ];
  const sessions = report.sessions;
  if (sessions.length === 0) out.push("[]");
  for (let i = 0; i < sessions.length; i++) {
    const { session, state, worked } = sessions[i];
    const openPause = state === "paused" ? session.pauses.at(-1) : undefined;
    out.push(
      i === 0 ? "[\n    {" : ",\n    {",
      `\n      "id": ${quote(session.id ?? `session_${i + 1}`)}`,
      `,\n      "project": ${quote(session.project)}`,
      `,\n      "start_time": ${quote(time(session.start))}`,
      session.end !== undefined ? `,\n      "end_time": ${quote(time(session.end))}` : "",
      openPause ? `,\n      "paused_at": ${quote(time(openPause.start))}` : "",
      `,\n      "duration": ${worked * 1_000_000}`,
      `,\n      "state": ${stateNumber(state)}`,
      `,\n      "pauses": ${pausesJson(session.pauses, time)}`,
      session.tags?.length ? `,\n      "tags": ${stringsJson(session.tags)}` : "",
      session.note !== undefined ? `,\n      "note": ${quote(session.note)}` : "",
      "\n    }",
    );
    if (i === sessions.length - 1) out.push("\n  ]");
  }
  const summary = [
    `"daily_breakdown": ${sortedMap(report.days.map((d) => [d.date, formatDuration(d.worked)]))}`,
    `"project_breakdown": ${
      sortedMap(report.projects.map((p) => [p.project, formatDuration(p.worked)]))
    }`,
    `"total_sessions": ${sessions.length}`,
  ];
  out.push(
    `,\n  "summary": {\n    ${summary.join(",\n    ")}\n  }`,
    `,\n  "range": {\n    "from": ${quote(time(report.range.from))}`,
    `,\n    "to": ${quote(time(report.range.to))}`,
    `,\n    "time_zone": ${quote(zoneName(report.range))}\n  }\n}`,
  );
  return out.join("");
}

function pausesJson(pauses: readonly Pause[], time: (t: number) => string): string {
  if (pauses.length === 0) return "[]";
  const items = pauses.map((p) =>
    `\n        {\n          "start": ${quote(time(p.start))}` +
    (p.end !== undefined ? `,\n          "end": ${quote(time(p.end))}` : "") + "\n        }"
  );
  return `[${items.join(",")}\n      ]`;
}

function stringsJson(values: readonly string[]): string {
  return `[${values.map((v) => `\n        ${quote(v)}`).join(",")}\n      ]`;
}

/** A JSON string as Go writes it: `<`, `>`, `&`, U+2028 and U+2029 escaped. */
function quote(value: string): string {
  const json = JSON.stringify(value);
  return GO_ESCAPED.test(json) ? goEscape(json) : json;
}

const GO_ESCAPED = /[<>&\u2028\u2029]/;

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
    .map(([k, v]) => `      ${quote(k)}: ${quote(v)}`);
  return `{\n${lines.join(",\n")}\n    }`;
}

function goEscape(json: string): string {
  return json.replace(
    /[<>&\u2028\u2029]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}
