/** Timewarrior's data files and `timew export` → records, lines split as Timewarrior splits them. */
import { deepStrictEqual } from "node:assert/strict";
import { readTimewarrior, readTimewarriorExport } from "../../src/migrate/timewarrior.ts";
import type { TimewarriorOptions } from "../../src/migrate/timewarrior.ts";
import type { HistoryRead, HistoryRecord } from "../../src/migrate/record.ts";

const DATA = new URL("../fixtures/migrate/timewarrior/data/", import.meta.url);

function dataFiles() {
  return [...Deno.readDirSync(DATA)].map((e) => e.name).sort().map((name) => ({
    name: `/home/ana/.local/share/timewarrior/data/${name}`,
    text: Deno.readTextFileSync(new URL(name, DATA)),
  }));
}

function read(text: string, options?: TimewarriorOptions): HistoryRead {
  const result = readTimewarrior([{ name: "2020-12.data", text }], options);
  if (!result.ok) throw new Error(result.error[0].problem);
  return result.value;
}

const tw = (
  sourceId: string,
  project: string,
  start: string,
  extra: Partial<HistoryRecord> = {},
): HistoryRecord => ({ source: "timewarrior", sourceId, project, start, ...extra });

Deno.test("readTimewarrior() keeps open, untagged, quoted and annotated intervals", () => {
  deepStrictEqual(readTimewarrior(dataFiles()), {
    ok: true,
    value: {
      records: [
        tw("20201204T120000Z", "tag with space", "2020-12-04T12:00:00.000Z", {
          end: "2020-12-04T13:00:00.000Z",
          tags: ["tag with space", "web-app"],
        }),
        tw("20201204T140000Z", "meeting", "2020-12-04T14:00:00.000Z", {
          end: "2020-12-04T15:00:00.000Z",
          tags: ["meeting", 'say "hi"'],
        }),
        tw("20201205T080000Z", "untagged", "2020-12-05T08:00:00.000Z", {
          end: "2020-12-05T08:30:00.000Z",
          note: "untagged but annotated",
        }),
        tw("20201205T090000Z", "untagged", "2020-12-05T09:00:00.000Z", {
          end: "2020-12-05T10:00:00.000Z",
        }),
        tw("20201207T090000Z", "api", "2020-12-07T09:00:00.000Z", {
          end: "2020-12-07T10:00:00.000Z",
          tags: ["api", "client-x"],
          note: 'fixed the "login" bug',
        }),
        tw("20201231T230000Z", "new-year", "2020-12-31T23:00:00.000Z", {
          end: "2021-01-01T01:00:00.000Z",
          tags: ["new-year"],
        }),
        tw("20210104T090000Z", "café", "2021-01-04T09:00:00.000Z", {
          end: "2021-01-04T12:00:00.000Z",
          tags: ["café", "deep_work"],
        }),
        tw("20210105T090000Z", "web-app", "2021-01-05T09:00:00.000Z", { tags: ["web-app"] }),
      ],
      skipped: [],
    },
  });
});

Deno.test("readTimewarrior() reads the months in order, however the directory lists them", () => {
  deepStrictEqual(readTimewarrior(dataFiles().reverse()), readTimewarrior(dataFiles()));
});

Deno.test("readTimewarrior() takes rune's project names first, then the first tag", () => {
  const options = { projects: ["web-app", "client-x"], untagged: "misc" };
  const result = readTimewarrior(dataFiles(), options);
  deepStrictEqual(
    result.ok && result.value.records.map((r) => r.project),
    ["web-app", "meeting", "misc", "misc", "client-x", "new-year", "café", "web-app"],
  );
});

const lineCases: { name: string; line: string; want: Partial<HistoryRecord> | string }[] = [
  {
    name: "single quotes, backslash escapes and unicode escapes in strings",
    line: String
      .raw`inc 20201204T120000Z - 20201204T130000Z # 'it\'s' "a\\b" "tab\there" "U+00e9t\u00e9"`,
    want: { tags: ["a\\b", "it's", "tab\there", "été"] },
  },
  {
    name: "a bare word is taken as it is, backslashes included",
    line: String.raw`inc 20201204T120000Z - 20201204T130000Z # a\b it's`,
    want: { tags: ["a\\b", "it's"] },
  },
  {
    name: "a bare number ends before an operator, as in Timewarrior",
    line: "inc 20201204T120000Z - 20201204T130000Z # 3*4 1.5 12abc",
    want: { tags: ["*4", "1.5", "12abc", "3"] },
  },
  {
    name: "a quoted string and what follows it without a space are two tokens",
    line: 'inc 20201204T120000Z - 20201204T130000Z # "a"b',
    want: { tags: ["a", "b"] },
  },
  {
    name: "an unterminated quote is a bare word",
    line: 'inc 20201204T120000Z - 20201204T130000Z # "open',
    want: { tags: ['"open'] },
  },
  {
    name: "an old-style annotation of several words is joined with spaces",
    line: "inc 20201204T120000Z - 20201204T130000Z # x # several   bare words",
    want: { tags: ["x"], note: "several bare words" },
  },
  {
    name: "a lone # has no tags",
    line: "inc 20201204T120000Z - 20201204T130000Z #",
    want: {},
  },
  {
    name: "tabs and CR separate tokens too",
    line: "inc\t20201204T120000Z\t-\t20201204T130000Z\t#\tx\r",
    want: { tags: ["x"] },
  },
  { name: "not an interval", line: "exc monday <8:00 >18:00", want: "not an interval line" },
  { name: "no start", line: "inc # x", want: "an interval without a start" },
  {
    name: "an impossible date",
    line: "inc 20201232T120000Z - 20201233T130000Z",
    want: "an invalid start time",
  },
  {
    name: "an end before the start",
    line: "inc 20201204T120000Z - 20201204T110000Z",
    want: "end before start",
  },
];

Deno.test("readTimewarrior() splits lines as Timewarrior's lexer does", async (t) => {
  for (const c of lineCases) {
    await t.step(c.name, () => {
      const got = read(c.line);
      if (typeof c.want === "string") {
        deepStrictEqual(got, {
          records: [],
          skipped: [{ reason: c.want, where: "2020-12.data:1" }],
        });
        return;
      }
      const project = c.want.tags?.[0] ?? "untagged";
      deepStrictEqual(got, {
        records: [{
          ...tw("20201204T120000Z", project, "2020-12-04T12:00:00.000Z"),
          end: "2020-12-04T13:00:00.000Z",
          ...c.want,
        }],
        skipped: [],
      });
    });
  }
});

Deno.test("readTimewarrior() names the file and line of what it skips, ignoring blank lines", () => {
  const text = "\ninc 20201204T120000Z - 20201204T130000Z\n\ngarbage\n";
  deepStrictEqual(read(text).skipped, [{
    reason: "not an interval line",
    where: "2020-12.data:4",
  }]);
});

Deno.test("readTimewarrior() says so when no data file is given", () => {
  deepStrictEqual(readTimewarrior([{ name: "tags.data", text: "{}" }]), {
    ok: false,
    error: [{
      severity: "error",
      code: "timewarrior-unreadable",
      problem: "Cannot read Timewarrior's data: no YYYY-MM.data file among the 1 given",
      hint: "Pass Timewarrior's data directory: ~/.local/share/timewarrior/data or " +
        "~/.timewarrior/data",
    }],
  });
});

const FIXTURES = new URL("../fixtures/migrate/timewarrior/", import.meta.url);

Deno.test("readTimewarrior() reads the files as Timewarrior 1.4.3's own `timew export` does", async (t) => {
  // export.json files are the real `timew export` of the data beside them (see the README).
  for (const dir of ["", "edge/"]) {
    await t.step(dir || "the main fixture", () => {
      const data = new URL(`${dir}data/`, FIXTURES);
      const files = [...Deno.readDirSync(data)].map((e) => ({
        name: e.name,
        text: Deno.readTextFileSync(new URL(e.name, data)),
      })).sort((a, b) => a.name.localeCompare(b.name));
      const exported = readTimewarriorExport(
        Deno.readTextFileSync(new URL(`${dir}export.json`, FIXTURES)),
      );
      deepStrictEqual(readTimewarrior(files), exported);
    });
  }
});

Deno.test("readTimewarrior() sorts and dedupes tags, as Timewarrior's tag set does", () => {
  // By code point (UTF-8 byte order), not UTF-16 units: U+E000 sorts before U+1F600.
  const line = "inc 20201204T120000Z - 20201204T130000Z # zeta alpha zeta 😀 \ue000 Émile";
  deepStrictEqual(read(line).records[0].tags, ["alpha", "zeta", "Émile", "\ue000", "😀"]);
});

Deno.test("readTimewarriorExport() skips what is not an interval", () => {
  deepStrictEqual(readTimewarriorExport("[1, {}]"), {
    ok: true,
    value: {
      records: [],
      skipped: [
        { reason: "an interval without a start", where: "interval 1" },
        { reason: "an interval without a start", where: "interval 2" },
      ],
    },
  });
  deepStrictEqual(readTimewarriorExport("{}").ok, false);
});
