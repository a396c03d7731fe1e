/**
 * `rune import`: the fragment on stdout and located warnings on stderr (nothing written), or
 * with --write merged into the config rune reads: created 0600 when missing, comments kept, a
 * same-named template kept unless --force, another tool's file never written into.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";

const TMUXINATOR = `# ~/.config/tmuxinator/web.yml
name: web
root: ~/web
socket_name: foo
windows:
  - editor:
      layout: main-vertical
      panes: [vim, guard]
  - server: rails s
`;

const TMUXP_JSON = JSON.stringify({
  session_name: "api",
  windows: [{ window_name: "code", panes: [{ shell_command: ["make run"] }] }],
});

async function withHome(fn: (home: TempHome) => Promise<void>) {
  const home = makeTempHome();
  try {
    await fn(home);
  } finally {
    home.cleanup();
  }
}

const configPath = (home: TempHome) => `${home.dir}/config/rune/config.yaml`;
const exists = (path: string) => {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
};

Deno.test("rune import prints the fragment and located warnings, and writes nothing", async () => {
  await withHome(async (home) => {
    const file = home.writeConfig(TMUXINATOR, "web.yml");
    const r = await runRune(["import", "tmuxinator", file], { env: home.env, cwd: home.dir });
    strictEqual(r.code, 0, r.stderr);
    match(r.stdout, /^# Imported by `rune import tmuxinator` from /);
    match(r.stdout, /rituals:\n {2}templates:\n {4}web:\n {6}session_name: web\n/);
    match(r.stdout, /- name: server\n {10}panes:\n {12}- rails s/);
    match(r.stderr, new RegExp(`${file}:4:1: warning: Cannot import socket_name "foo"`));
    match(r.stderr, /add --write to merge it into your config/);
    strictEqual(exists(configPath(home)), false, "a preview writes no config");
  });
});

Deno.test("rune import --write creates the config 0600, and it validates", async () => {
  await withHome(async (home) => {
    const file = home.writeConfig(TMUXINATOR, "web.yml");
    const r = await runRune(["import", "tmuxinator", file, "--write"], { env: home.env });
    strictEqual(r.code, 0, r.stderr);
    strictEqual(r.stdout, "");
    match(r.stderr, /created .*config\.yaml: template "web" and its start steps/);
    const text = Deno.readTextFileSync(configPath(home));
    match(text, /^# yaml-language-server: \$schema=\.\/config\.schema\.json\n/);
    strictEqual(Deno.statSync(configPath(home)).mode! & 0o777, 0o600);
    ok(exists(`${home.dir}/config/rune/config.schema.json`), "the schema the first line names");
    const v = await runRune(["config", "validate"], { env: home.env });
    strictEqual(v.code, 0, v.stderr);
    match(v.stderr, /0 errors, 0 warnings/);
    Deno.mkdirSync(`${home.home}/web`); // the imported root, ~/web
    const plan = await runRune(["start", "web", "--dry-run"], { env: home.env, cwd: home.dir });
    strictEqual(plan.code, 0, plan.stderr);
    match(plan.stdout, /new-session/);
  });
});

Deno.test("rune import --write keeps the config's comments and never replaces a template without --force", async () => {
  await withHome(async (home) => {
    const file = home.writeConfig(TMUXINATOR, "web.yml");
    const cfg = home.writeConfig(
      "# my settings\nsettings:\n  timeout: 10s # long builds\nrituals:\n  start:\n    global: []\n",
    );
    const first = await runRune(["import", "tmuxinator", file, "-w"], { env: home.env });
    strictEqual(first.code, 0, first.stderr);
    const merged = Deno.readTextFileSync(cfg);
    match(merged, /^# my settings\nsettings:\n {2}timeout: 10s # long builds\n/);
    const again = await runRune(["import", "tmuxinator", file, "-w"], { env: home.env });
    strictEqual(again.code, 2);
    match(again.stderr, /Cannot write template "web" .*rituals\.templates\.web already exists/);
    match(again.stderr, /hint: Pass --force to replace it/);
    strictEqual(Deno.readTextFileSync(cfg), merged, "a refused import changes nothing");
    const forced = await runRune(["import", "tmuxinator", file, "-w", "-f"], { env: home.env });
    strictEqual(forced.code, 0, forced.stderr);
    const text = Deno.readTextFileSync(cfg);
    strictEqual(
      text.match(/tmux_template: web/g)?.length,
      1,
      "importing again never doubles a step",
    );
  });
});

Deno.test("rune import reads JSON, takes --name, and --config picks the file to write", async () => {
  await withHome(async (home) => {
    const file = home.writeConfig(TMUXP_JSON, "api.json");
    const target = `${home.dir}/other/rune.yaml`;
    const r = await runRune(
      ["import", "tmuxp", file, "--write", "--name", "backend", "--config", target],
      { env: home.env },
    );
    strictEqual(r.code, 0, r.stderr);
    const text = Deno.readTextFileSync(target);
    match(text, /templates:\n {4}backend:\n[\s\S]*session_name: api/);
    match(text, /per_project:\n {6}backend:\n[\s\S]*tmux_template: backend/);
    const bad = await runRune(["import", "tmuxp", file, "--name", "Back End"], { env: home.env });
    strictEqual(bad.code, 2);
    match(bad.stderr, /Cannot use the name "Back End": a project name is lowercase/);
    match(bad.stderr, /hint: Use --name back-end/);
  });
});

Deno.test("rune import refuses ERB it would have to run, with its line:col", async () => {
  await withHome(async (home) => {
    const file = home.writeConfig(
      'name: web\nroot: <%= ENV["HOME"] %>/web\nwindows:\n  - x: <%= 1 + 1 %>\n',
      "erb.yml",
    );
    const r = await runRune(["import", "tmuxinator", file], { env: home.env });
    strictEqual(r.code, 2);
    strictEqual(r.stdout, "");
    match(r.stderr, new RegExp(`${file}:4:8: error: Cannot import the ERB tag "<%= 1 \\+ 1 %>"`));
  });
});

Deno.test("rune import --write refuses a merge the config could not load, writing nothing", async () => {
  await withHome(async (home) => {
    // {{.Env.X}} is what ENV["X"] becomes; of a name the env filter withholds, it never loads.
    const file = home.writeConfig(
      'name: envy\nroot: <%= ENV["GITHUB_TOKEN"] %>/x\nwindows:\n  - a: vim\n',
      "e.yml",
    );
    const cfg = home.writeConfig("# mine\nversion: 1\n");
    const r = await runRune(["import", "tmuxinator", file, "--write"], { env: home.env });
    strictEqual(r.code, 2);
    match(
      r.stderr,
      /error: Cannot expand "\{\{\.Env\.GITHUB_TOKEN\}\}" in rituals\.templates\.envy\.dir: rune withholds/,
    );
    match(r.stderr, /nothing written: .* would not load with the import/);
    strictEqual(Deno.readTextFileSync(cfg), "# mine\nversion: 1\n");
  });
});

Deno.test("rune import: usage errors and files that are not there", async (t) => {
  await withHome(async (home) => {
    await t.step("an unknown tool", async () => {
      const r = await runRune(["import", "tmuxinatr", "x.yml"], { env: home.env });
      strictEqual(r.code, 2);
      match(r.stderr, /argument 'tool' must be one of tmuxinator, tmuxp, smug/);
      match(r.stderr, /Did you mean tmuxinator\?/);
    });
    await t.step("a missing file", async () => {
      const r = await runRune(["import", "smug", `${home.dir}/nope.yml`], { env: home.env });
      strictEqual(r.code, 2);
      match(r.stderr, /cannot import ".*nope\.yml": No such file/);
    });
    await t.step("the config is itself another tool's file", async () => {
      const file = home.writeConfig(TMUXINATOR, "web.yml");
      const r = await runRune(["import", "tmuxinator", file, "--write", "--config", file], {
        env: home.env,
      });
      strictEqual(r.code, 2);
      match(r.stderr, /Cannot write the import into .*web\.yml: it is another tool's project file/);
      deepStrictEqual(Deno.readTextFileSync(file), TMUXINATOR);
    });
  });
});
