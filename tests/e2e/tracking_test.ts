/**
 * The daily loop across real processes: start, pause, resume, status, stop and report, each a
 * separate run of the bundle; `--at` rules; rituals that fail change nothing.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { said, withTrackingHome } from "./tracking_helpers.ts";

const MIN = 60_000;

/** ISO 8601 (UTC) `minutes` before now, on a whole minute: exact durations across processes. */
function ago(minutes: number, base = Math.floor(Date.now() / MIN) * MIN): string {
  return new Date(base - minutes * MIN).toISOString().replace(".000Z", "Z");
}

Deno.test("start, pause, resume, status, stop, then a report in each format", async () => {
  await withTrackingHome(async (t) => {
    const base = Math.floor(Date.now() / MIN) * MIN;
    const start = await t.rune(["start", "web", "--at", ago(120, base)]);
    strictEqual(start.code, 0, said(start));
    match(start.stderr, /rune: tracking "web" since/);
    deepStrictEqual(t.marks(), ["start-web"]);

    const running = JSON.parse((await t.rune(["status", "--json"])).stdout);
    deepStrictEqual([running.state, running.project], ["running", "web"]);
    strictEqual(
      running.elapsed_seconds >= 7200 && running.elapsed_seconds < 7200 + 180,
      true,
      String(running.elapsed_seconds),
    );

    strictEqual((await t.rune(["pause", "--at", ago(90, base)])).code, 0);
    const paused = await t.rune(["status"]);
    match(
      paused.stdout,
      /^web: paused since (\d{4}-\d\d-\d\d )?\d\d:\d\d, 0h 30m worked \(started /,
    );
    const again = await t.rune(["pause"]);
    strictEqual(again.code, 1);
    match(again.stderr, /Cannot pause: "web" is already paused since/);

    strictEqual((await t.rune(["resume", "--at", ago(80, base)])).code, 0);
    const stop = await t.rune(["stop", "--at", ago(10, base)]);
    strictEqual(stop.code, 0, said(stop));
    match(stop.stderr, /rune: stopped "web": 1h 40m worked/);
    deepStrictEqual(t.marks(), ["start-web", "stop-web"]);
    match((await t.rune(["status"])).stdout, /^No work session is open\./);

    const text = await t.rune(["report", "--from", "2000-01-01"]);
    strictEqual(text.code, 0, said(text));
    match(text.stdout, /By project\n {2}web +1h 40m +100%\nTotal +1h 40m\n/);
    const csv = (await t.rune(["report", "--from", "2000-01-01", "--format", "csv"])).stdout;
    const rows = csv.trim().split("\n");
    strictEqual(rows[0], "Date,Start Time,End Time,Project,Duration (minutes),State");
    strictEqual(rows.at(-1), "TOTAL,,,,100.00,");
    match(rows[1], /^\d{4}-\d\d-\d\d,\d\d:\d\d:\d\d,\d\d:\d\d:\d\d,web,\d+\.\d\d,Stopped$/);
    const json = JSON.parse(
      (await t.rune(["report", "--from", "2000-01-01", "--format", "json"])).stdout,
    );
    strictEqual(json.total_duration, "1h 40m");
    deepStrictEqual(
      json.sessions.map((s: { state: number; pauses: unknown[] }) => [s.state, s.pauses.length]),
      [[0, 1]],
    );
    strictEqual(json.sessions[0].duration, 100 * MIN * 1_000_000);
    deepStrictEqual(json.summary.project_breakdown, { web: "1h 40m" });
  });
});

Deno.test("report --output writes the file atomically with mode 0600", async () => {
  await withTrackingHome(async (t) => {
    await t.rune(["start", "web", "--skip-rituals", "--at", "-30m"]);
    const path = `${t.home.dir}/out/report.csv`;
    Deno.mkdirSync(`${t.home.dir}/out`);
    const r = await t.rune(["report", "--today", "--format", "csv", "--output", path]);
    strictEqual(r.code, 0, said(r));
    strictEqual(r.stdout, "");
    match(r.stderr, /rune: wrote 1 session to /);
    strictEqual(Deno.statSync(path).mode! & 0o777, 0o600);
    match(
      Deno.readTextFileSync(path),
      /^Date,Start Time,End Time,Project,Duration \(minutes\),State\n/,
    );
    deepStrictEqual([...Deno.readDirSync(`${t.home.dir}/out`)].map((e) => e.name), ["report.csv"]);
    const bad = await t.rune(["report", "--output", `${t.home.dir}/nope/r.txt`]);
    strictEqual(bad.code, 1);
    match(bad.stderr, /Cannot write ".*\/nope\/r.txt": the directory ".*\/nope" does not exist/);
  });
});

Deno.test("--at: never in the future, never before the previous event, and its grammar", async () => {
  await withTrackingHome(async (t) => {
    const future = await t.rune(["start", "web", "--at", "+5m"]);
    strictEqual(future.code, 2);
    match(future.stderr, /Cannot read --at "\+5m": it is not in a form rune reads/);
    deepStrictEqual(t.marks(), [], "a bad --at runs no ritual");
    const later = await t.rune(["start", "web", "--at", "2999-01-01 09:00"]);
    strictEqual(later.code, 2);
    match(later.stderr, /that time is in the future/);

    strictEqual((await t.rune(["start", "web", "--at", "-1h"])).code, 0);
    const before = await t.rune(["pause", "--at", "-2h"]);
    strictEqual(before.code, 2);
    match(before.stderr, /Cannot pause at .*: "web" had its last event \(start\) at /);
    strictEqual((await t.rune(["stop", "--at", "-30m"])).code, 0);
    const overlap = await t.rune(["start", "api", "--at", "-45m"]);
    strictEqual(overlap.code, 2);
    match(overlap.stderr, /the previous session \("web"\) ended at [\s\S]*sessions never overlap/);
    deepStrictEqual(t.marks(), ["start-web", "stop-web"], "refused before the ritual ran");
    const [s] = await t.sessions();
    const length = Date.parse(s.end_time!) - Date.parse(s.start_time);
    strictEqual(Math.abs(length - 30 * MIN) < 30_000, true, `${length} ms`);
  });
});

Deno.test("a failed start ritual opens no session; a failed stop ritual closes none", async () => {
  await withTrackingHome(async (t) => {
    const bad = await t.rune(["start", "bad"]);
    strictEqual(bad.code, 1);
    match(bad.stderr, /no work session opened: the start ritual did not succeed/);
    deepStrictEqual(await t.sessions(), []);

    strictEqual((await t.rune(["start", "stuck"])).code, 0);
    const stuck = await t.rune(["stop"]);
    strictEqual(stuck.code, 1);
    match(stuck.stderr, /the work session on "stuck" stays open: the stop ritual did not succeed/);
    strictEqual(JSON.parse((await t.rune(["status", "--json"])).stdout).project, "stuck");
    const skip = await t.rune(["stop", "--skip-rituals"]);
    strictEqual(skip.code, 0, said(skip));
    deepStrictEqual((await t.sessions()).map((s) => s.state), [0]);
  });
});

Deno.test("rune stop without a project stops the open session's project, not the one detected here", async () => {
  await withTrackingHome(async (t) => {
    strictEqual((await t.rune(["start", "api"])).code, 0);
    const stop = await t.rune(["stop"]);
    strictEqual(stop.code, 0, said(stop));
    deepStrictEqual(t.marks(), ["start-api", "stop-api"]);
    match(stop.stderr, /stopped "api"/);
    const none = await t.rune(["stop", "web"]);
    strictEqual(none.code, 0);
    match(none.stderr, /no work session was open/);
  });
});

Deno.test("reports split at local midnight and count a DST day by the clock's real hours", async () => {
  await withTrackingHome(async (t) => {
    const log = `${t.home.dir}/log.json`;
    // New York: clocks spring forward on 2026-03-08 at 02:00 (EST, -05:00, to EDT, -04:00).
    Deno.writeTextFileSync(
      log,
      JSON.stringify([
        {
          id: "a",
          project: "late",
          start: "2026-03-07T23:00:00-05:00",
          stop: "2026-03-08T01:00:00-05:00",
          tags: [],
        },
        {
          id: "b",
          project: "dst",
          start: "2026-03-08T01:30:00-05:00",
          stop: "2026-03-08T03:30:00-04:00",
          tags: [],
        },
      ]),
    );
    const ny = { TZ: "America/New_York" };
    strictEqual((await t.rune(["migrate", "watson", log], ny)).code, 0);
    const csv = await t.rune(
      ["report", "--from", "2026-03-07", "--to", "2026-03-08", "--format", "csv"],
      ny,
    );
    deepStrictEqual(csv.stdout.trim().split("\n").slice(1), [
      "2026-03-07,23:00:00,24:00:00,late,60.00,Stopped",
      "2026-03-08,00:00:00,01:00:00,late,60.00,Stopped",
      "2026-03-08,01:30:00,03:30:00,dst,60.00,Stopped",
      "TOTAL,,,,180.00,",
    ]);
    const text = await t.rune(["report", "--from", "2026-03-08", "--to", "2026-03-08"], ny);
    match(text.stdout, /Sun 2026-03-08 +2h 0m\n {2}dst +1h 0m\n {2}late +1h 0m\n/);
  });
});

Deno.test("status, pause, resume and report never read the config: a broken one does not matter", async () => {
  await withTrackingHome(async (t) => {
    strictEqual((await t.rune(["start", "web", "--skip-rituals"])).code, 0);
    t.home.writeConfig("rituals: [this is: not valid\n");
    for (const args of [["status"], ["pause"], ["resume"], ["report"], ["status", "--json"]]) {
      const r = await t.rune(args);
      strictEqual(r.code, 0, `${args.join(" ")}: ${said(r)}`);
    }
    strictEqual((await t.rune(["stop"])).code, 2, "stop runs a ritual, so it reads the config");
  });
});
