import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  elapsed,
  pausedTotal,
  todayTotal,
  trackingStatus,
  worked,
  workedIntervals,
  workedWithin,
  type WorkSession,
} from "../../src/tracking/mod.ts";

const MIN = 60_000;
const T0 = Date.parse("2026-06-10T07:00:00Z"); // 09:00 in Berlin
const m = (minutes: number) => T0 + minutes * MIN;

Deno.test("elapsed, paused and worked time with a fixed clock", async (t) => {
  const cases: {
    name: string;
    session: WorkSession;
    now: number;
    want: [elapsed: number, paused: number, worked: number];
  }[] = [
    {
      name: "running, no pauses",
      session: { project: "p", start: m(0), pauses: [] },
      now: m(90),
      want: [90, 0, 90],
    },
    {
      name: "stopped, no pauses",
      session: { project: "p", start: m(0), end: m(60), pauses: [] },
      now: m(500),
      want: [60, 0, 60],
    },
    {
      name: "two closed pauses",
      session: {
        project: "p",
        start: m(0),
        end: m(120),
        pauses: [{ start: m(10), end: m(25) }, { start: m(60), end: m(65) }],
      },
      now: m(500),
      want: [120, 20, 100],
    },
    {
      name: "paused now: the pause grows with the clock",
      session: { project: "p", start: m(0), pauses: [{ start: m(30) }] },
      now: m(50),
      want: [50, 20, 30],
    },
    {
      name: "stopped while paused: the pause ends at the stop",
      session: { project: "p", start: m(0), end: m(40), pauses: [{ start: m(30) }] },
      now: m(500),
      want: [40, 10, 30],
    },
    {
      name: "a zero-length pause",
      session: { project: "p", start: m(0), end: m(10), pauses: [{ start: m(5), end: m(5) }] },
      now: m(10),
      want: [10, 0, 10],
    },
    {
      name: "paused at the very start",
      session: { project: "p", start: m(0), end: m(30), pauses: [{ start: m(0), end: m(30) }] },
      now: m(30),
      want: [30, 30, 0],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const got = [
        elapsed(c.session, c.now),
        pausedTotal(c.session, c.now),
        worked(c.session, c.now),
      ];
      deepStrictEqual(got.map((ms) => ms / MIN), c.want);
    });
  }
});

Deno.test("workedIntervals() is the session minus its pauses", () => {
  const s: WorkSession = {
    project: "p",
    start: m(0),
    end: m(120),
    pauses: [{ start: m(10), end: m(25) }, { start: m(60), end: m(65) }],
  };
  deepStrictEqual(workedIntervals(s, m(500)), [
    { from: m(0), to: m(10) },
    { from: m(25), to: m(60) },
    { from: m(65), to: m(120) },
  ]);
  deepStrictEqual(
    workedIntervals({ project: "p", start: m(0), pauses: [{ start: m(30) }] }, m(90)),
    [{ from: m(0), to: m(30) }],
  );
});

Deno.test("elapsed time across a DST change is the real time, not the wall-clock difference", () => {
  // New York, 2026-03-08: 01:30 EST → 03:30 EDT is one hour.
  const s: WorkSession = {
    project: "p",
    start: Date.parse("2026-03-08T06:30:00Z"),
    end: Date.parse("2026-03-08T07:30:00Z"),
    pauses: [],
  };
  strictEqual(worked(s, 0), 60 * MIN);
  // Berlin, 2026-10-25: 02:30 CEST → 02:30 CET is one hour too.
  const b: WorkSession = {
    project: "p",
    start: Date.parse("2026-10-25T00:30:00Z"),
    end: Date.parse("2026-10-25T01:30:00Z"),
    pauses: [],
  };
  strictEqual(worked(b, 0), 60 * MIN);
});

Deno.test("todayTotal() counts only today's part of each session, the open one up to now", () => {
  const zone = "Europe/Berlin";
  const now = Date.parse("2026-06-10T10:00:00Z"); // 12:00
  const sessions: WorkSession[] = [
    // Yesterday 23:00 → today 01:00: one hour is today's.
    {
      project: "a",
      start: Date.parse("2026-06-09T21:00:00Z"),
      end: Date.parse("2026-06-09T23:00:00Z"),
      pauses: [],
    },
    // Yesterday only: nothing today.
    {
      project: "a",
      start: Date.parse("2026-06-09T08:00:00Z"),
      end: Date.parse("2026-06-09T09:00:00Z"),
      pauses: [],
    },
    // Open since 09:00, paused 10:00–10:30: 2 h 30 m so far.
    {
      project: "b",
      start: Date.parse("2026-06-10T07:00:00Z"),
      pauses: [{
        start: Date.parse("2026-06-10T08:00:00Z"),
        end: Date.parse("2026-06-10T08:30:00Z"),
      }],
    },
  ];
  strictEqual(todayTotal(sessions, now, { timeZone: zone }) / MIN, 60 + 150);
  // The same instants seen from New York (06:00 there): both closed sessions fell on the 9th.
  strictEqual(todayTotal(sessions, now, { timeZone: "America/New_York" }) / MIN, 150);
});

Deno.test("trackingStatus() gives what rune status shows", () => {
  const zone = "Europe/Berlin";
  const now = m(100);
  const open: WorkSession = {
    id: "rune:1",
    project: "web",
    start: m(0),
    pauses: [{ start: m(20), end: m(30) }, { start: m(90) }],
  };
  const earlier: WorkSession = {
    id: "rune:0",
    project: "api",
    start: m(-120),
    end: m(-60),
    pauses: [],
  };
  deepStrictEqual(trackingStatus(open, [earlier, open], { now, timeZone: zone }), {
    state: "paused",
    project: "web",
    started: m(0),
    pausedSince: m(90),
    elapsed: 100 * MIN,
    paused: 20 * MIN,
    worked: 80 * MIN,
    today: 140 * MIN,
  });
  // The open session is counted once whether or not the caller's list holds it.
  strictEqual(trackingStatus(open, [earlier], { now, timeZone: zone }).today, 140 * MIN);
  deepStrictEqual(trackingStatus(undefined, [earlier], { now, timeZone: zone }), {
    state: "idle",
    elapsed: 0,
    paused: 0,
    worked: 0,
    today: 60 * MIN,
  });
});

Deno.test("workedWithin() agrees with the sum of workedIntervals() clipped to the span", () => {
  const s: WorkSession = {
    project: "p",
    start: m(0),
    pauses: [{ start: m(10), end: m(25) }, { start: m(25), end: m(25) }, { start: m(60) }],
  };
  const now = m(90);
  for (
    const [from, to] of [[m(-5), m(100)], [m(5), m(30)], [m(12), m(20)], [m(26), m(61)], [
      m(61),
      m(90),
    ]]
  ) {
    const want = workedIntervals(s, now)
      .reduce((n, i) => n + Math.max(0, Math.min(i.to, to) - Math.max(i.from, from)), 0);
    strictEqual(
      workedWithin(s, { from, to }, now),
      want,
      `${(from - T0) / MIN}..${(to - T0) / MIN}`,
    );
  }
});
