/**
 * Output with a terminal: rune runs in a pane of a private tmux server and the test reads the
 * screen, as a person would see it. Without a terminal, see engine_run_test.ts (plain lines).
 */
import { ok, strictEqual } from "node:assert/strict";
import { runeArgv } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";

const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;

Deno.test("a terminal gets the live display, redrawn in place, with the cursor given back", async () => {
  const home = makeTempHome();
  const project = `${home.dir}/web`;
  Deno.mkdirSync(project);
  home.writeConfig(`
rituals:
  start:
    global:
      - name: Quick
        command: echo done
      - name: Waits for the test
        command: |
          echo "waiting for go"
          while [ ! -f go ]; do sleep 0.05; done
      - name: Fails
        command: |
          printf '\\033]0;title\\007\\033[31mboom\\033[0m\\n'; exit 2
        optional: true
      - name: Last
        command: "true"
`);
  const { NO_COLOR: _, ...env } = home.env;
  const denoDir = Deno.env.get("DENO_DIR");
  const vars = Object.entries({ ...env, ...(denoDir ? { DENO_DIR: denoDir } : {}) })
    .map(([k, v]) => q(`${k}=${v}`));
  const line = `cd ${q(project)} && env -i ${vars.join(" ")} ${
    runeArgv(["start", "web"]).map(q).join(" ")
  }; echo "rc=$?"; sleep 600`;
  try {
    await withTmuxServer(async (tmux) => {
      await tmux.tmux("new-session", "-d", "-s", "t", "-x", "100", "-y", "30", line);
      const running = await tmux.waitForText("t", "waiting for go", 30_000);
      ok(/^[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] Waits for the test {2}\d/m.test(running), running);
      ok(running.includes("✓ Quick  ok · "), running);
      ok(/^· Fails$/m.test(running) && /^· Last$/m.test(running), running);
      strictEqual(await tmux.tmux("display", "-p", "-t", "t", "#{cursor_flag}"), "0");

      Deno.writeTextFileSync(`${project}/go`, "");
      const screen = await tmux.waitForText("t", "rc=0", 30_000);
      const lines = screen.split("\n");
      const at = lines.findIndex((l) => l.startsWith("rune start web (project found by"));
      ok(at >= 0, screen);
      strictEqual(lines.filter((l) => l.startsWith("rune start web (")).length, 1, screen);
      ok(/^✓ Waits for the test {2}ok · /.test(lines[at + 2]), screen);
      ok(
        /^! Fails {2}failed \(optional, going on\) · exited with 2 · /.test(lines[at + 3]),
        screen,
      );
      strictEqual(lines[at + 4], "    │ boom", "colours and the title sequence are stripped");
      ok(/^✓ Last {2}ok · /.test(lines[at + 5]), screen);
      strictEqual(lines[at + 6], '! "Fails" failed: exited with 2 (optional)');
      ok(/^rune start web: 3 ok, 1 failed \(optional\) · /.test(lines[at + 7]), screen);
      ok(/^rune: tracking "web" since \d\d:\d\d/.test(lines[at + 8]), screen);
      strictEqual(lines[at + 9], "rc=0");
      strictEqual(await tmux.tmux("display", "-p", "-t", "t", "#{cursor_flag}"), "1");
      strictEqual(await tmux.tmux("display", "-p", "-t", "t", "#{pane_title}") === "title", false);
    });
  } finally {
    home.cleanup();
  }
});
