import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { type RangeSpec, reportRange } from "../../src/tracking/mod.ts";
import { instantsAt, startOfDate } from "../../src/tracking/zone.ts";

const H = 3_600_000;
const NY = "America/New_York";
const BERLIN = "Europe/Berlin";

Deno.test("reportRange() bounds days, ISO weeks and months by local midnights", async (t) => {
  // Wednesday 2026-03-11, 15:00 in New York.
  const now = Date.parse("2026-03-11T19:00:00Z");
  const cases: { spec: RangeSpec; want: [string, string, string, string, number] }[] = [
    {
      spec: { kind: "today" },
      want: [
        "2026-03-11",
        "2026-03-11",
        "2026-03-11T04:00:00.000Z",
        "2026-03-12T04:00:00.000Z",
        24,
      ],
    },
    // Monday 9th to Sunday 15th: the week after the change, 168 h.
    {
      spec: { kind: "week" },
      want: [
        "2026-03-09",
        "2026-03-15",
        "2026-03-09T04:00:00.000Z",
        "2026-03-16T04:00:00.000Z",
        168,
      ],
    },
    // March holds the spring-forward day: 31 × 24 − 1 hours.
    {
      spec: { kind: "month" },
      want: [
        "2026-03-01",
        "2026-03-31",
        "2026-03-01T05:00:00.000Z",
        "2026-04-01T04:00:00.000Z",
        743,
      ],
    },
    {
      spec: { kind: "between", from: "2026-03-07", to: "2026-03-08" },
      want: [
        "2026-03-07",
        "2026-03-08",
        "2026-03-07T05:00:00.000Z",
        "2026-03-09T04:00:00.000Z",
        47,
      ],
    },
  ];
  for (const c of cases) {
    await t.step(c.spec.kind, () => {
      const r = reportRange(c.spec, now, { timeZone: NY });
      if (!r.ok) throw new Error(r.error.problem);
      const v = r.value;
      deepStrictEqual(
        [
          v.firstDay,
          v.lastDay,
          new Date(v.from).toISOString(),
          new Date(v.to).toISOString(),
          (v.to - v.from) / H,
        ],
        c.want,
      );
      strictEqual(v.timeZone, NY);
    });
  }
});

Deno.test("reportRange(): a week starts on Monday, also when today is Sunday or Monday", async (t) => {
  const cases = [
    { now: "2026-10-25T20:00:00Z", first: "2026-10-19", last: "2026-10-25", hours: 169 }, // Sunday, holds fall-back
    { now: "2026-10-26T08:00:00Z", first: "2026-10-26", last: "2026-11-01", hours: 168 }, // Monday
    { now: "2026-12-31T12:00:00Z", first: "2026-12-28", last: "2027-01-03", hours: 168 }, // across New Year
  ];
  for (const c of cases) {
    await t.step(c.now, () => {
      const r = reportRange({ kind: "week" }, Date.parse(c.now), { timeZone: BERLIN });
      const v = r.ok ? r.value : undefined;
      deepStrictEqual([v?.firstDay, v?.lastDay, v && (v.to - v.from) / H], [
        c.first,
        c.last,
        c.hours,
      ]);
    });
  }
});

Deno.test("reportRange() refuses dates it cannot read and reversed ranges", () => {
  const now = Date.parse("2026-03-11T19:00:00Z");
  const bad = reportRange({ kind: "between", from: "2026-3-1", to: "2026-03-08" }, now, {
    timeZone: NY,
  });
  deepStrictEqual(bad.ok ? bad : [bad.error.code, bad.error.problem, bad.error.hint], [
    "range-date",
    'Cannot read --from "2026-3-1": it is not a date',
    "Write the date as YYYY-MM-DD, e.g. --from 2026-03-11",
  ]);
  const feb = reportRange({ kind: "between", from: "2026-02-01", to: "2026-02-29" }, now);
  strictEqual(!feb.ok && feb.error.code, "range-date");
  const reversed = reportRange({ kind: "between", from: "2026-03-08", to: "2026-03-01" }, now);
  strictEqual(!reversed.ok && reversed.error.code, "range-order");
});

Deno.test("day lengths on the four DST days of 2026 in two zones", async (t) => {
  const cases = [
    { zone: NY, date: { year: 2026, month: 3, day: 8 }, hours: 23 },
    { zone: NY, date: { year: 2026, month: 11, day: 1 }, hours: 25 },
    { zone: BERLIN, date: { year: 2026, month: 3, day: 29 }, hours: 23 },
    { zone: BERLIN, date: { year: 2026, month: 10, day: 25 }, hours: 25 },
    { zone: BERLIN, date: { year: 2026, month: 6, day: 10 }, hours: 24 },
  ];
  for (const c of cases) {
    await t.step(`${c.zone} ${c.date.month}/${c.date.day}`, () => {
      const next = { ...c.date, day: c.date.day + 1 };
      strictEqual((startOfDate(next, c.zone) - startOfDate(c.date, c.zone)) / H, c.hours);
    });
  }
  await t.step("a zone whose clocks skip midnight starts the day when they jump", () => {
    // Cuba springs forward at 00:00 → 01:00 (2026-03-08).
    const start = startOfDate({ year: 2026, month: 3, day: 8 }, "America/Havana");
    strictEqual(new Date(start).toISOString(), "2026-03-08T05:00:00.000Z");
    deepStrictEqual(
      instantsAt(
        { year: 2026, month: 3, day: 8, hour: 0, minute: 30, second: 0 },
        "America/Havana",
      ),
      [],
    );
  });
});
