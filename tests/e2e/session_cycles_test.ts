/**
 * Save → kill-server → restore, over and over (issue 16): no drift (every save of the restored
 * world is the same file but for its time, and every restore the same panes), no growth (the
 * saved directory keeps one file per session; the server the same 40 panes). `make test` runs
 * a few cycles; STRESS=1 runs 100.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { savedBody } from "../../src/state/saved_format.ts";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import {
  capture,
  changeWorld,
  compare,
  killServer,
  waitForPrograms,
  writeWorld,
} from "./session_fixture.ts";

const CYCLES = Deno.env.get("STRESS") === "1" ? 100 : 3;

Deno.test(`${CYCLES} save/restore cycles: no drift, no growth`, async () => {
  const home = makeTempHome();
  try {
    const { dir, sessions } = writeWorld(home);
    const saved = `${home.env.XDG_DATA_HOME}/rune/saved`;
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      strictEqual(
        (await runRune(["start", "web", "--detach"], { env, cwd: dir, timeoutMs: 120_000 })).code,
        0,
      );
      await waitForPrograms(tmux, 10);
      await changeWorld(tmux, sessions);
      const cycle = async () => {
        const save = await runRune(["session", "save", "--all"], { env });
        strictEqual(save.code, 0, save.stderr);
        await killServer(tmux);
        const restore = await runRune(["session", "restore", "--all"], { env, timeoutMs: 120_000 });
        strictEqual(restore.code, 0, restore.stderr);
        await waitForPrograms(tmux, 10);
      };
      const files = () =>
        [...Deno.readDirSync(saved)].filter((e) => !e.name.startsWith("."))
          .map((e) => [e.name, savedBody(Deno.readTextFileSync(`${saved}/${e.name}`))] as const)
          .sort(([a], [b]) => a < b ? -1 : 1);
      // The first restore leaves `sleep` typed, not run: what it rebuilt is the fixed point.
      await cycle();
      const world = await capture(tmux);
      await cycle();
      const baseline = files().filter(([name]) => !name.endsWith(".prev.yaml"));
      strictEqual(baseline.length, 5);
      for (let i = 2; i < CYCLES; i++) {
        await cycle();
        const now = await capture(tmux);
        deepStrictEqual(compare(world, now).differences, [], `cycle ${i + 1}`);
        const listing = files();
        // One save per session, and the previous one (from the first, different, save).
        strictEqual(listing.length, 10, `cycle ${i + 1}: ${listing.map(([n]) => n).join(" ")}`);
        deepStrictEqual(
          listing.filter(([name]) => !name.endsWith(".prev.yaml")),
          baseline,
          `cycle ${i + 1}`,
        );
      }
      strictEqual((await capture(tmux)).length, 40);
    });
  } finally {
    home.cleanup();
  }
});
