/**
 * settings.auto_tmux through the bundle: `rune start` in a terminal outside tmux re-runs
 * itself in a new tmux session (on the private server the test names), and the inner rune
 * does not do it again.
 */
import { match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { readOr, runInPane } from "./pty_pane.ts";

const CONFIG = `
settings:
  auto_tmux: true
rituals:
  start:
    global:
      - {name: where, command: "echo \\"[$TMUX_PANE][$RUNE_NO_AUTO_TMUX]\\" > where.txt"}
`;

Deno.test("auto_tmux: start outside tmux runs the ritual in a new session rune-PROJECT", async () => {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/app`;
    Deno.mkdirSync(dir);
    home.writeConfig(CONFIG);
    await withTmuxServer(async (tmux) => {
      const run = await runInPane(tmux, {
        home,
        cwd: dir,
        args: ["start", "app"],
        outsideTmux: true,
        env: { RUNE_TMUX_SOCKET: tmux.socket },
      });
      await waitFor(() => readOr(`${dir}/where.txt`) !== "", {
        timeoutMs: 30_000,
        what: "the inner rune to run the ritual",
      });
      // The inner rune ran in a pane of the new session, and was told not to re-run.
      match(readOr(`${dir}/where.txt`), /^\[%\d+\]\[1\]\n$/);
      const sessions = (await tmux.tmux("list-sessions", "-F", "#{session_name}")).split("\n");
      strictEqual(sessions.includes("rune-app"), true, sessions.join(","));
      // The session stays (a shell after the ritual) until the user leaves it.
      await tmux.tmux("detach-client", "-s", "=rune-app");
      strictEqual(await run.exitCode(), 0);
      match(
        await tmux.capture(run.pane),
        /auto_tmux: "rune start" ran in tmux session "rune-app"; back to it with: tmux -S \S+ attach-session -t '=rune-app'/,
      );
      strictEqual(
        (await tmux.tmux("list-sessions", "-F", "#{session_name}")).includes("rune-app"),
        true,
      );
    });
  } finally {
    home.cleanup();
  }
});

Deno.test("auto_tmux without a terminal says so in one line and runs here", async () => {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/app`;
    Deno.mkdirSync(dir);
    home.writeConfig(CONFIG);
    const r = await runRune(["start", "app"], { env: home.env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /rune: auto_tmux: no terminal to attach a tmux session to; running here/);
    strictEqual(readOr(`${dir}/where.txt`), "[][]\n");
  } finally {
    home.cleanup();
  }
});
