/**
 * The smaller commands around saves, through the bundle: `saved` lists them, `restore` of a
 * name that is not saved says what is, `save --to-config` writes an editable template into
 * the config (its comments kept, the project's directory as {{.ProjectDir}}), and a
 * session that is running is never touched by a restore.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";

const CONFIG = `# my rune config: keep this comment
projects:
  - name: app
    detect: [app.txt]
rituals:
  start:
    per_project:
      app: # the app's steps
        - {name: dev, interactive: true, tmux_template: dev}
  templates:
    dev:
      session_name: dev-app
      windows:
        - {name: edit, layout: main-vertical, panes: ["tail -f app.txt", {dir: sub}]}
`;

Deno.test("saved, restore NAME, save --to-config and a running session left alone", async () => {
  await withProject(CONFIG, async (home, dir) => {
    Deno.writeTextFileSync(`${dir}/app.txt`, "x\n");
    Deno.mkdirSync(`${dir}/sub`);
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      strictEqual((await runRune(["start", "--detach"], { env, cwd: dir })).code, 0);
      await tmux.waitForText("=dev-app:edit.0", "tail -f app.txt");

      const none = await runRune(["session", "restore", "dev-ap"], { env });
      strictEqual(none.code, 2);
      match(none.stderr, /Cannot find a saved session "dev-ap"/);

      strictEqual((await runRune(["session", "save", "app"], { env })).code, 0);
      const listed = await runRune(["session", "saved", "--json"], { env });
      const rows = JSON.parse(listed.stdout);
      deepStrictEqual(
        rows.map((r: Record<string, unknown>) => [r.name, r.project, r.windows, r.panes]),
        [
          ["dev-app", "app", 1, 2],
        ],
      );
      match((await runRune(["session", "saved"], { env })).stdout, /^dev-app\s+app\s+1\s+2\s/m);

      const running = await runRune(["session", "restore", "dev"], { env });
      strictEqual(running.code, 0);
      match(running.stderr, /session "dev-app" is running: left as it is/);

      const frozen = await runRune(["session", "save", "--to-config", "dev-app"], { env });
      strictEqual(frozen.code, 0, frozen.stderr);
      const config = Deno.readTextFileSync(`${home.dir}/config/rune/config.yaml`);
      match(config, /# my rune config: keep this comment/);
      match(config, /# the app's steps/);
      match(config, /dev-app:\n\s+# saved from the tmux session "dev-app" by `rune session save/);
      match(config, /\n\s+session_name: dev-app\n\s+dir: "\{\{\.ProjectDir\}\}"\n/);
      match(config, /command: tail -f app\.txt/);
      match(config, /dir: "\{\{\.ProjectDir\}\}\/sub"/);
      strictEqual((await runRune(["config", "validate"], { env })).code, 0);

      const twice = await runRune(["session", "save", "--to-config", "dev-app"], { env });
      strictEqual(twice.code, 2);
      match(twice.stderr, /already exists[\s\S]*--force/);
      strictEqual(
        (await runRune(["session", "save", "--to-config", "dev-app", "--force"], { env })).code,
        0,
      );

      // Without the session running, --to-config reads its save.
      await tmux.tmux("kill-server");
      const fromSave = await runRune(["session", "save", "--to-config", "dev-app", "--force"], {
        env,
      });
      strictEqual(fromSave.code, 0, fromSave.stderr);
      match(Deno.readTextFileSync(`${home.dir}/config/rune/config.yaml`), /saved\/dev-app\.yaml/);
    });
  });
});
