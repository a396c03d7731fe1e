/**
 * A session of any size (issue 11.10 / 12): 100 windows × 4 typed panes through the bundle on a
 * private server with base-index 1. tmux's client refuses more than 16,364 bytes of argv in
 * one call, so the build is several chained calls; every pane must still land in its window,
 * in its own directory, and run its command exactly once.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const WINDOWS = 100;
const PANES = 4;

const keys = Array.from(
  { length: WINDOWS },
  (_, w) => Array.from({ length: PANES }, (_, p) => ({ w: w + 1, p: p + 1 })),
).flat();

const config = [
  "rituals:",
  "  start:",
  "    global: [{name: big, interactive: true, tmux_template: big}]",
  "  templates:",
  "    big:",
  "      session_name: big",
  "      windows:",
  ...Array.from({ length: WINDOWS }, (_, w) => [
    `        - name: w${w + 1}`,
    "          layout: tiled",
    ...(w === 1 ? ["          focus: true"] : []),
    "          panes:",
    ...Array.from(
      { length: PANES },
      (_, p) =>
        `            - {dir: d/w${w + 1}/p${p + 1}, command: "pwd > {{.ProjectDir}}/ran/w${w + 1}p${
          p + 1
        }"${p === 2 ? ", focus: true" : ""}}`,
    ),
  ]).flat(),
  "",
].join("\n");

Deno.test("100 windows × 4 panes: every pane in its window and dir, each command run once", async () => {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/web`;
    for (const { w, p } of keys) Deno.mkdirSync(`${dir}/d/w${w}/p${p}`, { recursive: true });
    Deno.mkdirSync(`${dir}/ran`);
    home.writeConfig(config);
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      await tmux.tmux("new-session", "-d", "-s", "keep"); // starts the server with base-index 1
      const dry = await runRune(["start", "web", "--dry-run", "--json"], { env, cwd: dir });
      strictEqual(dry.code, 0, dry.stderr);
      const calls = JSON.parse(dry.stdout).steps[0].tmux.create.length;
      ok(calls > 1 && calls < 12, `${calls} calls`);
      const text = await runRune(["start", "web", "--dry-run"], { env, cwd: dir });
      match(text.stdout, new RegExp(`tmux argv \\(${calls} calls, each within tmux's 16364-byte`));
      strictEqual(text.stdout.split("\n").filter((l) => /^\s+tmux -u -S /.test(l)).length, calls);
      match(text.stdout, /^\s+tmux -u -S \S+ (new|split)-window -t '\$SESSION:' /m);

      const started = Date.now();
      const r = await runRune(["start", "web", "--detach"], { env, cwd: dir, timeoutMs: 120_000 });
      const ms = Date.now() - started;
      strictEqual(r.code, 0, r.stderr);
      console.log(`100×4 build: ${calls} tmux calls to build, rune start took ${ms} ms`);

      const rows = (await tmux.tmux(
        "list-panes",
        "-s",
        "-t",
        "=big",
        "-F",
        "#{window_index}\t#{window_name}\t#{pane_current_path}\t#{window_active}#{pane_active}",
      )).split("\n").map((l) => l.split("\t"));
      deepStrictEqual(
        rows.map(([index, window, path]) => [index, window, path]),
        keys.map(({ w, p }) => [String(w), `w${w}`, `${dir}/d/w${w}/p${p}`]),
      );
      deepStrictEqual(rows.filter((r) => r[3] === "11").map((r) => r[2]), [`${dir}/d/w2/p3`]);
      await waitFor(() => [...Deno.readDirSync(`${dir}/ran`)].length === keys.length, {
        timeoutMs: 30_000,
        what: "every pane's command to run",
      });
      for (const { w, p } of keys) {
        await waitFor(() => Deno.readTextFileSync(`${dir}/ran/w${w}p${p}`) !== "");
        strictEqual(Deno.readTextFileSync(`${dir}/ran/w${w}p${p}`), `${dir}/d/w${w}/p${p}\n`);
      }
    }, { conf: ["set -g base-index 1", "set -g pane-base-index 1"] });
  } finally {
    home.cleanup();
  }
});

Deno.test("a build whose later call fails leaves nothing behind", async () => {
  // 300 panes in one 200x50 window: tmux runs out of room at pane 258, in the second call.
  const huge = [
    "rituals:",
    "  start:",
    "    global: [{name: huge, interactive: true, tmux_template: huge}]",
    "  templates:",
    "    huge:",
    "      session_name: huge",
    "      windows:",
    "        - name: w",
    "          panes:",
    ...Array.from({ length: 300 }, () => "            - {command: cat, exec: true}"),
    "",
  ].join("\n");
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/web`;
    Deno.mkdirSync(dir);
    home.writeConfig(huge);
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      await tmux.tmux("new-session", "-d", "-s", "keep");
      const dry = await runRune(["start", "web", "--dry-run", "--json"], { env, cwd: dir });
      const create = JSON.parse(dry.stdout).steps[0].tmux.create;
      ok(create.length >= 2 && create[0].argv.filter((a: string) => a === "cat").length < 257);
      const r = await runRune(["start", "web", "--detach"], { env, cwd: dir, timeoutMs: 120_000 });
      strictEqual(r.code, 1, r.stderr);
      match(r.stderr, /tmux could not build "huge": no space for new pane/);
      strictEqual(await tmux.tmux("list-sessions", "-F", "#{session_name}"), "keep");
      strictEqual((await tmux.tmux("list-panes", "-a", "-F", "#{pane_id}")).split("\n").length, 1);
    });
  } finally {
    home.cleanup();
  }
});
