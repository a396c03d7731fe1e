/** What the CLI reads before it changes the store: state(), keys(), and closing an import. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { openStore, type WorkStore } from "../../src/state/work_store.ts";

const MIN = 60_000;
const T0 = Date.parse("2026-06-10T07:00:00Z");

function withStore(fn: (store: WorkStore, clock: { now: number }) => void) {
  const root = Deno.makeTempDirSync({ prefix: "rune-work-" });
  const clock = { now: T0 };
  const opened = openStore(`${root}/rune`, { now: () => clock.now, timeZone: "UTC" });
  if (!opened.ok) throw new Error(opened.error.problem);
  try {
    fn(opened.value, clock);
  } finally {
    opened.value.close();
    Deno.removeSync(root, { recursive: true });
  }
}

function value<T>(r: { ok: true; value: T } | { ok: false; error: { problem: string } }): T {
  if (!r.ok) throw new Error(r.error.problem);
  return r.value;
}

Deno.test("state() gives the open session, or the last closed one when idle", () => {
  withStore((store, clock) => {
    deepStrictEqual(value(store.state()), { kind: "idle", last: undefined });
    value(store.start("web"));
    clock.now = T0 + 10 * MIN;
    value(store.pause());
    const paused = value(store.state());
    deepStrictEqual(
      paused.kind === "paused" && [paused.session.project, paused.session.pauses],
      ["web", [{ start: T0 + 10 * MIN }]],
    );
    clock.now = T0 + 20 * MIN;
    value(store.stop());
    const idle = value(store.state());
    strictEqual(idle.kind === "idle" && idle.last?.end, T0 + 20 * MIN);
  });
});

Deno.test("keys() lists every stored key, native and imported", () => {
  withStore((store, clock) => {
    clock.now = T0 + 100 * MIN;
    value(store.importRecords([{ key: "watson:a", project: "web", start: T0, end: T0 + MIN }]));
    value(store.start("api"));
    const keys = [...value(store.keys())].sort();
    strictEqual(keys.length, 2);
    strictEqual(keys[1], "watson:a");
    strictEqual(keys[0].startsWith("rune:"), true);
  });
});

Deno.test("importRecords() closes an imported open session and takes the closed record's key", () => {
  withStore((store, clock) => {
    clock.now = T0 + 100 * MIN;
    const running = { key: "watson:running@x", project: "web", start: T0 };
    value(store.importRecords([running]));
    const closed = {
      key: "watson:f1",
      project: "web",
      start: T0,
      end: T0 + 30 * MIN,
      pauses: [{ start: T0 + 5 * MIN, end: T0 + 6 * MIN }],
      tags: ["review"],
    };
    const counts = value(store.importRecords([], [{ key: running.key, record: closed }]));
    deepStrictEqual([counts.closed, counts.added, counts.rejected], [1, 0, []]);
    strictEqual(value(store.currentSession()), undefined);
    const [s] = value(store.sessionsBetween(0, Infinity));
    deepStrictEqual(
      [s.id, s.end, s.pauses, s.tags],
      ["watson:f1", T0 + 30 * MIN, closed.pauses, ["review"]],
    );
    const again = value(store.importRecords([], [{ key: running.key, record: closed }]));
    deepStrictEqual(again.rejected, [{
      key: "watson:f1",
      reason: "the session it closes is not open",
    }]);
    check(store);
  });
});

function check(store: WorkStore) {
  const health = store.check();
  deepStrictEqual(health.issues, []);
}

Deno.test("sessionsBetween(details: false) leaves out key, tags and note, nothing else", () => {
  withStore((store, clock) => {
    clock.now = T0 + 100 * MIN;
    value(store.importRecords([{
      key: "watson:a",
      project: "web",
      start: T0,
      end: T0 + 30 * MIN,
      pauses: [{ start: T0 + MIN, end: T0 + 2 * MIN }],
      tags: ["x"],
      note: "n",
    }]));
    const [full] = value(store.sessionsBetween(0, Infinity));
    const [brief] = value(store.sessionsBetween(0, Infinity, { details: false }));
    deepStrictEqual([full.id, full.tags, full.note], ["watson:a", ["x"], "n"]);
    const { id: _id, tags: _tags, note: _note, ...rest } = full;
    deepStrictEqual(brief, rest);
  });
});
