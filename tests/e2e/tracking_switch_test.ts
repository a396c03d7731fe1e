/**
 * Starting while another project is open (settings.tracking.on_switch, --yes, no terminal),
 * --skip-rituals, `rune ritual run|test` and --dry-run, which track nothing.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { said, withTrackingHome } from "./tracking_helpers.ts";

Deno.test("without a terminal rune never asks: it refuses, and --yes stops the other first", async () => {
  await withTrackingHome(async (t) => {
    strictEqual((await t.rune(["start", "web"])).code, 0);
    const refused = await t.rune(["start", "api"]);
    strictEqual(refused.code, 1);
    match(refused.stderr, /Cannot start "api": "web" is open since/);
    match(refused.stderr, /hint: Pass --yes to stop "web" first/);
    deepStrictEqual(t.marks(), ["start-web"], "a refusal runs no ritual");

    const yes = await t.rune(["start", "api", "--yes"]);
    strictEqual(yes.code, 0, said(yes));
    deepStrictEqual(t.marks(), ["start-web", "stop-web", "start-api"]);
    const sessions = await t.sessions();
    deepStrictEqual(sessions.map((s) => [s.project, s.state]), [["web", 0], ["api", 1]]);
    strictEqual(Date.parse(sessions[0].end_time!) <= Date.parse(sessions[1].start_time), true);
  });
});

Deno.test("on_switch: stop stops the other project without asking", async () => {
  await withTrackingHome(async (t) => {
    await t.rune(["start", "web"]);
    const r = await t.rune(["start", "api"]);
    strictEqual(r.code, 0, said(r));
    match(r.stderr, /stopping "web" first/);
    deepStrictEqual(t.marks(), ["start-web", "stop-web", "start-api"]);
  }, { settings: "settings:\n  tracking: { on_switch: stop }" });
});

Deno.test("on_switch: refuse refuses even with --yes", async () => {
  await withTrackingHome(async (t) => {
    await t.rune(["start", "web"]);
    const r = await t.rune(["start", "api", "--yes"]);
    strictEqual(r.code, 1);
    match(r.stderr, /settings.tracking.on_switch is "refuse"/);
    deepStrictEqual(t.marks(), ["start-web"]);
  }, { settings: "settings:\n  tracking: { on_switch: refuse }" });
});

Deno.test("a stop ritual that fails on the switch starts nothing", async () => {
  await withTrackingHome(async (t) => {
    await t.rune(["start", "stuck"]);
    const r = await t.rune(["start", "web", "--yes"]);
    strictEqual(r.code, 1);
    match(r.stderr, /"web" not started: stopping "stuck" did not succeed/);
    // stuck's own stop step fails first, so the global one (the mark) never runs.
    deepStrictEqual(t.marks(), ["start-stuck"]);
    deepStrictEqual((await t.sessions()).map((s) => [s.project, s.state]), [["stuck", 1]]);
  });
});

Deno.test("starting the open project again runs its ritual and keeps its session", async () => {
  await withTrackingHome(async (t) => {
    await t.rune(["start", "web"]);
    await t.rune(["pause"]);
    const r = await t.rune(["start", "web"]);
    strictEqual(r.code, 0, said(r));
    match(r.stderr, /resumed "web"/);
    const [s] = await t.sessions();
    deepStrictEqual([s.state, s.pauses.length, s.pauses[0].end !== undefined], [1, 1, true]);
    match((await t.rune(["start", "web"])).stderr, /still tracking "web"/);
    strictEqual((await t.sessions()).length, 1);
  });
});

Deno.test("--skip-rituals tracks only; ritual run runs only; ritual test and --dry-run do neither", async () => {
  await withTrackingHome(async (t) => {
    const skip = await t.rune(["start", "web", "--skip-rituals"]);
    strictEqual(skip.code, 0, said(skip));
    deepStrictEqual(t.marks(), []);
    strictEqual((await t.sessions()).length, 1);
    strictEqual((await t.rune(["stop", "--skip-rituals"])).code, 0);

    const run = await t.rune(["ritual", "run", "start", "api"]);
    strictEqual(run.code, 0, said(run));
    deepStrictEqual(t.marks(), ["start-api"]);
    strictEqual((await t.rune(["ritual", "run", "stop", "api"])).code, 0);
    deepStrictEqual(t.marks(), ["start-api", "stop-api"]);

    const test = await t.rune(["ritual", "test", "start", "api"]);
    strictEqual(test.code, 0, said(test));
    match(test.stdout, /echo start-api >>/);
    match(test.stdout, /dry run: nothing was run/);
    const dry = await t.rune(["start", "api", "--dry-run", "--json"]);
    strictEqual(dry.code, 0);
    strictEqual(JSON.parse(dry.stdout).project.name, "api");
    deepStrictEqual(t.marks(), ["start-api", "stop-api"]);
    deepStrictEqual((await t.sessions()).map((s) => s.project), ["web"]);

    const wrong = await t.rune(["ritual", "run", "restart"]);
    strictEqual(wrong.code, 2);
    match(wrong.stderr, /rune has the rituals "start" and "stop"/);
  });
});
