/**
 * The template features through the bundle on a private tmux server whose default-shell is a
 * RecordingShell (what each pane receives is recorded, nothing runs): --var and {{.Env.X}} in
 * typed lines, a withheld variable refused, --windows, --append, synchronize: before, pane
 * env, titles and programs.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { makeRecordingShell } from "../helpers/recording_shell.ts";
import type { RecordingShell } from "../helpers/recording_shell.ts";
import { observeSession } from "../helpers/observe_session.ts";
import { waitFor } from "../helpers/wait_for.ts";

const CONFIG = `
rituals:
  start:
    per_project:
      app: [{ name: ws, interactive: true, tmux_template: web }]
  templates:
    web:
      session_name: "web-{{.Var.branch}}"
      env: { LEVEL: session }
      windows:
        - name: editor
          panes:
            - { command: "git checkout {{.Var.branch}}", title: "on {{.Var.branch}}" }
            - { command: "echo {{.Env.PORT}}", env: { LEVEL: pane } }
        - name: logs
          synchronize: before
          panes: ["echo one", "echo two"]
        - name: repl
          panes: [{ command: "print(1)", shell: "/usr/bin/python3 -q" }]
`;

interface World {
  home: TempHome;
  dir: string;
  tmux: TmuxServer;
  shell: RecordingShell;
  env: Record<string, string>;
}

function withWorld(fn: (w: World) => Promise<void>) {
  return () =>
    withProject(CONFIG, async (home, dir) => {
      const shell = makeRecordingShell(`${home.dir}/recorded`);
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "rune-test-keep");
        const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket, PORT: "8009" };
        await fn({ home, dir, tmux, shell, env });
      }, { conf: [`set -g default-shell ${shell.path}`] });
    }, { GITHUB_TOKEN: "ghp_never_shown" });
}

async function start(w: World, ...args: string[]) {
  return await runRune(["start", "app", ...args], { env: w.env, cwd: w.dir, timeoutMs: 90_000 });
}

/** Each window's name and what each of its panes received, once `done` holds. */
async function received(w: World, session: string, done: (lines: string[][][]) => boolean) {
  let got: string[][][] = [];
  await waitFor(async () => {
    got = (await observeSession(w.tmux, session, w.shell)).windows.map((win) =>
      win.panes.map((p) => p.lines)
    );
    return done(got);
  }, { timeoutMs: 30_000, what: () => `lines in ${session}: ${JSON.stringify(got)}` });
  return await observeSession(w.tmux, session, w.shell, { envNames: ["LEVEL", "PORT"] });
}

Deno.test({
  name: "--var and {{.Env.X}} reach the typed lines, titles and names; env, sync and programs",
  ignore: !hasTmux,
  fn: withWorld(async (w) => {
    const r = await start(w, "--var", "branch=feat-x");
    strictEqual(r.code, 0, r.stderr);
    const s = await received(w, "web-feat-x", (l) => l.flat(2).length === 7);
    deepStrictEqual(s.windows.map((win) => win.name), ["editor", "logs", "repl"]);
    const [editor, logs, repl] = s.windows;
    deepStrictEqual(editor.panes.map((p) => [p.lines, p.title, p.env]), [
      [["git checkout feat-x"], "on feat-x", { LEVEL: "session" }],
      [["echo 8009"], undefined, { LEVEL: "pane" }],
    ]);
    // synchronize: before — every pane gets every pane's lines, and stays synchronized.
    deepStrictEqual(logs.panes.map((p) => p.lines.sort()), [
      ["echo one", "echo two"],
      ["echo one", "echo two"],
    ]);
    strictEqual(logs.synchronize, true);
    deepStrictEqual(repl.panes.map((p) => [p.shell, p.lines]), [["/usr/bin/python3 -q", [
      "print(1)",
    ]]]);
  }),
});

Deno.test({
  name: "a missing --var or a withheld {{.Env.X}} is a located error; nothing is built",
  ignore: !hasTmux,
  fn: withWorld(async (w) => {
    const missing = await start(w);
    strictEqual(missing.code, 2);
    match(missing.stderr, /config\.yaml:\d+:\d+: error: Cannot expand "\{\{\.Var\.branch\}\}"/);
    match(missing.stderr, /hint: Run it with --var branch=VALUE/);
    const config = CONFIG.replace("echo {{.Env.PORT}}", "echo {{.Env.GITHUB_TOKEN}}");
    w.home.writeConfig(config);
    const withheld = await start(w, "--var", "branch=x");
    strictEqual(withheld.code, 2);
    match(withheld.stderr, /rune withholds "GITHUB_TOKEN" from every command/);
    ok(!withheld.stderr.includes("ghp_never_shown"));
    const bad = await start(w, "--var", "no value");
    strictEqual(bad.code, 2);
    match(bad.stderr, /Cannot use --var "no value": it has no value/);
    deepStrictEqual(await sessionsBut(w.tmux), []);
  }),
});

Deno.test({
  name: "--windows builds only those; --append then adds the ones the session lacks",
  ignore: !hasTmux,
  fn: withWorld(async (w) => {
    const first = await start(w, "--var", "branch=b", "--windows", "logs");
    strictEqual(first.code, 0, first.stderr);
    await received(w, "web-b", (l) => l.flat(2).length === 4);
    const again = await start(w, "--var", "branch=b", "--append", "--windows", "editor,logs");
    strictEqual(again.code, 0, again.stderr);
    const s = await received(w, "web-b", (l) => l.flat(2).length === 6);
    deepStrictEqual(s.windows.map((win) => win.name), ["logs", "editor"]);
    deepStrictEqual(s.windows[1].panes.map((p) => p.lines), [["git checkout b"], ["echo 8009"]]);
    strictEqual(s.activeWindow, 1, "the added window is shown");
    const bad = await start(w, "--var", "branch=b", "--windows", "edtor");
    strictEqual(bad.code, 2);
    match(bad.stderr, /Cannot start window "edtor" of "ws": template "web" has no window so named/);
    match(bad.stderr, /hint: Did you mean "editor"\? Its windows: editor, logs, repl/);
    const all = await start(w, "--var", "branch=b", "--append");
    strictEqual(all.code, 0, all.stderr);
    const full = await observeSession(w.tmux, "web-b", w.shell);
    deepStrictEqual(full.windows.map((win) => win.name), ["logs", "editor", "repl"]);
  }),
});

async function sessionsBut(tmux: TmuxServer): Promise<string[]> {
  const all = (await tmux.tmux("list-sessions", "-F", "#{session_name}")).split("\n");
  return all.filter((s) => s !== "rune-test-keep");
}
