/**
 * The live display as a person sees it at 60 columns, in a pane of a private tmux server: the
 * header once and first, notes below it, optional failures marked as warnings, no word said
 * twice, a background log path whose file name stays visible, and an interactive step that
 * does not make the whole block print again.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { killMarked, uniqueMarker } from "../helpers/plan_fixture.ts";
import { runInPane } from "./pty_pane.ts";

Deno.test("live display at 60 columns: one header, notes under it, warning marks, whole log names", async () => {
  const marker = uniqueMarker("live60");
  const config = `
rituals:
  start:
    global:
      - {name: Fetch, command: "true"}
      - {name: Workspace, interactive: true, tmux_template: ws}
      - {name: Workspace again, interactive: true, tmux_template: ws}
      - {name: Dev server, command: "exec sh -c 'sleep 300; : ${marker}'", background: true}
      - {name: Lint, command: "exit 1", optional: true}
      - {name: Slow, command: "sleep 5", timeout: 1s, optional: true}
      - {name: Ask, interactive: true, command: "printf 'name? '; read x; echo \\"hi [$x]\\""}
      - {name: After, command: "true"}
  templates:
    ws:
      session_name: "ws-{{.Project}}"
      windows: [{name: main, panes: [null]}]
`;
  await withProject(config, (home, dir) =>
    withTmuxServer(async (tmux) => {
      try {
        const { NO_COLOR: _, ...env } = home.env;
        const run = await runInPane(tmux, {
          home: { ...home, env },
          cwd: dir,
          args: ["start", "app", "--detach"],
          columns: 60,
        });
        await tmux.waitForText(run.pane, "name?", 30_000);
        await tmux.tmux("send-keys", "-t", run.pane, "-l", "Ada");
        await tmux.tmux("send-keys", "-t", run.pane, "Enter");
        strictEqual(await run.exitCode(), 0, await tmux.capture(run.pane));
        const all = (await tmux.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", run.pane))
          .split("\n").filter((l) => l.trim());
        const screen = all.join("\n");
        const at = (re: RegExp) => all.findIndex((l) => re.test(l));
        const count = (re: RegExp) => all.filter((l) => re.test(l)).length;

        const header = at(/^rune start app \(project found by/);
        ok(header >= 0, screen);
        strictEqual(count(/^rune start app \(project found by/), 1, screen);
        const note = at(/^note: tmux session "ws-app" exists: reusing it$/);
        ok(note > header, `the note comes after the header:\n${screen}`);
        strictEqual(count(/^✓ Fetch {2}ok/), 1, `no row printed twice:\n${screen}`);
        match(screen, /^! Lint {2}failed \(optional, going on\) · exited with 1 · /m);
        match(screen, /^! Slow {2}timed out after 1s \(optional, going on\) · /m);
        ok(!/timed out · timed out/.test(screen), screen);
        const started = at(/^▶ Dev server {2}started · pid \d+ · /);
        ok(started > 0, screen);
        match(all[started + 1], /^ {4}log \/.*…?.*dev-server-[^/]*\.log$/);
        match(screen, /hi \[Ada\]/);
        match(screen, /^✓ After {2}ok/m);
        // The block's lines are cut to the width (text printed after it may wrap).
        const block = all.slice(header, at(/^rune start app: \d/));
        deepStrictEqual(block.filter((l) => l.length >= 60), []);
      } finally {
        killMarked(marker);
      }
    }));
});
