import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  buildReport,
  type RangeSpec,
  type Report,
  reportRange,
  type WorkSession,
} from "../../src/tracking/mod.ts";

const MIN = 60_000;
const NY = "America/New_York";
const BERLIN = "Europe/Berlin";

function report(
  sessions: WorkSession[],
  spec: RangeSpec,
  options: { now: string; zone: string; project?: string },
): Report {
  const now = Date.parse(options.now);
  const range = reportRange(spec, now, { timeZone: options.zone });
  if (!range.ok) throw new Error(range.error.problem);
  return buildReport(sessions, range.value, { now, project: options.project });
}

/** [date, minutes, {project: minutes}] per day — the shape a reader checks. */
function dayMinutes(r: Report) {
  return r.days.map((d) => [
    d.date,
    d.worked / MIN,
    Object.fromEntries(d.projects.map((p) => [p.project, p.worked / MIN])),
  ]);
}

const s = (project: string, from: string, to?: string, pauses: [string, string?][] = []) => ({
  project,
  start: Date.parse(from),
  ...(to ? { end: Date.parse(to) } : {}),
  pauses: pauses.map(([a, b]) => ({ start: Date.parse(a), ...(b ? { end: Date.parse(b) } : {}) })),
});

Deno.test("a session across local midnight is split into the two days", () => {
  // Berlin, 23:00 → 01:30 on the night of 9/10 June, paused 00:10–00:20.
  const night = s("web", "2026-06-09T21:00:00Z", "2026-06-09T23:30:00Z", [
    ["2026-06-09T22:10:00Z", "2026-06-09T22:20:00Z"],
  ]);
  const week = report([night], { kind: "week" }, { now: "2026-06-10T12:00:00Z", zone: BERLIN });
  deepStrictEqual(dayMinutes(week), [
    ["2026-06-09", 60, { web: 60 }],
    ["2026-06-10", 80, { web: 80 }],
  ]);
  strictEqual(week.worked / MIN, 140);
  deepStrictEqual(
    week.pieces.map((p) => [p.date, new Date(p.from).toISOString(), new Date(p.to).toISOString()]),
    [
      ["2026-06-09", "2026-06-09T21:00:00.000Z", "2026-06-09T22:00:00.000Z"],
      ["2026-06-10", "2026-06-09T22:00:00.000Z", "2026-06-09T23:30:00.000Z"],
    ],
  );
  // A report of the second day alone still counts its part (Watson#172 loses it).
  const today = report([night], { kind: "today" }, { now: "2026-06-10T12:00:00Z", zone: BERLIN });
  deepStrictEqual(dayMinutes(today), [["2026-06-10", 80, { web: 80 }]]);
  strictEqual(today.sessions[0].worked / MIN, 80);
  // The same session seen from New York (17:00 → 19:30) does not cross midnight there.
  const ny = report([night], { kind: "week" }, { now: "2026-06-10T12:00:00Z", zone: NY });
  deepStrictEqual(dayMinutes(ny), [["2026-06-09", 140, { web: 140 }]]);
});

Deno.test("DST days: a whole-day session is 23 h in spring and 25 h in autumn, in both zones", async (t) => {
  const cases = [
    {
      zone: NY,
      from: "2026-03-08T05:00:00Z",
      to: "2026-03-09T04:00:00Z",
      date: "2026-03-08",
      hours: 23,
    },
    {
      zone: NY,
      from: "2026-11-01T04:00:00Z",
      to: "2026-11-02T05:00:00Z",
      date: "2026-11-01",
      hours: 25,
    },
    {
      zone: BERLIN,
      from: "2026-03-28T23:00:00Z",
      to: "2026-03-29T22:00:00Z",
      date: "2026-03-29",
      hours: 23,
    },
    {
      zone: BERLIN,
      from: "2026-10-24T22:00:00Z",
      to: "2026-10-25T23:00:00Z",
      date: "2026-10-25",
      hours: 25,
    },
  ];
  for (const c of cases) {
    await t.step(`${c.zone} ${c.date}`, () => {
      // 22:00 the day before → 02:00 the day after: the DST day in the middle is whole.
      const from = Date.parse(c.from) - 2 * 60 * MIN;
      const to = Date.parse(c.to) + 2 * 60 * MIN;
      const long = { project: "ops", start: from, end: to, pauses: [] };
      const [y, mo, d] = c.date.split("-").map(Number);
      const around = (n: number) => new Date(Date.UTC(y, mo - 1, d + n)).toISOString().slice(0, 10);
      const r = report([long], { kind: "between", from: around(-1), to: around(1) }, {
        now: new Date(to + MIN).toISOString(),
        zone: c.zone,
      });
      deepStrictEqual(dayMinutes(r).map((day) => [day[0], (day[1] as number) / 60]), [
        [around(-1), 2],
        [c.date, c.hours],
        [around(1), 2],
      ]);
      strictEqual(r.worked, to - from);
    });
  }
});

Deno.test("DST nights: a session through the change counts real hours", async (t) => {
  const cases = [
    // New York spring: 01:00 EST → 04:00 EDT is 2 h; autumn: 00:30 EDT → 01:30 EST is 2 h.
    {
      zone: NY,
      session: s("a", "2026-03-08T06:00:00Z", "2026-03-08T08:00:00Z"),
      now: "2026-03-08T20:00:00Z",
      minutes: 120,
    },
    {
      zone: NY,
      session: s("a", "2026-11-01T04:30:00Z", "2026-11-01T06:30:00Z"),
      now: "2026-11-01T20:00:00Z",
      minutes: 120,
    },
    // Berlin spring: 01:30 CET → 03:30 CEST is 1 h; autumn: 02:30 CEST → 02:30 CET is 1 h.
    {
      zone: BERLIN,
      session: s("a", "2026-03-29T00:30:00Z", "2026-03-29T01:30:00Z"),
      now: "2026-03-29T20:00:00Z",
      minutes: 60,
    },
    {
      zone: BERLIN,
      session: s("a", "2026-10-25T00:30:00Z", "2026-10-25T01:30:00Z"),
      now: "2026-10-25T20:00:00Z",
      minutes: 60,
    },
  ];
  for (const c of cases) {
    await t.step(`${c.zone} ${c.now.slice(0, 10)}`, () => {
      const r = report([c.session], { kind: "today" }, { now: c.now, zone: c.zone });
      deepStrictEqual(dayMinutes(r), [[c.now.slice(0, 10), c.minutes, { a: c.minutes }]]);
    });
  }
});

Deno.test("buildReport() groups by day and project, ranks projects, and filters", () => {
  const sessions = [
    s("web", "2026-06-08T07:00:00Z", "2026-06-08T09:00:00Z"),
    s("api", "2026-06-08T10:00:00Z", "2026-06-08T13:00:00Z"),
    s("web", "2026-06-09T07:00:00Z", "2026-06-09T08:00:00Z"),
    s("docs", "2026-06-09T09:00:00Z", "2026-06-09T09:30:00Z"),
    s("web", "2026-06-01T07:00:00Z", "2026-06-01T08:00:00Z"), // last week: left out
  ];
  const r = report(sessions, { kind: "week" }, { now: "2026-06-10T12:00:00Z", zone: BERLIN });
  deepStrictEqual(dayMinutes(r), [
    ["2026-06-08", 300, { api: 180, web: 120 }],
    ["2026-06-09", 90, { web: 60, docs: 30 }],
  ]);
  deepStrictEqual(r.projects.map((p) => [p.project, p.worked / MIN]), [["api", 180], ["web", 180], [
    "docs",
    30,
  ]]);
  strictEqual(r.sessions.length, 4);
  const web = report(sessions, { kind: "week" }, {
    now: "2026-06-10T12:00:00Z",
    zone: BERLIN,
    project: "web",
  });
  deepStrictEqual(dayMinutes(web), [["2026-06-08", 120, { web: 120 }], ["2026-06-09", 60, {
    web: 60,
  }]]);
});

Deno.test("buildReport() counts an open session and an open pause up to now", () => {
  const open = s("web", "2026-06-10T07:00:00Z", undefined, [["2026-06-10T09:00:00Z"]]);
  const r = report([open], { kind: "today" }, { now: "2026-06-10T10:00:00Z", zone: BERLIN });
  deepStrictEqual(dayMinutes(r), [["2026-06-10", 120, { web: 120 }]]);
  deepStrictEqual(r.pieces.map((p) => [p.open, p.state, new Date(p.to).toISOString()]), [
    [true, "paused", "2026-06-10T10:00:00.000Z"],
  ]);
});

Deno.test("buildReport() of a range with nothing in it is empty, with a zero total", () => {
  const r = report([], { kind: "month" }, { now: "2026-06-10T10:00:00Z", zone: BERLIN });
  deepStrictEqual([r.sessions, r.pieces, r.days, r.projects, r.worked], [[], [], [], [], 0]);
});
