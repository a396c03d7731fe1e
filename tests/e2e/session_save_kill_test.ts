/**
 * The server killed while a save runs (tmux-continuum's empty-file bug): whatever moment the
 * kill lands, the save either completes or writes nothing, and the file on disk is always the
 * whole earlier save (the state did not change, so its content is the same either way).
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { parseSaved } from "../../src/state/saved_parse.ts";
import { savedBody } from "../../src/state/saved_format.ts";
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { killServer } from "./session_fixture.ts";
import * as YAML from "yaml";

const CONFIG = `rituals:
  start:
    global:
      - {name: dev, interactive: true, tmux_template: dev}
  templates:
    dev:
      session_name: dev
      windows:
        - {name: a, layout: tiled, panes: [null, null, null, null]}
        - {name: b, panes: [null, null]}
`;

Deno.test("a save interrupted by kill-server leaves the earlier save whole", async () => {
  await withProject(CONFIG, async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      strictEqual((await runRune(["start", "--detach"], { env, cwd: dir })).code, 0);
      strictEqual((await runRune(["session", "save", "dev"], { env })).code, 0);
      const saved = `${home.env.XDG_DATA_HOME}/rune/saved`;
      const first = savedBody(Deno.readTextFileSync(`${saved}/dev.yaml`));
      const outcomes: string[] = [];
      for (const delayMs of [0, 20, 40, 60, 70, 80, 90, 100, 110, 120, 140, 170]) {
        const argv = runeArgv(["session", "save", "dev"]);
        const save = new Deno.Command(argv[0], {
          args: argv.slice(1),
          env: env,
          clearEnv: true,
          stdout: "piped",
          stderr: "piped",
        }).output();
        await new Promise((r) => setTimeout(r, delayMs));
        await killServer(tmux);
        const done = await save;
        const said = new TextDecoder().decode(done.stderr);
        if (done.code !== 0) {
          match(said, /going away|changed while rune read it|there is no rune session|no such/);
        }
        outcomes.push(
          done.code === 0
            ? "saved"
            : /going away|changed while/.test(said)
            ? "refused mid-save"
            : "refused before reading",
        );
        const text = Deno.readTextFileSync(`${saved}/dev.yaml`);
        strictEqual(savedBody(text), first, `kill after ${delayMs} ms`);
        strictEqual((parseSaved(text, "dev.yaml", YAML)).ok, true);
        deepStrictEqual(
          [...Deno.readDirSync(saved)].map((e) => e.name).filter((n) => n !== ".lock").sort(),
          ["dev.yaml"],
          `kill after ${delayMs} ms: no temporary file left`,
        );
        // The save brings the session back for the next round.
        const restore = await runRune(["session", "restore", "dev"], { env });
        strictEqual(restore.code, 0, restore.stderr);
      }
      const count = (what: string) => outcomes.filter((o) => o === what).length;
      console.log(
        `kill during save: ${count("saved")} saved, ${
          count("refused mid-save")
        } refused mid-save, ` +
          `${count("refused before reading")} refused before reading; the file whole every time`,
      );
    });
  });
});
