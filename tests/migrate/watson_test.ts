/** Watson's frames file, `watson log --json` and state file → records; and 10,000 frames' speed. */
import { deepStrictEqual, ok } from "node:assert/strict";
import { readWatson } from "../../src/migrate/watson.ts";
import { planImport } from "../../src/migrate/record.ts";
import type { HistoryRead, HistoryRecord } from "../../src/migrate/record.ts";

const FIXTURES = new URL("../fixtures/migrate/watson/", import.meta.url);

function read(text: string): HistoryRead {
  const result = readWatson(text);
  if (!result.ok) throw new Error(result.error[0].problem);
  return result.value;
}

const fixture = (name: string) => Deno.readTextFileSync(new URL(name, FIXTURES));

const watson = (
  sourceId: string,
  project: string,
  start: string,
  end?: string,
  tags?: string[],
): HistoryRecord => ({
  source: "watson",
  sourceId,
  project,
  start,
  ...(end ? { end } : {}),
  ...(tags ? { tags } : {}),
});

Deno.test("readWatson() reads the frames file, old rows and float times included", () => {
  deepStrictEqual(read(fixture("frames")), {
    records: [
      watson(
        "8f1c1f3a9e2b11efb1a60242ac120002",
        "web-app",
        "2024-12-05T09:00:00.000Z",
        "2024-12-05T11:00:00.000Z",
        ["review", "ci"],
      ),
      watson(
        "9a0b7c6d9e2b11efb1a60242ac120002",
        "café-ünï",
        "2024-12-05T13:00:00.000Z",
        "2024-12-05T14:30:00.000Z",
      ),
      watson(
        "a1c2e3f49e2b11efb1a60242ac120002",
        "client/acme",
        "2024-12-05T15:00:00.000Z",
        "2024-12-05T16:00:00.000Z",
        ["meeting", "with space"],
      ),
      watson(
        "0ld0ld0ld0ld0ld0ld0ld0ld0ld0ld00",
        "old-project",
        "2015-06-04T09:40:00.000Z",
        "2015-06-04T10:40:00.000Z",
      ),
      watson(
        "f10a7f10a7f10a7f10a7f10a7f10a700",
        "floaty",
        "2024-12-06T15:46:40.500Z",
        "2024-12-06T16:46:40.250Z",
      ),
      watson(
        "no-id@1970-01-01T01:06:40.000Z",
        "foo",
        "1970-01-01T01:06:40.000Z",
        "1970-01-01T01:06:50.000Z",
        ["A", "B", "C"],
      ),
    ],
    skipped: [
      { reason: "stop before start", where: "frame 6" },
      { reason: "no project name", where: "frame 8" },
    ],
  });
});

Deno.test("readWatson() reads `watson log --json`, its running frame as an open record", () => {
  const { records, skipped } = read(fixture("log.json"));
  deepStrictEqual(skipped, []);
  deepStrictEqual(records, [
    ...read(fixture("frames")).records.slice(0, 3),
    watson("running@2024-12-07T16:46:40.000Z", "api", "2024-12-07T16:46:40.000Z", undefined, [
      "deploy",
    ]),
  ]);
});

Deno.test("readWatson() reads the state file as the running frame, and {} as none", () => {
  deepStrictEqual(read(fixture("state")), {
    records: [
      watson("running@2024-12-07T16:46:40.000Z", "api", "2024-12-07T16:46:40.000Z", undefined, [
        "deploy",
      ]),
    ],
    skipped: [],
  });
  deepStrictEqual(read("{}"), { records: [], skipped: [] });
});

Deno.test("readWatson() says what is wrong with a file that is not Watson's", () => {
  const hint = "Pass Watson's frames file (usually ~/.config/watson/frames) or the output of " +
    "`watson log --json`";
  deepStrictEqual(readWatson('"frames"'), {
    ok: false,
    error: [{
      severity: "error",
      code: "watson-unreadable",
      problem: "Cannot read Watson's data: it is neither Watson's frames, its log nor its state",
      hint,
    }],
  });
  // The rest of the problem is the JSON parser's own words (where it stopped), which vary.
  const notJson = readWatson("2024-12-05 web-app 2h");
  ok(!notJson.ok);
  deepStrictEqual({ ...notJson.error[0], problem: notJson.error[0].problem.slice(0, 45) }, {
    severity: "error",
    code: "watson-unreadable",
    problem: "Cannot read Watson's data: it is not JSON (Un",
    hint,
  });
});

Deno.test("readWatson() skips rows it cannot use, each with its reason", () => {
  const text = JSON.stringify([[1, "x", "p", "a"], [1, 2, "", "b"], 42, ["soon", 2, "p", "c"]]);
  deepStrictEqual(read(text).skipped, [
    { reason: "no valid stop time", where: "frame 1" },
    { reason: "no project name", where: "frame 2" },
    { reason: "neither a frame nor a log entry", where: "item 3" },
    { reason: "no valid start time", where: "frame 4" },
  ]);
});

/** 10,000 frames in Watson's own layout (indent=1), as a heavy Watson user's file looks. */
function manyFrames(n: number): string {
  const rows = Array.from({ length: n }, (_, i) => {
    const start = 1_600_000_000 + i * 7200;
    return [start, start + 3600, `project-${i % 40}`, i.toString(16).padStart(32, "0"), [
      "tag-a",
      `tag-${i % 7}`,
    ], start + 3601];
  });
  return JSON.stringify(rows, null, 1);
}

Deno.test("readWatson() and planImport() take well under 2 s for 10,000 frames", () => {
  const text = manyFrames(10_000);
  const t0 = performance.now();
  const result = readWatson(text);
  ok(result.ok);
  const plan = planImport(result.value, { keys: new Set() });
  const again = planImport(result.value, {
    keys: new Set(plan.add.map((r) => `watson:${r.sourceId}`)),
  });
  const ms = performance.now() - t0;
  deepStrictEqual([plan.summary.added, again.summary.added], [10_000, 0]);
  ok(ms < 500, `10,000 frames took ${ms.toFixed(0)} ms`);
});
