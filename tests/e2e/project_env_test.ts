/**
 * Every step and every pane knows its project: RUNE_PROJECT and RUNE_PROJECT_DIR, so README's
 * `pre_window: source "$RUNE_PROJECT_DIR/.venv/bin/activate"` works in a pane with `dir: web`.
 * On a private tmux server.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { readOr } from "../helpers/files.ts";

const CONFIG = `
rituals:
  start:
    per_project:
      shop:
        - { name: plain, command: 'echo "$RUNE_PROJECT $RUNE_PROJECT_DIR" > plain.txt' }
        - { name: Workspace, interactive: true, tmux_template: dev }
  templates:
    dev:
      session_name: "dev-{{.Project}}"
      pre_window: source "$RUNE_PROJECT_DIR/.venv/bin/activate"
      windows:
        - name: editor
          panes: ["true", { command: "true", dir: web }]
`;

Deno.test({
  name: "panes and commands get RUNE_PROJECT and RUNE_PROJECT_DIR; README's pre_window works",
  ignore: !hasTmux,
}, async () => {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/shop`;
    Deno.mkdirSync(`${dir}/web`, { recursive: true });
    Deno.mkdirSync(`${dir}/.venv/bin`, { recursive: true });
    Deno.writeTextFileSync(
      `${dir}/.venv/bin/activate`,
      'echo "$RUNE_PROJECT $PWD" >> "$RUNE_PROJECT_DIR/activated"\n',
    );
    home.writeConfig(CONFIG);
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      const r = await runRune(["start", "shop", "--detach"], { env, cwd: dir });
      strictEqual(r.code, 0, r.stderr);
      strictEqual(readOr(`${dir}/plain.txt`), `shop ${dir}\n`);
      const activated = () => readOr(`${dir}/activated`).split("\n").filter(Boolean).sort();
      await waitFor(() => activated().length === 2, { what: () => `two panes: ${activated()}` });
      deepStrictEqual(activated(), [`shop ${dir}`, `shop ${dir}/web`]);
    });
  } finally {
    home.cleanup();
  }
});
