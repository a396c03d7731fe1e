/**
 * A tmuxinator, tmuxp or smug file where rune expects its config: `config validate`, `start`
 * and `doctor` say whose file it is and give the import command, exit 2, and run nothing.
 */
import { match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";

const FILES: [tool: string, name: string, text: string][] = [
  [
    "tmuxinator",
    "web.yml",
    "name: web\nroot: ~/web\nwindows:\n  - editor: vim\n  - server: rails s\n",
  ],
  ["tmuxp", "web.yaml", "session_name: web\nwindows:\n  - window_name: editor\n    panes: [vim]\n"],
  [
    "smug",
    "blog.yml",
    "session: blog\nroot: ~/blog\nwindows:\n  - name: code\n    commands: [vim]\n",
  ],
];

Deno.test("config validate, start and doctor on another tool's file: its tool and the import", async (t) => {
  const home = makeTempHome();
  try {
    for (const [tool, name, text] of FILES) {
      const file = home.writeConfig(text, name);
      for (const argv of [["config", "validate"], ["start", "--dry-run"], ["doctor"]]) {
        await t.step(`${tool}: rune ${argv.join(" ")}`, async () => {
          const r = await runRune(["--config", file, ...argv], { env: home.env, cwd: home.dir });
          strictEqual(r.code, 2, r.stdout + r.stderr);
          const out = r.stdout + r.stderr;
          match(out, new RegExp(`Cannot use ${file} as a rune config: it is a ${tool} \\w+ file`));
          match(out, new RegExp(`rune import ${tool} ${file}`));
        });
      }
    }
  } finally {
    home.cleanup();
  }
});

Deno.test("pasted tmuxp keys and a tmuxinator window in a template are errors naming rune's form", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(`rituals:
  templates:
    web:
      session_name: web
      windows:
        - window_name: editor
          panes:
            - shell_command: vim
        - server: rails s
`);
    const r = await runRune(["config", "validate"], { env: home.env, cwd: home.dir });
    strictEqual(r.code, 2, r.stderr);
    match(r.stderr, /6:11: error: Cannot use the key "window_name" .*rune's is "name"/);
    match(r.stderr, /hint: Did you mean "name"\? Rename the key/);
    match(r.stderr, /8:15: error: Cannot use the key "shell_command" .*rune's is "command"/);
    match(r.stderr, /9:11: error: .*"server: …" is tmuxinator's form of a window/);
    match(r.stderr, /hint: Write it in rune's form: - \{name: "server", panes: \["rails s"\]\}/);
    match(r.stderr, /3 errors, 0 warnings/);
  } finally {
    home.cleanup();
  }
});
