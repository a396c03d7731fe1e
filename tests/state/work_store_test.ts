import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { DatabaseSync } from "node:sqlite";
import { openStore, type WorkStore, workStorePath } from "../../src/state/work_store.ts";
import { LATEST_SCHEMA, migrate } from "../../src/state/work_store_schema.ts";

const MIN = 60_000;
const T0 = Date.parse("2026-06-10T07:00:00Z");

/** A store in a fresh temp dir with a clock the test moves. */
function withStore(fn: (store: WorkStore, ctx: { dir: string; clock: { now: number } }) => void) {
  const root = Deno.makeTempDirSync({ prefix: "rune-work-" });
  const dir = `${root}/data/rune`;
  const clock = { now: T0 };
  const opened = openStore(dir, { now: () => clock.now, timeZone: "Europe/Berlin" });
  if (!opened.ok) throw new Error(opened.error.problem);
  try {
    fn(opened.value, { dir, clock });
  } finally {
    opened.value.close();
    Deno.removeSync(root, { recursive: true });
  }
}

function value<T>(r: { ok: true; value: T } | { ok: false; error: { problem: string } }): T {
  if (!r.ok) throw new Error(r.error.problem);
  return r.value;
}

Deno.test("openStore() makes a private WAL store at the latest schema", () => {
  withStore((store, { dir }) => {
    value(store.start("web"));
    const path = workStorePath(dir);
    strictEqual(store.path, path);
    strictEqual(Deno.statSync(dir).mode! & 0o777, 0o700);
    for (const f of [path, `${path}-wal`, `${path}-shm`]) {
      strictEqual(Deno.statSync(f).mode! & 0o777, 0o600, f);
    }
    const db = new DatabaseSync(path);
    deepStrictEqual({ ...db.prepare("PRAGMA journal_mode").get() }, { journal_mode: "wal" });
    deepStrictEqual({ ...db.prepare("PRAGMA user_version").get() }, {
      user_version: LATEST_SCHEMA,
    });
    db.close();
    deepStrictEqual(store.check(), {
      ok: true,
      path,
      schemaVersion: LATEST_SCHEMA,
      sessions: 1,
      issues: [],
    });
  });
});

Deno.test("the store records start, pause, resume and stop, and keeps them across reopening", () => {
  withStore((store, { dir, clock }) => {
    const started = value(store.start("web"));
    strictEqual(started.kind, "started");
    clock.now = T0 + 30 * MIN;
    strictEqual(value(store.pause()).pauses.length, 1);
    clock.now = T0 + 45 * MIN;
    value(store.resume());
    clock.now = T0 + 90 * MIN;
    const stopped = value(store.stop(T0 + 80 * MIN));
    deepStrictEqual(stopped, {
      project: "web",
      start: T0,
      end: T0 + 80 * MIN,
      pauses: [{ start: T0 + 30 * MIN, end: T0 + 45 * MIN }],
      id: started.kind === "started" ? started.session.id : "",
    });
    strictEqual(value(store.currentSession()), undefined);
    const again = value(openStore(dir));
    deepStrictEqual(value(again.sessionsBetween(T0, T0 + 1)), [stopped]);
    again.close();
  });
});

Deno.test("start() refuses while a session is open and says which, changing nothing", () => {
  withStore((store, { clock }) => {
    value(store.start("web"));
    clock.now += MIN;
    const r = value(store.start("api"));
    strictEqual(r.kind, "refused");
    strictEqual(r.kind === "refused" && r.open.project, "web");
    deepStrictEqual(value(store.sessionsBetween(0, Infinity)).map((s) => s.project), ["web"]);
  });
});

Deno.test("the store applies the --at rules and writes nothing it refuses", () => {
  withStore((store, { clock }) => {
    clock.now = T0 + 60 * MIN;
    value(store.start("web", T0));
    const cases: [string, ReturnType<WorkStore["pause"]>, string][] = [
      ["future", store.pause(T0 + 61 * MIN), "at-future"],
      ["before the start", store.pause(T0 - MIN), "at-before-previous"],
      ["resume while running", store.resume(), "not-paused"],
    ];
    for (const [name, r, code] of cases) strictEqual(!r.ok && r.error.code, code, name);
    value(store.pause(T0 + 10 * MIN));
    const early = store.stop(T0 + 5 * MIN);
    strictEqual(
      !early.ok && early.error.problem,
      'Cannot stop at 09:05: "web" had its last event (pause) at 09:10',
    );
    value(store.stop());
    const s = value(store.sessionsBetween(0, Infinity));
    deepStrictEqual(s.map((x) => [x.end, x.pauses]), [[T0 + 60 * MIN, [{
      start: T0 + 10 * MIN,
      end: T0 + 60 * MIN,
    }]]]);
    // A new session may not start before the last one ended.
    const overlap = store.start("api", T0 + 59 * MIN);
    strictEqual(!overlap.ok && overlap.error.code, "at-before-previous");
    const none = [store.pause(), store.resume(), store.stop()];
    deepStrictEqual(none.map((r) => !r.ok && r.error.code), Array(3).fill("no-open-session"));
  });
});

Deno.test("sessionsBetween() returns sessions overlapping the span, open ones included", () => {
  withStore((store, { clock }) => {
    const add = (p: string, from: number, to?: number) => {
      clock.now = from;
      value(store.start(p));
      if (to !== undefined) {
        clock.now = to;
        value(store.stop());
      }
    };
    add("a", T0, T0 + 10 * MIN);
    add("b", T0 + 20 * MIN, T0 + 30 * MIN);
    add("c", T0 + 40 * MIN);
    clock.now = T0 + 100 * MIN;
    const names = (from: number, to: number) =>
      value(store.sessionsBetween(from, to)).map((s) => s.project);
    deepStrictEqual(names(T0 + 10 * MIN, T0 + 20 * MIN), []); // touching ends do not overlap
    deepStrictEqual(names(T0 + 5 * MIN, T0 + 25 * MIN), ["a", "b"]);
    deepStrictEqual(names(T0 + 90 * MIN, T0 + 95 * MIN), ["c"]);
  });
});

Deno.test("migrations run forward from version 1 and keep the data; a newer store is left alone", () => {
  const root = Deno.makeTempDirSync();
  try {
    const path = workStorePath(root);
    const v1 = new DatabaseSync(path);
    deepStrictEqual(migrate(v1, 1), { kind: "migrated", from: 0, to: 1 });
    v1.exec(
      "INSERT INTO sessions (key, project, start_ms, end_ms) VALUES ('rune:old', 'web', 1000, 2000)",
    );
    v1.close();
    const store = value(openStore(root));
    deepStrictEqual(value(store.sessionsBetween(0, 5000)), [{
      id: "rune:old",
      project: "web",
      start: 1000,
      end: 2000,
      pauses: [],
    }]);
    strictEqual(store.check().schemaVersion, LATEST_SCHEMA);
    store.close();

    const db = new DatabaseSync(path);
    db.exec(`PRAGMA user_version = ${LATEST_SCHEMA + 1}`);
    db.close();
    const newer = openStore(root);
    strictEqual(!newer.ok && newer.error.code, "store-newer");
    strictEqual(
      !newer.ok && newer.error.hint,
      "Upgrade rune; the store was written by a newer version and is left untouched",
    );
  } finally {
    Deno.removeSync(root, { recursive: true });
  }
});

Deno.test("check() finds broken invariants; a file that is not a store is refused with a way out", () => {
  withStore((store, { dir }) => {
    value(store.start("web"));
    const db = new DatabaseSync(workStorePath(dir));
    db.exec("DROP INDEX one_open_session");
    db.exec(`INSERT INTO sessions (key, project, start_ms) VALUES ('x:1', 'api', ${T0})`);
    db.exec(`INSERT INTO pauses (session_id, start_ms) VALUES (2, ${T0 - MIN})`);
    db.close();
    const health = store.check();
    strictEqual(health.ok, false);
    deepStrictEqual(health.issues.map((i) => i.problem.replace(/^.*inconsistent: /, "")), [
      "more than one session is open (2)",
      "a pause lies outside its session (1)",
    ]);
  });
  const root = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(workStorePath(root), "not a database ".repeat(400));
    const r = openStore(root);
    strictEqual(!r.ok && r.error.code, "store-corrupt");
    strictEqual(
      !r.ok && r.error.hint?.startsWith(`Move it aside ("mv ${workStorePath(root)} `),
      true,
    );
  } finally {
    Deno.removeSync(root, { recursive: true });
  }
});

Deno.test("importRecords() is idempotent by key and says what it skipped and why", () => {
  withStore((store, { clock }) => {
    clock.now = T0 + 1000 * MIN;
    const records = [
      {
        key: "watson:a",
        project: "web",
        start: T0,
        end: T0 + 10 * MIN,
        tags: ["code review", "x"],
        note: "fix",
      },
      {
        key: "watson:b",
        project: "api",
        start: T0 + 20 * MIN,
        end: T0 + 30 * MIN,
        pauses: [{ start: T0 + 22 * MIN, end: T0 + 23 * MIN }],
      },
      { key: "watson:a", project: "web", start: T0, end: T0 + 10 * MIN },
      { key: "watson:c", project: "", start: T0, end: T0 + 1 },
      { key: "watson:d", project: "web", start: T0 + 5, end: T0 },
      { key: "watson:e", project: "web", start: T0, end: T0 + 2000 * MIN },
      { key: "timew:open", project: "ops", start: T0 + 40 * MIN },
    ];
    deepStrictEqual(value(store.importRecords(records)), {
      read: 7,
      added: 3,
      closed: 0,
      duplicates: 1,
      rejected: [
        { key: "watson:c", reason: "the project name is empty" },
        { key: "watson:d", reason: "it ends before it starts" },
        { key: "watson:e", reason: "it lies in the future" },
      ],
    });
    deepStrictEqual(value(store.importRecords(records)).added, 0);
    deepStrictEqual(value(store.importRecords(records)).duplicates, 4);
    const [a, b] = value(store.sessionsBetween(0, Infinity));
    deepStrictEqual([a.tags, a.note, b.pauses.length], [["code review", "x"], "fix", 1]);
    strictEqual(value(store.currentSession())?.id, "timew:open");
    const second = value(
      store.importRecords([{ key: "timew:open2", project: "ops", start: T0 + 50 * MIN }]),
    );
    deepStrictEqual(second.rejected, [{
      key: "timew:open2",
      reason: "it is still open, and another session is open",
    }]);
  });
});

Deno.test("a store locked by another writer gives a clear issue after the busy timeout", () => {
  withStore((_store, { dir }) => {
    const blocker = new DatabaseSync(workStorePath(dir));
    blocker.exec("BEGIN IMMEDIATE");
    const waiting = value(openStore(dir, { busyTimeoutMs: 50 }));
    const r = waiting.start("web");
    deepStrictEqual(!r.ok && [r.error.code, r.error.problem], [
      "store-locked",
      'Cannot start "web": another process has held the work-session store for over 0.1 s',
    ]);
    blocker.exec("ROLLBACK");
    strictEqual(value(waiting.start("web")).kind, "started");
    waiting.close();
    blocker.close();
  });
});

Deno.test("an --at with a fraction of a millisecond is stored, rounded", () => {
  withStore((store, { clock }) => {
    clock.now = T0 + 10 * MIN;
    const r = value(store.start("web", T0 + 0.6));
    strictEqual(r.kind === "started" && r.session.start, T0 + 1);
    strictEqual(value(store.stop(T0 + 5 * MIN + 0.4)).end, T0 + 5 * MIN);
  });
});
