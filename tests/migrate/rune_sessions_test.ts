/**
 * Go Rune's sessions.db → records, on databases the real bbolt library wrote with Go Rune's
 * own state changes replayed (gen_bbolt/main.go), and on hand-made buckets for the odd cases.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { readRuneSessions, runeSessionsOf } from "../../src/migrate/rune_sessions.ts";
import { findBucket, readBolt } from "../../src/migrate/bbolt.ts";
import type { BoltBucket } from "../../src/migrate/bbolt.ts";
import { workedMs } from "../../src/migrate/record.ts";
import type { HistoryRead } from "../../src/migrate/record.ts";

const FIXTURES = new URL("../fixtures/migrate/", import.meta.url);

function read(name: string): HistoryRead {
  const result = readRuneSessions(Deno.readFileSync(new URL(`${name}.db`, FIXTURES)));
  if (!result.ok) throw new Error(result.error[0].problem);
  return result.value;
}

Deno.test("readRuneSessions() rebuilds stopped, paused-then-resumed and running sessions", () => {
  deepStrictEqual(read("rune_running"), {
    records: [
      {
        source: "rune",
        sourceId: "session_1741010400123456789",
        project: "web-app",
        start: "2025-03-03T14:00:00.123Z",
        end: "2025-03-03T16:30:00.500Z",
      },
      {
        source: "rune",
        sourceId: "session_1741024800000000000",
        project: "café ☕ ünïcode",
        start: "2025-03-03T18:00:00.000Z",
        end: "2025-03-03T20:00:00.000Z",
        pauses: [
          { start: "2025-03-03T18:00:00.000Z", end: "2025-03-03T18:15:00.000Z", inferred: true },
        ],
      },
      {
        source: "rune",
        sourceId: "session_1741035600000000000",
        project: "日本語プロジェクト",
        start: "2025-03-03T21:00:00.000Z",
        end: "2025-03-03T22:30:00.000Z",
        pauses: [{ start: "2025-03-03T22:00:00.000Z", end: "2025-03-03T22:30:00.000Z" }],
      },
      {
        source: "rune",
        sourceId: "session_1741041000000000000",
        project: "night owl",
        start: "2025-03-03T22:30:00.000Z",
        end: "2025-03-04T00:10:00.000Z",
      },
      {
        source: "rune",
        sourceId: "session_1741093200000000000",
        project: "api 🚀",
        start: "2025-03-04T13:00:00.000Z",
        pauses: [
          { start: "2025-03-04T13:00:00.000Z", end: "2025-03-04T13:10:00.000Z", inferred: true },
        ],
      },
      {
        source: "rune",
        sourceId: "watson_a1b2c3d4",
        project: "old-watson",
        start: "2025-02-01T10:00:00.000Z",
        end: "2025-02-01T12:15:00.000Z",
      },
    ],
    skipped: [],
  });
});

Deno.test("readRuneSessions() keeps a paused session open with its open pause", () => {
  const { records, skipped } = read("rune_paused");
  deepStrictEqual(skipped, []);
  deepStrictEqual(records[1], {
    source: "rune",
    sourceId: "session_1746172800000000000",
    project: "docs",
    start: "2025-05-02T08:00:00.000Z",
    pauses: [
      { start: "2025-05-02T08:00:00.000Z", end: "2025-05-02T08:15:00.000Z", inferred: true },
      { start: "2025-05-02T10:00:00.000Z" },
    ],
  });
  // Go Rune's own figure for a paused session: paused_at − start_time = 1h45m.
  strictEqual(workedMs(records[1], Date.parse("2025-05-02T10:30:00Z")), 105 * 60_000);
});

Deno.test("readRuneSessions() reads a fresh database as no sessions", () => {
  deepStrictEqual(read("rune_empty"), { records: [], skipped: [] });
});

Deno.test("readRuneSessions() keeps Go Rune's worked time for every session", () => {
  const bytes = Deno.readFileSync(new URL("rune_many.db", FIXTURES));
  const { records, skipped } = read("rune_many");
  deepStrictEqual([records.length, skipped.length], [1201, 0]);
  strictEqual(records.filter((r) => r.pauses?.[0]?.inferred).length, 172);
  strictEqual(Math.max(...records.map((r) => r.project.length)), 18 * 120);
  // Go Rune's `duration` (ns) is in each value; the records must add up to it, within 1 ms.
  const file = readBolt(bytes);
  ok(file.ok);
  const durations = new Map(
    findBucket(file.value.root, "sessions")!.pairs.map(({ value }) => {
      const json = JSON.parse(new TextDecoder().decode(value));
      return [json.id, Math.floor(json.duration / 1e6)];
    }),
  );
  for (const r of records) {
    const diff = Math.abs(workedMs(r, 0) - durations.get(r.sourceId)!);
    ok(diff <= 1, `${r.sourceId}: ${diff} ms off (records keep milliseconds, Go nanoseconds)`);
  }
});

const enc = (s: string) => new TextEncoder().encode(s);
const bucket = (pairs: [string, string][]): BoltBucket => ({
  pairs: pairs.map(([k, v]) => ({ key: enc(k), value: enc(v) })),
  buckets: [],
});
const root = (sessions: [string, string][], current: [string, string][] = []): BoltBucket => ({
  pairs: [],
  buckets: [
    { name: enc("current"), bucket: bucket(current) },
    { name: enc("sessions"), bucket: bucket(sessions) },
  ],
});
const session = (id: string, extra: Record<string, unknown>) =>
  JSON.stringify({
    id,
    project: "p",
    start_time: "2025-01-01T10:00:00Z",
    duration: 0,
    state: 0,
    end_time: "2025-01-01T11:00:00Z",
    ...extra,
  });

const oddCases: { name: string; root: BoltBucket; want: HistoryRead }[] = [
  {
    name: "values that are not sessions are skipped, each with its reason",
    root: root([
      ["a", "{not json"],
      ["b", "[1]"],
      ["c", session("c", { state: 7 })],
      ["d", session("d", { start_time: "yesterday" })],
      ["e", session("e", { end_time: undefined })],
      ["f", session("f", { end_time: "2025-01-01T09:00:00Z" })],
      ["g", session("g", { paused_at: "2025-01-01T12:00:00Z" })],
    ]),
    want: {
      records: [],
      skipped: [
        { reason: "not JSON", where: "sessions/a" },
        { reason: "not a JSON object", where: "sessions/b" },
        { reason: "an unknown state", where: "sessions/c" },
        { reason: "no valid start_time", where: "sessions/d" },
        { reason: "stopped without an end_time", where: "sessions/e" },
        { reason: "end_time before start_time", where: "sessions/f" },
        { reason: "paused_at outside the session", where: "sessions/g" },
      ],
    },
  },
  {
    name: "an open session that is not the current one is skipped",
    root: root([["x", session("x", { state: 1, end_time: undefined })]]),
    want: {
      records: [],
      skipped: [{ reason: "open in Go Rune but not its current session", where: "sessions/x" }],
    },
  },
  {
    name: "a current session missing from sessions is still read",
    root: root([], [["session", session("y", { state: 1, end_time: undefined })]]),
    want: {
      records: [{ source: "rune", sourceId: "y", project: "p", start: "2025-01-01T10:00:00.000Z" }],
      skipped: [],
    },
  },
  {
    name: "sessions wins over a stale current (Go Rune stopped between its two writes)",
    root: root([["z", session("z", {})]], [[
      "session",
      session("z", { state: 1, end_time: undefined }),
    ]]),
    want: {
      records: [{
        source: "rune",
        sourceId: "z",
        project: "p",
        start: "2025-01-01T10:00:00.000Z",
        end: "2025-01-01T11:00:00.000Z",
      }],
      skipped: [],
    },
  },
];

Deno.test("runeSessionsOf() handles what Go Rune's bookkeeping can leave behind", async (t) => {
  for (const c of oddCases) {
    await t.step(
      c.name,
      () => deepStrictEqual(runeSessionsOf(c.root), { ok: true, value: c.want }),
    );
  }
});

Deno.test("readRuneSessions() says so when the file is bbolt but not Go Rune's", () => {
  deepStrictEqual(runeSessionsOf({ pairs: [], buckets: [] }), {
    ok: false,
    error: [{
      severity: "error",
      code: "rune-no-sessions",
      problem: `Cannot read Go Rune's sessions: the file has no bucket "sessions"`,
      hint: "Pass Go Rune's own database, usually ~/.rune/sessions.db",
    }],
  });
  const notBolt = readRuneSessions(enc("hello"));
  ok(!notBolt.ok);
  strictEqual(notBolt.error[0].code, "bbolt-not-bbolt");
});
