/**
 * `rune init`: a starter config where rune reads it (0600, the schema beside it), never over an
 * existing one without --force; each starter validates and dry-runs; --project writes
 * .rune.yaml; --guided asks in a terminal (a pane of a private tmux server) and refuses without.
 */
import { match, ok, strictEqual } from "node:assert/strict";
import { BUNDLE, DENO_CONFIG, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { runInPane } from "./pty_pane.ts";

async function withHome(fn: (home: TempHome, app: string) => Promise<void>) {
  const home = makeTempHome();
  try {
    const app = `${home.dir}/app`;
    Deno.mkdirSync(app);
    await fn(home, app);
  } finally {
    home.cleanup();
  }
}

const mode = (path: string) => Deno.statSync(path).mode! & 0o777;

Deno.test("rune init writes the basic starter 0600 with its schema, and never overwrites", async () => {
  await withHome(async (home) => {
    const config = `${home.dir}/config/rune/config.yaml`;
    const r = await runRune(["init"], { env: home.env });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /wrote .*config\.yaml \(the basic starter\)/);
    const text = Deno.readTextFileSync(config);
    strictEqual(text.split("\n")[0], "# yaml-language-server: $schema=./config.schema.json");
    strictEqual(mode(config), 0o600);
    strictEqual(mode(`${home.dir}/config/rune`), 0o700);
    const schema = JSON.parse(Deno.readTextFileSync(`${home.dir}/config/rune/config.schema.json`));
    strictEqual(schema.title, "rune config");

    Deno.writeTextFileSync(config, "# mine\nversion: 1\n");
    const again = await runRune(["init", "--template", "node"], { env: home.env });
    strictEqual(again.code, 2);
    match(again.stderr, /Cannot write .*config\.yaml: it exists/);
    match(again.stderr, /hint: Open it with `rune config edit`, or pass --force/);
    strictEqual(Deno.readTextFileSync(config), "# mine\nversion: 1\n");

    const forced = await runRune(["init", "--template", "node", "--force"], { env: home.env });
    strictEqual(forced.code, 0, forced.stderr);
    strictEqual(Deno.readTextFileSync(`${config}.bak`), "# mine\nversion: 1\n");
    match(Deno.readTextFileSync(config), /rune init --template node/);
  });
});

Deno.test("every starter validates and dry-runs", async (t) => {
  for (const starter of ["basic", "node", "python"]) {
    await t.step(starter, async () => {
      await withHome(async (home) => {
        const config = `${home.dir}/${starter}.yaml`;
        const w = await runRune(["--config", config, "init", "-t", starter], { env: home.env });
        strictEqual(w.code, 0, w.stderr);
        const v = await runRune(["--config", config, "config", "validate"], { env: home.env });
        strictEqual(v.code, 0, v.stderr);
        match(v.stderr, /0 errors, 0 warnings/);
        const project = starter === "basic" ? "myproject" : "myapp";
        const dir = `${home.home}/code/${project}`; // the starter's rule, dir:~/code/NAME
        Deno.mkdirSync(dir, { recursive: true });
        const plan = await runRune(["--config", config, "start", "--dry-run"], {
          env: home.env,
          cwd: dir,
        });
        strictEqual(plan.code, 0, plan.stderr);
        match(plan.stdout, new RegExp(`rune start · project ${project} `));
        match(plan.stdout, /tmux -u new-session -d -s /);
      });
    });
  }
});

Deno.test("the starters are in the bundle: init works from a copy with no templates/", async () => {
  await withHome(async (home) => {
    const copy = `${home.dir}/dist`;
    Deno.mkdirSync(copy);
    const dist = BUNDLE.slice(0, BUNDLE.lastIndexOf("/"));
    // Every .js of the bundle, the lazily loaded dist/src/… included.
    const copyJs = (from: string, to: string) => {
      for (const e of Deno.readDirSync(from)) {
        if (e.isDirectory) {
          Deno.mkdirSync(`${to}/${e.name}`);
          copyJs(`${from}/${e.name}`, `${to}/${e.name}`);
        } else if (e.isFile && e.name.endsWith(".js")) {
          Deno.copyFileSync(`${from}/${e.name}`, `${to}/${e.name}`);
        }
      }
    };
    copyJs(dist, copy);
    Deno.copyFileSync(DENO_CONFIG, `${home.dir}/deno.json`);
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "-q",
        "--no-prompt",
        "--config",
        `${home.dir}/deno.json`,
        "-P",
        `${copy}/rune.js`,
        "init",
        "-t",
        "python",
      ],
      cwd: home.dir,
      env: {
        ...home.env,
        ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}),
      },
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    }).output();
    strictEqual(out.code, 0, new TextDecoder().decode(out.stderr));
    match(Deno.readTextFileSync(`${home.dir}/config/rune/config.yaml`), /python3 -m venv/);
  });
});

Deno.test("rune init --project writes .rune.yaml here, saying it must be trusted", async () => {
  await withHome(async (home, app) => {
    const r = await runRune(["init", "--project"], { env: home.env, cwd: app });
    strictEqual(r.code, 0, r.stderr);
    const text = Deno.readTextFileSync(`${app}/.rune.yaml`);
    match(text, /`rune trust`/);
    match(text, /- name: "app"\n {4}detect: \[".rune.yaml"\]/);
    match(r.stderr, /only once you trust it/);
    const plan = await runRune(["--config", ".rune.yaml", "start", "--dry-run"], {
      env: home.env,
      cwd: app,
    });
    strictEqual(plan.code, 0, plan.stderr);
    match(plan.stdout, /project app /);
    const again = await runRune(["init", "--project"], { env: home.env, cwd: app });
    strictEqual(again.code, 2);
    const both = await runRune(["init", "--project", "-t", "node"], { env: home.env, cwd: app });
    strictEqual(both.code, 2);
    match(both.stderr, /Cannot use --template with --project/);
  });
});

Deno.test("rune init: an unknown starter, and --guided with no terminal, are refused", async () => {
  await withHome(async (home) => {
    const bad = await runRune(["init", "-t", "nod"], { env: home.env });
    strictEqual(bad.code, 2);
    match(
      bad.stderr,
      /Cannot use the starter "nod".*\n {2}hint: Did you mean node\? Starters: basic, node, python/,
    );
    const guided = await runRune(["init", "--guided"], { env: home.env, stdin: "web\n" });
    strictEqual(guided.code, 2);
    match(guided.stderr, /Cannot ask the questions of --guided: stdin is not a terminal/);
    match(guided.stderr, /hint: Run it in a terminal, or run `rune init` without --guided/);
    ok(!Deno.readDirSync(`${home.dir}/config`).some((e) => e.name === "rune"), "nothing written");
  });
});

Deno.test({
  name: "rune init --guided asks in a terminal: name, detect rule, starter",
  ignore: !hasTmux,
  async fn() {
    await withHome(async (home, app) => {
      Deno.writeTextFileSync(`${app}/package.json`, "{}");
      await withTmuxServer(async (tmux) => {
        const run = await runInPane(tmux, { home, cwd: app, args: ["init", "--guided"] });
        await tmux.waitForText(run.pane, "Project name [app]:");
        await tmux.tmux("send-keys", "-t", run.pane, "Enter");
        await tmux.waitForText(run.pane, /Detect rule \[dir:\/.*\/app\]:/);
        await tmux.tmux("send-keys", "-t", run.pane, "-l", "git:");
        await tmux.tmux("send-keys", "-t", run.pane, "Enter");
        await tmux.waitForText(run.pane, /Cannot use the rule "git:"/);
        await tmux.tmux("send-keys", "-t", run.pane, "-l", "package.json");
        await tmux.tmux("send-keys", "-t", run.pane, "Enter");
        await tmux.waitForText(run.pane, "Starter (basic, node, python) [node]:");
        await tmux.tmux("send-keys", "-t", run.pane, "Enter");
        strictEqual(await run.exitCode(), 0, await tmux.capture(run.pane));
        const text = Deno.readTextFileSync(`${home.dir}/config/rune/config.yaml`);
        match(text, /- name: "app"\n {4}detect: \["package.json"\]/);
        match(text, /per_project:\n {6}"app":\n {8}- name: Install dependencies/);
      });
    });
  },
});
