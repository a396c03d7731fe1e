/** The trackers' time formats, parsed to epoch ms. */
import { deepStrictEqual } from "node:assert/strict";
import { isoOf, parseRfc3339, parseTimewarriorTime } from "../../src/migrate/time.ts";

const iso = (ms: number | undefined) => ms === undefined ? undefined : isoOf(ms);

const rfcCases: { name: string; text: string; want: string | undefined }[] = [
  {
    name: "Go, nanoseconds and offset",
    text: "2025-03-03T09:00:00.123456789-05:00",
    want: "2025-03-03T14:00:00.123Z",
  },
  { name: "Go, UTC", text: "2025-02-01T10:00:00Z", want: "2025-02-01T10:00:00.000Z" },
  {
    name: "Go, one fraction digit",
    text: "2025-03-03T11:30:00.5-05:00",
    want: "2025-03-03T16:30:00.500Z",
  },
  { name: "arrow isoformat", text: "2018-11-05T10:00:00+01:00", want: "2018-11-05T09:00:00.000Z" },
  {
    name: "arrow microseconds",
    text: "2018-11-05T10:00:00.999999+05:30",
    want: "2018-11-05T04:30:00.999Z",
  },
  {
    name: "an offset without colon",
    text: "2018-11-05T10:00:00+0100",
    want: "2018-11-05T09:00:00.000Z",
  },
  { name: "no offset is not a time", text: "2018-11-05T10:00:00", want: undefined },
  { name: "Go's zero time", text: "0001-01-01T00:00:00Z", want: undefined },
  { name: "February 30", text: "2025-02-30T10:00:00Z", want: undefined },
  { name: "hour 24", text: "2025-02-01T24:00:00Z", want: undefined },
  { name: "a bad offset", text: "2025-02-01T10:00:00+25:00", want: undefined },
  { name: "text", text: "yesterday", want: undefined },
];

Deno.test("parseRfc3339() reads Go's and arrow's times", async (t) => {
  for (const c of rfcCases) {
    await t.step(c.name, () => deepStrictEqual(iso(parseRfc3339(c.text)), c.want));
  }
});

Deno.test("parseTimewarriorTime() reads only the compact UTC form", () => {
  deepStrictEqual(
    ["20201204T120000Z", "20201204T120000", "2020-12-04T12:00:00Z", "20201304T120000Z"].map((t) =>
      iso(parseTimewarriorTime(t))
    ),
    ["2020-12-04T12:00:00.000Z", undefined, undefined, undefined],
  );
});
