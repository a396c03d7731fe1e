/**
 * Work sessions at a real terminal (a pane of a private tmux server): rune asks before it stops
 * another project, and the answer is typed; and rune never lets Deno show its permission
 * prompt, even on a terminal where Deno would.
 */
import { deepStrictEqual, doesNotMatch, match, strictEqual } from "node:assert/strict";
import { BUNDLE, DENO_CONFIG } from "../helpers/run_rune.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { runInPane } from "./pty_pane.ts";
import { withTrackingHome } from "./tracking_helpers.ts";

for (const answer of ["y", "n"]) {
  Deno.test({
    name: `in a terminal rune asks before stopping another project: answered "${answer}"`,
    ignore: !hasTmux,
    fn: async () => {
      await withTrackingHome(async (t) => {
        strictEqual((await t.rune(["start", "web"])).code, 0);
        await withTmuxServer(async (tmux) => {
          const run = await runInPane(tmux, { home: t.home, cwd: t.cwd, args: ["start", "api"] });
          await tmux.waitForText(
            run.pane,
            /"web" is open since .* Stop it \(its stop ritual runs\) and start "api"\? \[y\/N\]/,
          );
          await tmux.tmux("send-keys", "-t", run.pane, answer, "Enter");
          const code = await run.exitCode();
          const sessions = (await t.sessions()).map((s) => [s.project, s.state]);
          if (answer === "y") {
            strictEqual(code, 0);
            deepStrictEqual(t.marks(), ["start-web", "stop-web", "start-api"]);
            deepStrictEqual(sessions, [["web", 0], ["api", 1]]);
          } else {
            strictEqual(code, 1);
            match(await tmux.capture(run.pane), /"api" not started: "web" is still open/);
            deepStrictEqual(t.marks(), ["start-web"]);
            deepStrictEqual(sessions, [["web", 1]]);
          }
        });
      });
    },
  });
}

Deno.test({
  name: "on a terminal, without the permissions, rune says which flag and Deno never prompts",
  ignore: !hasTmux,
  fn: async () => {
    await withTrackingHome(async (t) => {
      await withTmuxServer(async (tmux) => {
        for (const args of [["status"], ["pause"], ["report", "--week"]]) {
          // No --no-prompt: on a terminal Deno would ask for any permission rune forgot to query.
          const rune = [
            Deno.execPath(),
            "run",
            "-q",
            "--config",
            DENO_CONFIG,
            "--allow-env",
            BUNDLE,
            ...args,
          ];
          const env = Object.entries(t.home.env).map(([k, v]) => `${k}='${v}'`).join(" ");
          const pane = await tmux.tmux(
            "new-session",
            "-d",
            "-P",
            "-F",
            "#{pane_id}",
            `env -i ${env} DENO_DIR='${Deno.env.get("DENO_DIR") ?? ""}' PATH='${
              Deno.env.get("PATH")
            }' ${rune.join(" ")}; echo "exit=$?"; sleep 600`,
          );
          let screen = "";
          await waitFor(async () => {
            screen = await tmux.capture(pane);
            return /exit=\d+/.test(screen) || /Deno requests/.test(screen);
          }, { timeoutMs: 20_000, what: () => `rune to finish; screen:\n${screen}` });
          doesNotMatch(screen, /Deno requests/);
          // rune asks for read as a whole before it reads anything, so the line names the flag.
          match(screen, /the read permission (for ".*" )?is not granted/);
          match(screen, /--allow-read/);
          match(screen, /exit=3/);
          await tmux.tmux("kill-pane", "-t", pane);
        }
      });
    });
  },
});

Deno.test({
  name: "rune report draws a bar per project on a terminal, and none into a pipe",
  ignore: !hasTmux,
  fn: async () => {
    await withTrackingHome(async (t) => {
      await t.rune(["start", "web", "--skip-rituals", "--at", "-50m"]);
      await t.rune(["stop", "--skip-rituals", "--at", "-30m"]);
      await t.rune(["start", "api", "--skip-rituals", "--at", "-20m"]);
      await withTmuxServer(async (tmux) => {
        const args = ["report", "--from", "1970-01-01"];
        const run = await runInPane(tmux, { home: t.home, cwd: t.cwd, args });
        strictEqual(await run.exitCode(), 0);
        const screen = await tmux.capture(run.pane);
        match(screen, /^ {2}web +0h 20m +50% {2}█+/m);
        match(screen, /^ {2}api +0h 20m +50% {2}█+/m);
      });
      const piped = await t.rune(["report", "--from", "1970-01-01"]);
      doesNotMatch(piped.stdout, /█/);
    });
  },
});
