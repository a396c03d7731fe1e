/**
 * Save, kill-server, restore, through the bundle on a private server (issue 16): 5 sessions,
 * 40 panes, custom layouts, a zoomed window, titles, options, directories with spaces,
 * non-ASCII and `#[`, programs in some panes. Window names, order, layout strings, pane
 * directories, titles, active window and pane, zoom and the allowlisted programs come back
 * the same, compared field by field on two `list-panes -a` captures; the fidelity is printed.
 * Hostile names and directories stay literal (nothing runs).
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import {
  capture,
  changeWorld,
  compare,
  fidelityText,
  killServer,
  PWNED,
  waitForPrograms,
  writeWorld,
} from "./session_fixture.ts";

Deno.test("save, kill-server, restore: every saved field of 40 panes comes back", async () => {
  const home = makeTempHome();
  try {
    const { dir, sessions } = writeWorld(home);
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      const start = await runRune(["start", "web", "--detach"], {
        env,
        cwd: dir,
        timeoutMs: 120_000,
      });
      strictEqual(start.code, 0, start.stderr);
      // 5 × tail/vim and 5 × less typed by the build: running before anything is saved.
      await waitForPrograms(tmux, 10);
      await changeWorld(tmux, sessions);
      const before = await capture(tmux);
      strictEqual(before.length, 40);

      const save = await runRune(["session", "save", "--all"], { env });
      strictEqual(save.code, 0, save.stderr);
      strictEqual(save.stdout.trim().split("\n").length, 5, save.stdout);
      await killServer(tmux);

      const restore = await runRune(["session", "restore", "--all"], { env, timeoutMs: 120_000 });
      strictEqual(restore.code, 0, restore.stderr);
      match(restore.stdout, /started again: vim, less/);
      match(restore.stdout, /typed, not run .*: sleep/);
      await waitForPrograms(tmux, 10);
      const after = await capture(tmux);
      const fidelity = compare(before, after);
      console.log(fidelityText(fidelity));
      deepStrictEqual(fidelity.differences, []);
      strictEqual(fidelity.same, 40 * 11);

      // A program not on the allowlist waits on the prompt, typed and not run.
      const ids = (await tmux.tmux("list-panes", "-a", "-F", "#{pane_id}")).split("\n");
      const sleepers = before.flatMap((r, i) => r.pane_current_command === "sleep" ? [i] : []);
      strictEqual(sleepers.length, 5);
      for (const i of sleepers) {
        await tmux.waitForText(ids[i], /[#$] sleep 10\d\d$/m);
        strictEqual(after[i].pane_current_command, "bash");
      }

      // Options come back; a restore over running sessions touches nothing.
      strictEqual(
        await tmux.tmux("show-options", "-v", "-t", `=${sessions[4]}:`, "@note"),
        "kept\nacross",
      );
      const again = await runRune(["session", "restore", "--all"], { env });
      strictEqual(again.code, 0);
      strictEqual((again.stderr.match(/is running: left as it is/g) ?? []).length, 5);
      deepStrictEqual(await capture(tmux), after);
      strictEqual([...Deno.readDirSync(dir)].some((e) => e.name === PWNED), false);
      strictEqual([...Deno.readDirSync(home.dir)].some((e) => e.name === PWNED), false);
    });
  } finally {
    home.cleanup();
  }
});
