import { strictEqual } from "node:assert/strict";
import { formatDuration, parseDuration } from "../../src/base/duration.ts";

Deno.test("parseDuration() reads Go durations and plain seconds", async (t) => {
  const cases: [string | number, number | undefined][] = [
    ["30s", 30_000],
    ["2m", 120_000],
    ["1h30m", 5_400_000],
    ["500ms", 500],
    ["1.5h", 5_400_000],
    ["25m", 1_500_000],
    ["0", 0],
    [0, 0],
    [45, 45_000],
    ["45", 45_000],
    ["", undefined],
    ["10 minutes", undefined],
    ["m", undefined],
    ["-5s", undefined],
    [-1, undefined],
    ["5x", undefined],
  ];
  for (const [input, want] of cases) {
    await t.step(`${JSON.stringify(input)} → ${want}`, () => {
      strictEqual(parseDuration(input), want);
    });
  }
});

Deno.test("formatDuration() writes short human durations", () => {
  strictEqual(formatDuration(250), "250ms");
  strictEqual(formatDuration(1500), "1.5s");
  strictEqual(formatDuration(30_000), "30s");
  strictEqual(formatDuration(90_000), "1m30s");
  strictEqual(formatDuration(3_600_000), "1h");
});
