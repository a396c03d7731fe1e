/** Import keys, the import plan (idempotence, open sessions), --project-map and worked time. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  importKey,
  mapProjects,
  parseProjectMap,
  planImport,
  workedMs,
} from "../../src/migrate/record.ts";
import type { HistoryRecord, ImportedState, ImportPlan, Skip } from "../../src/migrate/record.ts";

const rec = (sourceId: string, extra: Partial<HistoryRecord> = {}): HistoryRecord => ({
  source: "watson",
  sourceId,
  project: "web",
  start: "2025-01-01T10:00:00.000Z",
  end: "2025-01-01T11:00:00.000Z",
  ...extra,
});

const none: ImportedState = { keys: new Set() };

Deno.test("importKey() is the source and the source's id", () => {
  strictEqual(importKey(rec("a1b2")), "watson:a1b2");
  strictEqual(
    importKey(rec("20201204T120000Z", { source: "timewarrior" })),
    "timewarrior:20201204T120000Z",
  );
});

const planCases: {
  name: string;
  records: HistoryRecord[];
  skipped?: Skip[];
  state: ImportedState;
  want: ImportPlan;
}[] = [
  {
    name: "a first import adds everything, oldest first",
    records: [rec("b", { start: "2025-01-02T10:00:00.000Z" }), rec("a")],
    state: none,
    want: {
      add: [rec("a"), rec("b", { start: "2025-01-02T10:00:00.000Z" })],
      close: [],
      summary: { read: 2, added: 2, closed: 0, skipped: [] },
    },
  },
  {
    name: "a second import adds nothing",
    records: [rec("a"), rec("b")],
    state: { keys: new Set(["watson:a", "watson:b"]) },
    want: {
      add: [],
      close: [],
      summary: {
        read: 2,
        added: 0,
        closed: 0,
        skipped: [{ reason: "already imported", count: 2 }],
      },
    },
  },
  {
    name: "a session twice in one input is added once",
    records: [rec("a"), rec("a")],
    state: none,
    want: {
      add: [rec("a")],
      close: [],
      summary: {
        read: 2,
        added: 1,
        closed: 0,
        skipped: [{ reason: "the same session appears twice in the input", count: 1 }],
      },
    },
  },
  {
    name: "an open session imported before and closed since is closed",
    records: [rec("20250101T100000Z", { source: "timewarrior" })],
    state: {
      keys: new Set(["timewarrior:20250101T100000Z"]),
      open: {
        key: "timewarrior:20250101T100000Z",
        source: "timewarrior",
        start: "2025-01-01T10:00:00.000Z",
      },
    },
    want: {
      add: [],
      close: [{
        key: "timewarrior:20250101T100000Z",
        record: rec("20250101T100000Z", { source: "timewarrior" }),
      }],
      summary: { read: 1, added: 0, closed: 1, skipped: [] },
    },
  },
  {
    name: "a Watson frame that got its id on stop closes the running frame imported before",
    records: [rec("f00d")],
    state: {
      keys: new Set(["watson:running@2025-01-01T10:00:00.000Z"]),
      open: {
        key: "watson:running@2025-01-01T10:00:00.000Z",
        source: "watson",
        start: "2025-01-01T10:00:00.000Z",
      },
    },
    want: {
      add: [],
      close: [{ key: "watson:running@2025-01-01T10:00:00.000Z", record: rec("f00d") }],
      summary: { read: 1, added: 0, closed: 1, skipped: [] },
    },
  },
  {
    name: "only the latest of several open sessions is added",
    records: [
      rec("old", { end: undefined }),
      rec("new", { start: "2025-01-03T10:00:00.000Z", end: undefined }),
    ],
    state: none,
    want: {
      add: [rec("new", { start: "2025-01-03T10:00:00.000Z", end: undefined })],
      close: [],
      summary: {
        read: 2,
        added: 1,
        closed: 0,
        skipped: [{ reason: "a later session is open (only one can be)", count: 1 }],
      },
    },
  },
  {
    name: "no open session is added while rune has one open",
    records: [rec("x", { end: undefined })],
    state: {
      keys: new Set(["rune:mine"]),
      open: { key: "rune:mine", source: "rune", start: "2025-01-05T10:00:00.000Z" },
    },
    want: {
      add: [],
      close: [],
      summary: {
        read: 1,
        added: 0,
        closed: 0,
        skipped: [{ reason: "rune already has an open session", count: 1 }],
      },
    },
  },
  {
    name: "the reader's skips are counted by reason",
    records: [],
    skipped: [
      { reason: "not JSON", where: "1" },
      { reason: "no start", where: "2" },
      { reason: "not JSON", where: "3" },
    ],
    state: none,
    want: {
      add: [],
      close: [],
      summary: {
        read: 3,
        added: 0,
        closed: 0,
        skipped: [{ reason: "not JSON", count: 2 }, { reason: "no start", count: 1 }],
      },
    },
  },
];

Deno.test("planImport() decides what an import adds", async (t) => {
  for (const c of planCases) {
    await t.step(c.name, () => {
      // Through JSON, as records arrive from a reader: no `end: undefined` keys.
      const records = c.records.map((r) => JSON.parse(JSON.stringify(r)));
      const plan = planImport({ records, skipped: c.skipped ?? [] }, c.state);
      deepStrictEqual(plan, JSON.parse(JSON.stringify(c.want)));
    });
  }
});

Deno.test("parseProjectMap() reads old=new and reports every bad value", () => {
  deepStrictEqual(parseProjectMap(["old=new", "a=b=c", "x=x"]), {
    ok: true,
    value: new Map([["old", "new"], ["a", "b=c"], ["x", "x"]]),
  });
  deepStrictEqual(parseProjectMap(["old", "=new", "a=", "k=1", "k=2", "k=1"]), {
    ok: false,
    error: [
      {
        severity: "error",
        code: "project-map",
        problem: `Cannot map projects: "old" is not old=new`,
        hint: "Write it as --project-map old=new",
      },
      {
        severity: "error",
        code: "project-map",
        problem: `Cannot map projects: "=new" is not old=new`,
        hint: "Write it as --project-map old=new",
      },
      {
        severity: "error",
        code: "project-map",
        problem: `Cannot map projects: "a=" is not old=new`,
        hint: "Write it as --project-map old=new",
      },
      {
        severity: "error",
        code: "project-map",
        problem: `Cannot map projects: "k" is mapped twice`,
        hint: "Keep one --project-map k=…",
      },
    ],
  });
});

Deno.test("mapProjects() renames only the projects in the map", () => {
  const read = { records: [rec("a"), rec("b", { project: "api" })], skipped: [] };
  deepStrictEqual(mapProjects(read, new Map([["web", "website"]])), {
    records: [rec("a", { project: "website" }), rec("b", { project: "api" })],
    skipped: [],
  });
});

Deno.test("workedMs() subtracts pauses, counting open ones up to now", () => {
  const now = Date.parse("2025-01-01T12:00:00.000Z");
  strictEqual(workedMs(rec("a"), now), 3_600_000);
  const paused = rec("b", {
    end: undefined,
    pauses: [
      { start: "2025-01-01T10:00:00.000Z", end: "2025-01-01T10:15:00.000Z", inferred: true },
      { start: "2025-01-01T11:30:00.000Z" },
    ],
  });
  strictEqual(workedMs(paused, now), 75 * 60_000);
});
