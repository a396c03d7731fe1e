import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { parseAt } from "../../src/tracking/mod.ts";

const NY = "America/New_York";
const BERLIN = "Europe/Berlin";

Deno.test("parseAt() reads the documented grammar", async (t) => {
  // 2026-06-10 14:30:00 in Berlin (CEST, +02:00).
  const now = new Date("2026-06-10T12:30:00Z");
  const cases: { text: string; want: string }[] = [
    { text: "now", want: "2026-06-10T12:30:00.000Z" },
    { text: "-20m", want: "2026-06-10T12:10:00.000Z" },
    { text: "-1h30m", want: "2026-06-10T11:00:00.000Z" },
    { text: "-2h", want: "2026-06-10T10:30:00.000Z" },
    { text: "-90s", want: "2026-06-10T12:28:30.000Z" },
    { text: "-1h0m5s", want: "2026-06-10T11:29:55.000Z" },
    { text: "9:15", want: "2026-06-10T07:15:00.000Z" },
    { text: "09:15", want: "2026-06-10T07:15:00.000Z" },
    { text: "14:30", want: "2026-06-10T12:30:00.000Z" },
    { text: "09:15:30", want: "2026-06-10T07:15:30.000Z" },
    { text: "today 9:15", want: "2026-06-10T07:15:00.000Z" },
    { text: "  Yesterday   17:00 ", want: "2026-06-09T15:00:00.000Z" },
    { text: "2026-06-01 08:00", want: "2026-06-01T06:00:00.000Z" },
    { text: "2026-01-15T08:00", want: "2026-01-15T07:00:00.000Z" },
    { text: "2026-06-10T09:00:00Z", want: "2026-06-10T09:00:00.000Z" },
    { text: "2026-06-10T09:00+05:30", want: "2026-06-10T03:30:00.000Z" },
  ];
  for (const c of cases) {
    await t.step(c.text, () => {
      const r = parseAt(c.text, now, { timeZone: BERLIN });
      strictEqual(r.ok ? r.value.toISOString() : r.error.problem, c.want);
    });
  }
});

Deno.test("parseAt() refuses what it cannot read, with the grammar as a hint", async (t) => {
  const now = new Date("2026-06-10T12:30:00Z");
  const cases: { text: string; code: string; problem: string }[] = [
    {
      text: "quarter past nine",
      code: "at-syntax",
      problem: 'Cannot read --at "quarter past nine": it is not in a form rune reads',
    },
    {
      text: "-",
      code: "at-syntax",
      problem: 'Cannot read --at "-": it is not in a form rune reads',
    },
    {
      text: "-20",
      code: "at-syntax",
      problem: 'Cannot read --at "-20": it is not in a form rune reads',
    },
    {
      text: "-30m1h",
      code: "at-syntax",
      problem: 'Cannot read --at "-30m1h": it is not in a form rune reads',
    },
    {
      text: "24:00",
      code: "at-syntax",
      problem: 'Cannot read --at "24:00": hours run 0–23, minutes and seconds 00–59',
    },
    {
      text: "9:75",
      code: "at-syntax",
      problem: 'Cannot read --at "9:75": hours run 0–23, minutes and seconds 00–59',
    },
    {
      text: "2026-02-30 10:00",
      code: "at-syntax",
      problem: 'Cannot read --at "2026-02-30 10:00": "2026-02-30" is not a calendar date',
    },
    {
      text: "+20m",
      code: "at-syntax",
      problem: 'Cannot read --at "+20m": it is not in a form rune reads',
    },
  ];
  for (const c of cases) {
    await t.step(c.text, () => {
      const r = parseAt(c.text, now, { timeZone: BERLIN });
      deepStrictEqual(r.ok ? r.value : { code: r.error.code, problem: r.error.problem }, {
        code: c.code,
        problem: c.problem,
      });
      strictEqual(!r.ok && r.error.hint?.startsWith("Write a time like"), true);
    });
  }
});

Deno.test("parseAt() never returns a time in the future, and says how to mean yesterday", () => {
  // 00:10 in Berlin: "23:50" is later today, not 20 minutes ago.
  const now = new Date("2026-06-09T22:10:00Z");
  const r = parseAt("23:50", now, { timeZone: BERLIN });
  deepStrictEqual(r.ok ? r.value : r.error, {
    severity: "error",
    code: "at-future",
    problem: 'Cannot use --at "23:50": that time is in the future',
    hint:
      '--at names when something already happened. For a time yesterday, write "yesterday 23:50".',
  });
  const y = parseAt("yesterday 23:50", now, { timeZone: BERLIN });
  strictEqual(y.ok && y.value.toISOString(), "2026-06-09T21:50:00.000Z");
  const iso = parseAt("2026-06-09T22:10:01Z", now);
  strictEqual(!iso.ok && iso.error.code, "at-future");
  strictEqual(parseAt("now", now).ok, true);
});

Deno.test("parseAt() on DST days: a skipped time is refused, a repeated one is the latest past", async (t) => {
  await t.step("02:30 does not exist in New York on 2026-03-08", () => {
    const r = parseAt("2:30", new Date("2026-03-08T15:00:00Z"), { timeZone: NY });
    deepStrictEqual(r.ok ? r.value : [r.error.code, r.error.problem], [
      "at-nonexistent",
      'Cannot use --at "2:30": 2:30 does not exist on 2026-03-08 (the clocks skipped it)',
    ]);
  });
  await t.step("02:30 does not exist in Berlin on 2026-03-29", () => {
    const r = parseAt("02:30", new Date("2026-03-29T10:00:00Z"), { timeZone: BERLIN });
    strictEqual(!r.ok && r.error.code, "at-nonexistent");
  });
  await t.step("01:30 twice in New York on 2026-11-01: both past, the later (EST) is meant", () => {
    const r = parseAt("1:30", new Date("2026-11-01T15:00:00Z"), { timeZone: NY });
    strictEqual(r.ok && r.value.toISOString(), "2026-11-01T06:30:00.000Z");
  });
  await t.step("01:30 twice, but asked at 01:40 EDT: only the first (EDT) is past", () => {
    const r = parseAt("1:30", new Date("2026-11-01T05:40:00Z"), { timeZone: NY });
    strictEqual(r.ok && r.value.toISOString(), "2026-11-01T05:30:00.000Z");
  });
  await t.step("02:30 twice in Berlin on 2026-10-25, asked at noon: the CET one", () => {
    const r = parseAt("2:30", new Date("2026-10-25T11:00:00Z"), { timeZone: BERLIN });
    strictEqual(r.ok && r.value.toISOString(), "2026-10-25T01:30:00.000Z");
  });
  await t.step("-1h across the spring-forward jump is one real hour", () => {
    // 03:30 EDT minus an hour is 01:30 EST: an instant, not a wall clock.
    const r = parseAt("-1h", new Date("2026-03-08T07:30:00Z"), { timeZone: NY });
    strictEqual(r.ok && r.value.toISOString(), "2026-03-08T06:30:00.000Z");
  });
});
