/** The CLI's glue between src/migrate's records and the store's: pure. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  importedState,
  importedSummary,
  recordLine,
  summaryLines,
  toImportRecord,
} from "../../src/cli/actions/migrate_records.ts";
import type { HistoryRecord } from "../../src/migrate/mod.ts";

const RECORD: HistoryRecord = {
  source: "watson",
  sourceId: "f1",
  project: "web",
  start: "2024-12-05T09:00:00.000Z",
  end: "2024-12-05T11:00:00.000Z",
  pauses: [{ start: "2024-12-05T09:30:00.000Z", end: "2024-12-05T09:45:00.000Z", inferred: true }],
  tags: ["review"],
  note: "n",
};

Deno.test("toImportRecord() keys, times in ms, pauses without the inferred flag", () => {
  deepStrictEqual(toImportRecord(RECORD), {
    key: "watson:f1",
    project: "web",
    start: Date.parse("2024-12-05T09:00:00Z"),
    end: Date.parse("2024-12-05T11:00:00Z"),
    pauses: [{
      start: Date.parse("2024-12-05T09:30:00Z"),
      end: Date.parse("2024-12-05T09:45:00Z"),
    }],
    tags: ["review"],
    note: "n",
  });
  deepStrictEqual(
    toImportRecord({ source: "timewarrior", sourceId: "x", project: "p", start: RECORD.start }),
    { key: "timewarrior:x", project: "p", start: Date.parse(RECORD.start) },
  );
});

Deno.test("importedState() names the open session's source from its key", () => {
  const keys = new Set(["watson:a"]);
  const start = Date.parse("2024-12-05T09:00:00Z");
  deepStrictEqual(importedState(keys), { keys });
  deepStrictEqual(
    importedState(keys, { id: "watson:running@x", project: "w", start, pauses: [] }),
    {
      keys,
      open: { key: "watson:running@x", source: "watson", start: "2024-12-05T09:00:00.000Z" },
    },
  );
  strictEqual(
    importedState(keys, { id: "rune:0f8e", project: "w", start, pauses: [] }).open?.source,
    "rune",
  );
});

Deno.test("importedSummary() adds the store's own skips to the plan's", () => {
  const planned = {
    read: 5,
    added: 4,
    closed: 0,
    skipped: [{ reason: "already imported", count: 1 }],
  };
  const counts = {
    read: 4,
    added: 2,
    closed: 0,
    duplicates: 1,
    rejected: [{ key: "watson:z", reason: "it lies in the future" }],
  };
  deepStrictEqual(importedSummary(planned, counts), {
    read: 5,
    added: 2,
    closed: 0,
    skipped: [
      { reason: "already imported", count: 2 },
      { reason: "it lies in the future", count: 1 },
    ],
  });
});

Deno.test("summaryLines() and recordLine() as the CLI prints them", () => {
  deepStrictEqual(
    summaryLines({
      read: 73,
      added: 60,
      closed: 1,
      skipped: [{ reason: "no project name", count: 2 }, { reason: "already imported", count: 10 }],
    }, false),
    [
      "read 73, added 60, closed 1, skipped 12",
      "  10  already imported",
      "   2  no project name",
    ],
  );
  strictEqual(
    summaryLines({ read: 1, added: 1, closed: 0, skipped: [] }, true)[0],
    "read 1, would add 1, skipped 0",
  );
  strictEqual(
    recordLine(RECORD, Date.now(), "UTC"),
    "2024-12-05 09:00–11:00  web  1h 45m  [review]",
  );
  strictEqual(
    recordLine(
      { ...RECORD, end: undefined, pauses: [], tags: [] },
      Date.parse("2024-12-05T10:00:00Z"),
      "UTC",
    ),
    "2024-12-05 09:00– (open)  web  1h 0m",
  );
});
