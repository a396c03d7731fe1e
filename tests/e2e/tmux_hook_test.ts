/**
 * The session-closed hook (settings.tmux.stop_on_session_close) as a person meets it (issue
 * 11.4): closing the session by hand runs a stop ritual that fails, while the user works in a
 * client attached to another session of the same server. That client must never be switched
 * into view mode, and the stop ritual must see the HOME and XDG dirs of the start that set the
 * hook, not the tmux server's.
 */
import { doesNotMatch, match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const CONFIG = `
settings:
  tmux: {stop_on_session_close: true}
rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: t}
  stop:
    global:
      - {name: mark, command: "echo home=$HOME state=$XDG_STATE_HOME >> {{.ProjectDir}}/stops", working_dir: "~/only-here"}
      - {name: fails, command: "echo stop-output-for-the-log; exit 3"}
  templates:
    t:
      session_name: "dev-{{.Project}}"
      windows: [{name: a, panes: ["echo hi"]}]
`;

Deno.test("a failing close hook never touches a client; it runs with the start's HOME", async () => {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/web`;
    Deno.mkdirSync(dir);
    Deno.mkdirSync(`${home.home}/only-here`); // ~/only-here exists for rune's HOME only
    home.writeConfig(CONFIG);
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      await tmux.tmux("new-session", "-d", "-s", "other", "-x", "100", "-y", "30");
      await tmux.tmux("set-environment", "-g", "XDG_STATE_HOME", `${tmux.dir}/server-state`);
      // The user's terminal: a client attached to "other", run in a pane of a second server.
      await withTmuxServer(async (viewer) => {
        await viewer.tmux(
          "new-session",
          "-d",
          "-x",
          "100",
          "-y",
          "30",
          `TMUX= tmux -S ${tmux.socket} attach -t =other`,
        );
        await waitFor(
          async () => (await tmux.tmux("list-clients", "-F", "#{client_session}")) === "other",
          { what: "a client attached to other" },
        );
        const start = await runRune(["start", "web"], { env, cwd: dir });
        strictEqual(start.code, 0, start.stderr);
        await tmux.tmux("kill-session", "-t", "=dev-web");
        const log = `${home.dir}/state/rune/logs/tmux-close-hook.log`;
        await waitFor(() => /rune stop web: .*failed/.test(readOr(log)), {
          timeoutMs: 20_000,
          what: () => `the stop ritual's summary in its log:\n${readOr(log)}`,
        });
        strictEqual(
          readOr(`${dir}/stops`),
          `home=${home.home} state=${home.dir}/state\n`,
          "the stop ritual ran with the start's HOME and XDG_STATE_HOME",
        );
        match(readOr(log), /stop-output-for-the-log/);
        // run-shell has reported the job's end by now: the round trip proves the server is idle.
        await tmux.tmux("new-session", "-d", "-s", "sync");
        const otherPane = (await tmux.paneIds("other"))[0];
        strictEqual(await tmux.tmux("display", "-p", "-t", otherPane, "#{pane_in_mode}"), "0");
        const terminal = await viewer.tmux("list-panes", "-a", "-F", "#{pane_id}");
        const screen = await viewer.capture(terminal);
        doesNotMatch(screen, /returned|run-shell|rune stop|exec </);
      });
    });
  } finally {
    home.cleanup();
  }
});

function readOr(path: string): string {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return "";
  }
}
