/** `rune ls`: the config's projects and templates, and rune's sessions on a private server. */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";

const CONFIG = `
projects:
  - {name: web, detect: ["dir:~/web"]}
rituals:
  start:
    per_project:
      web:
        - {name: ws, interactive: true, tmux_template: dev}
  templates:
    dev:
      session_name: "dev-{{.Project}}"
      windows: [{name: code, panes: [null]}]
`;

Deno.test({
  name: "rune ls lists projects, templates and the session rune started",
  ignore: !hasTmux,
  async fn() {
    const home = makeTempHome();
    try {
      home.writeConfig(CONFIG);
      Deno.mkdirSync(`${home.home}/web`);
      await withTmuxServer(async (tmux) => {
        const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
        const start = await runRune(["start", "web", "--detach"], { env, cwd: `${home.home}/web` });
        strictEqual(start.code, 0, start.stderr);
        const r = await runRune(["ls"], { env });
        strictEqual(r.code, 0, r.stderr);
        match(r.stdout, /projects \(1\)\n {2}web {2}detect dir:~\/web · start 1 · stop 0/);
        match(
          r.stdout,
          /dev {2}session dev-\{\{\.Project\}\} · 1 window\(s\), 1 pane\(s\) · used by web/,
        );
        match(
          r.stdout,
          /sessions \(rune's, on the tmux server\)\n {2}dev-web {2}project web · 1 window/,
        );
        const json = JSON.parse((await runRune(["ls", "--json"], { env })).stdout);
        deepStrictEqual(json.projects.map((p: { name: string }) => p.name), ["web"]);
        deepStrictEqual(json.sessions.map((s: { name: string }) => s.name), ["dev-web"]);
      });
    } finally {
      home.cleanup();
    }
  },
});

Deno.test("rune ls without tmux says so and still exits 0", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(CONFIG);
    const env = { ...home.env, PATH: `${home.dir}/empty-bin` };
    const r = await runRune(["ls"], { env });
    strictEqual(r.code, 0, r.stderr);
    match(r.stdout, /none listed: tmux is not installed/);
    const json = JSON.parse((await runRune(["ls", "--json"], { env })).stdout);
    strictEqual(json.sessions, null);
    match(json.sessionsUnlisted, /tmux is not installed/);
  } finally {
    home.cleanup();
  }
});
