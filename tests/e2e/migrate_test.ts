/**
 * `rune migrate` on the fixtures of tests/fixtures/migrate (bbolt files written by the real
 * library, Watson's and Timewarrior's formats), through the bundle: --dry-run writes nothing,
 * a second run adds nothing, --project-map renames, the source is never written.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { said, withTrackingHome } from "./tracking_helpers.ts";

const FIXTURES = new URL("../fixtures/migrate/", import.meta.url).pathname;

function copyTree(from: string, to: string) {
  Deno.mkdirSync(to, { recursive: true });
  for (const e of Deno.readDirSync(from)) {
    if (e.isFile) Deno.copyFileSync(`${from}/${e.name}`, `${to}/${e.name}`);
  }
}

async function sha256(path: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", Deno.readFileSync(path));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

Deno.test("migrate rune: ~/.rune/sessions.db read-only; --dry-run writes nothing; twice adds once", async () => {
  await withTrackingHome(async (t) => {
    const db = `${t.home.home}/.rune/sessions.db`;
    Deno.mkdirSync(`${t.home.home}/.rune`, { recursive: true });
    Deno.copyFileSync(`${FIXTURES}/rune_paused.db`, db);
    const hash = await sha256(db);
    const store = `${t.home.env.XDG_DATA_HOME}/rune/work_sessions.db`;

    const dry = await t.rune(["migrate", "rune", "--dry-run"]);
    strictEqual(dry.code, 0, said(dry));
    match(
      dry.stdout,
      /^Go Rune's sessions ".*\/\.rune\/sessions\.db": read 2, would add 2, skipped 0/,
    );
    match(dry.stdout, /\+ 2025-05-01 08:00–09:00 {2}docs {2}1h 0m/);
    match(dry.stdout, /dry run: nothing was written/);
    strictEqual(await Deno.stat(store).then(() => true, () => false), false);

    const first = await t.rune(["migrate", "rune"]);
    strictEqual(first.code, 0, said(first));
    match(first.stdout, /read 2, added 2, skipped 0/);
    const second = await t.rune(["migrate", "rune", "--json"]);
    const summary = JSON.parse(second.stdout);
    deepStrictEqual([summary.added, summary.skipped], [0, [{
      reason: "already imported",
      count: 2,
    }]]);
    strictEqual(await sha256(db), hash, "Go Rune's file is never written");

    const sessions = await t.sessions();
    deepStrictEqual(sessions.map((s) => [s.project, s.state]), [["docs", 0], ["docs", 2]]);
    match((await t.rune(["status"])).stdout, /^docs: paused since 2025-05-02 10:00/);
  });
});

Deno.test("migrate watson: frames and log, --project-map, skips and why, idempotent", async () => {
  await withTrackingHome(async (t) => {
    const frames = `${FIXTURES}/watson/frames`;
    const r = await t.rune([
      "migrate",
      "watson",
      frames,
      "--project-map",
      "web-app=web",
      "--project-map",
      "floaty=float",
    ]);
    strictEqual(r.code, 0, said(r));
    match(
      r.stdout,
      /read 8, added 6, skipped 2\n {2}1 {2}stop before start\n {2}1 {2}no project name\n/,
    );
    const projects = (await t.sessions()).map((s) => s.project).sort();
    deepStrictEqual(projects, ["café-ünï", "client/acme", "float", "foo", "old-project", "web"]);
    const web = (await t.sessions()).find((s) => s.project === "web")!;
    deepStrictEqual(web.tags, ["review", "ci"]);

    const again = await t.rune([
      "migrate",
      "watson",
      frames,
      "--project-map",
      "web-app=web",
      "--project-map",
      "floaty=float",
    ]);
    match(again.stdout, /read 8, added 0, skipped 8/);
    const log = await t.rune([
      "migrate",
      "watson",
      `${FIXTURES}/watson/log.json`,
      "--project-map",
      "web-app=web",
    ]);
    strictEqual(log.code, 0, said(log));
    match(log.stdout, /read 4, added 1, skipped 3\n {2}3 {2}already imported/);
    strictEqual(
      (await t.sessions()).filter((s) => s.state === 1).map((s) => s.project).join(),
      "api",
    );

    const badMap = await t.rune(["migrate", "watson", frames, "--project-map", "nonsense"]);
    strictEqual(badMap.code, 2);
    match(badMap.stderr, /Cannot map projects: "nonsense" is not old=new/);
    const notWatson = await t.rune(["migrate", "watson", `${FIXTURES}/README.md`]);
    strictEqual(notWatson.code, 2);
    match(notWatson.stderr, /Cannot read Watson's data: it is not JSON/);
  });
});

Deno.test("migrate timewarrior: ~/.timewarrior/data, then the XDG place; tags, notes, open interval", async () => {
  await withTrackingHome(async (t) => {
    const none = await t.rune(["migrate", "timewarrior"]);
    strictEqual(none.code, 2);
    match(none.stderr, /\.timewarrior\/data", ".*\/timewarrior\/data" do not exist/);

    copyTree(`${FIXTURES}/timewarrior/data`, `${t.home.env.XDG_DATA_HOME}/timewarrior/data`);
    const xdg = await t.rune(["migrate", "timewarrior", "--dry-run"]);
    strictEqual(xdg.code, 0, said(xdg));
    match(xdg.stdout, /timewarrior\/data": read 8, would add 8, skipped 0/);

    copyTree(`${FIXTURES}/timewarrior/data`, `${t.home.home}/.timewarrior/data`);
    const r = await t.rune(["migrate", "timewarrior", "--project-map", "untagged=misc"]);
    strictEqual(r.code, 0, said(r));
    match(
      r.stdout,
      /^Timewarrior's data ".*\/home\/\.timewarrior\/data": read 8, added 8, skipped 0/,
    );
    const sessions = await t.sessions();
    const spaced = sessions.find((s) => s.tags?.includes("tag with space"))!;
    deepStrictEqual(spaced.tags, ["tag with space", "web-app"]);
    strictEqual(sessions.find((s) => s.note === 'fixed the "login" bug')?.project, "api");
    deepStrictEqual(
      sessions.filter((s) => s.project === "misc").map((s) => s.note ?? ""),
      ["untagged but annotated", ""],
    );
    deepStrictEqual(sessions.filter((s) => s.state === 1).map((s) => s.project), ["web-app"]);
    match((await t.rune(["migrate", "timewarrior"])).stdout, /added 0, skipped 8/);
  });
});
