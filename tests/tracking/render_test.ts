import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  buildReport,
  csvField,
  formatDuration,
  formatMinutes,
  formatRfc3339,
  renderCsv,
  renderJson,
  renderText,
  type Report,
  reportRange,
  type WorkSession,
} from "../../src/tracking/mod.ts";

const BERLIN = "Europe/Berlin";
const NOW = Date.parse("2026-06-10T12:00:00Z"); // Wed 14:00 in Berlin

const SESSIONS: WorkSession[] = [
  // 23:00 → 01:30 across midnight, paused 00:10–00:20.
  {
    id: "rune:a",
    project: "web",
    start: Date.parse("2026-06-09T21:00:00Z"),
    end: Date.parse("2026-06-09T23:30:00Z"),
    pauses: [{
      start: Date.parse("2026-06-09T22:10:00Z"),
      end: Date.parse("2026-06-09T22:20:00Z"),
    }],
  },
  // Imported, with a name that needs quoting and escaping, and a 7.5 s tie.
  {
    id: "watson:x",
    project: 'say "hi", <b>',
    start: Date.parse("2026-06-08T07:00:07.500Z"),
    end: Date.parse("2026-06-08T08:00:00Z"),
    pauses: [],
    tags: ["a b"],
    note: "n",
  },
  // Open since 11:00, paused since 13:00.
  {
    id: "rune:b",
    project: "api",
    start: Date.parse("2026-06-10T09:00:00Z"),
    pauses: [{ start: Date.parse("2026-06-10T11:00:00Z") }],
  },
];

function weekReport(sessions = SESSIONS): Report {
  const range = reportRange({ kind: "week" }, NOW, { timeZone: BERLIN });
  if (!range.ok) throw new Error(range.error.problem);
  return buildReport(sessions, range.value, { now: NOW });
}

Deno.test("renderCsv() writes Rune's columns, one row per day-piece, and the TOTAL row", () => {
  strictEqual(
    renderCsv(weekReport()),
    [
      "Date,Start Time,End Time,Project,Duration (minutes),State",
      '2026-06-08,09:00:07,10:00:00,"say ""hi"", <b>",59.88,Stopped',
      "2026-06-09,23:00:00,24:00:00,web,60.00,Stopped",
      "2026-06-10,00:00:00,01:30:00,web,80.00,Stopped",
      "2026-06-10,11:00:00,,api,120.00,Paused",
      "TOTAL,,,,319.88,",
      "",
    ].join("\n"),
  );
  strictEqual(
    renderCsv(weekReport([])),
    "Date,Start Time,End Time,Project,Duration (minutes),State\nTOTAL,,,,0.00,\n",
  );
});

Deno.test("csvField() quotes exactly when Go's encoding/csv does", async (t) => {
  const cases: [string, string][] = [
    ["web", "web"],
    ["", ""],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["two\nlines", '"two\nlines"'],
    ["cr\r", '"cr\r"'],
    [" leading space", '" leading space"'],
    ["\tleading tab", '"\tleading tab"'],
    ["\u00a0nbsp", '"\u00a0nbsp"'],
    ["trailing space ", "trailing space "],
    ["\\.", '"\\."'],
    ["\ufeffbom", "\ufeffbom"],
    ["naïve ünïcode", "naïve ünïcode"],
  ];
  for (const [input, want] of cases) {
    await t.step(JSON.stringify(input), () => strictEqual(csvField(input), want));
  }
});

Deno.test("formatMinutes() matches Go's FormatFloat(minutes, 'f', 2), ties half to even", async (t) => {
  const cases: [number, string][] = [
    [0, "0.00"],
    [1, "0.00"],
    [60_000, "1.00"],
    [7_500, "0.12"], // 0.125: Go rounds to even; toFixed would say 0.13
    [22_500, "0.38"], // 0.375
    [37_500, "0.62"], // 0.625
    [52_500, "0.88"], // 0.875
    [67_500, "1.12"], // 1.125
    [300, "0.01"], // 0.005 is not exact in binary: just above, rounds up in both
    [90_000, "1.50"],
    [123_456_789, "2057.61"],
  ];
  for (const [ms, want] of cases) {
    await t.step(`${ms} ms`, () => strictEqual(formatMinutes(ms), want));
  }
});

Deno.test("formatDuration() and formatRfc3339() write what Go Rune writes", () => {
  deepStrictEqual(
    [0, 59_999, 60_000, 3_599_999, 3_600_000, 26 * 3_600_000 + 3 * 60_000].map(formatDuration),
    ["0h 0m", "0h 0m", "0h 1m", "0h 59m", "1h 0m", "26h 3m"],
  );
  deepStrictEqual(
    [
      formatRfc3339(Date.parse("2026-01-01T00:00:00.120Z"), "Europe/London"),
      formatRfc3339(Date.parse("2026-07-01T00:00:00Z"), "Europe/London"),
      formatRfc3339(NOW, "America/New_York"),
      formatRfc3339(NOW, "Asia/Kolkata"),
      formatRfc3339(Date.parse("2026-03-08T06:59:59.999Z"), "America/New_York"),
      formatRfc3339(Date.parse("2026-03-08T07:00:00Z"), "America/New_York"),
    ],
    [
      "2026-01-01T00:00:00.12Z",
      "2026-07-01T01:00:00+01:00",
      "2026-06-10T08:00:00-04:00",
      "2026-06-10T17:30:00+05:30",
      "2026-03-08T01:59:59.999-05:00",
      "2026-03-08T03:00:00-04:00",
    ],
  );
});

Deno.test("renderJson() has Rune's shape and Go's encoding", () => {
  const json = renderJson(weekReport());
  const data = JSON.parse(json);
  deepStrictEqual(Object.keys(data), [
    "generated_at",
    "total_duration",
    "sessions",
    "summary",
    "range",
  ]);
  strictEqual(data.generated_at, "2026-06-10T14:00:00+02:00");
  strictEqual(data.total_duration, "5h 19m");
  deepStrictEqual(data.sessions.map((s: Record<string, unknown>) => Object.keys(s)), [
    ["id", "project", "start_time", "end_time", "duration", "state", "pauses", "tags", "note"],
    ["id", "project", "start_time", "end_time", "duration", "state", "pauses"],
    ["id", "project", "start_time", "paused_at", "duration", "state", "pauses"],
  ]);
  deepStrictEqual(data.sessions[1], {
    id: "rune:a",
    project: "web",
    start_time: "2026-06-09T23:00:00+02:00",
    end_time: "2026-06-10T01:30:00+02:00",
    duration: 140 * 60 * 1e9,
    state: 0,
    pauses: [{ start: "2026-06-10T00:10:00+02:00", end: "2026-06-10T00:20:00+02:00" }],
  });
  deepStrictEqual(
    [data.sessions[2].state, data.sessions[2].paused_at, data.sessions[2].duration],
    [2, "2026-06-10T13:00:00+02:00", 2 * 3600 * 1e9],
  );
  deepStrictEqual(data.summary, {
    daily_breakdown: { "2026-06-08": "0h 59m", "2026-06-09": "1h 0m", "2026-06-10": "3h 20m" },
    project_breakdown: { api: "2h 0m", 'say "hi", <b>': "0h 59m", web: "2h 20m" },
    total_sessions: 3,
  });
  deepStrictEqual(data.range, {
    from: "2026-06-08T00:00:00+02:00",
    to: "2026-06-15T00:00:00+02:00",
    time_zone: BERLIN,
  });
  // Go's MarshalIndent layout and HTML-safe escaping.
  strictEqual(json.includes('  "project": "say \\"hi\\", \\u003cb\\u003e",\n'), true);
  strictEqual(json.startsWith('{\n  "generated_at": "2026-06-10T14:00:00+02:00",\n'), true);
});

Deno.test("renderJson() sorts map keys like Go, integer-like names included, and writes [] when empty", () => {
  const names = ["b", "10", "9", "B", "é"];
  const sessions = names.map((project, i) => ({
    project,
    start: Date.parse("2026-06-10T06:00:00Z") + i * 60_000,
    end: Date.parse("2026-06-10T06:00:00Z") + (i + 1) * 60_000,
    pauses: [],
  }));
  const json = renderJson(weekReport(sessions));
  const order = [...json.matchAll(/^ {6}"([^"]+)": "0h 1m"/gm)].map((m) => m[1]);
  deepStrictEqual(order, ["10", "9", "B", "b", "é"]);
  const empty = JSON.parse(renderJson(weekReport([])));
  deepStrictEqual([empty.sessions, empty.summary.total_sessions, empty.total_duration], [
    [],
    0,
    "0h 0m",
  ]);
});

Deno.test("renderText() prints a table per day and per project, plain unless asked", () => {
  const text = renderText(weekReport());
  strictEqual(
    text,
    [
      "Work report: Mon 2026-06-08 to Sun 2026-06-14 (Europe/Berlin)",
      "",
      "Mon 2026-06-08    0h 59m",
      '  say "hi", <b>   0h 59m',
      "",
      "Tue 2026-06-09     1h 0m",
      "  web              1h 0m",
      "",
      "Wed 2026-06-10    3h 20m",
      "  api              2h 0m",
      "  web             1h 20m",
      "",
      "By project",
      "  web             2h 20m   44%",
      "  api              2h 0m   38%",
      '  say "hi", <b>   0h 59m   19%',
      "Total             5h 19m",
      "",
      '"api" is still open (paused): counted up to 14:00',
      "",
    ].join("\n"),
  );
  strictEqual(text.includes("\x1b"), false);
});

Deno.test("renderText() draws bars on a terminal and colour only when asked", () => {
  const bars = renderText(weekReport(), { bars: true, columns: 60 }).split("\n");
  const byProject = bars.slice(bars.indexOf("By project") + 1, bars.indexOf("By project") + 4);
  // 60 columns leave 28 cells: web 140 min fills them, api 120 min 24, the 59.9 min one 12.
  deepStrictEqual(byProject.map((l) => l.replace(/^.*% {2}/, "")), [
    "█".repeat(28),
    "█".repeat(24),
    "█".repeat(12),
  ]);
  const narrow = renderText(
    weekReport([SESSIONS[0], {
      ...SESSIONS[0],
      id: "c",
      project: "z",
      end: SESSIONS[0].start + 10 * 60_000,
      pauses: [],
    }]),
    { bars: true, columns: 40 },
  );
  // At least 10 cells; 10 min of 140 is 0.71 cells, drawn as 6 eighths.
  deepStrictEqual(
    narrow.split("\n").filter((l) => l.includes("%")).map((l) => l.replace(/^.*% {2}/, "")),
    [
      "█".repeat(10),
      "▊",
    ],
  );
  const colored = renderText(weekReport(), { color: true });
  strictEqual(colored.startsWith("\x1b[1mWork report:"), true);
  strictEqual(renderText(weekReport(), { bars: true }).includes("\x1b"), false);
});

Deno.test("renderText() keeps control characters in names off the terminal, and says when empty", () => {
  const evil = [{ project: "x\x1b]0;pwned\x07", start: NOW - 60_000, end: NOW, pauses: [] }];
  strictEqual(renderText(weekReport(evil)).includes("\x1b"), false);
  strictEqual(
    renderText(weekReport([])),
    "Work report: Mon 2026-06-08 to Sun 2026-06-14 (Europe/Berlin)\n\nNo work recorded in this period.\n",
  );
});

Deno.test("renderText() names the zone only when one was chosen; JSON always names it", () => {
  const range = reportRange({ kind: "today" }, NOW);
  if (!range.ok) throw new Error(range.error.problem);
  const report = buildReport([], range.value, { now: NOW });
  strictEqual(renderText(report).split("\n")[0].includes("("), false);
  strictEqual(typeof JSON.parse(renderJson(report)).range.time_zone, "string");
});
