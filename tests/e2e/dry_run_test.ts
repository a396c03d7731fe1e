/** `rune start|stop --dry-run` through the bundle: the plan is printed and nothing runs. */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";

const CONFIG = `
version: 1
rituals:
  start:
    global:
      - name: Leave a mark
        command: touch "{{.ProjectDir}}/ran"
    per_project:
      web:
        - name: Serve
          command: npm run dev
          background: true
  stop:
    global:
      - name: Goodbye
        command: touch "{{.ProjectDir}}/stopped"
`;

Deno.test("rune start --dry-run prints the plan and runs nothing", async () => {
  const home = makeTempHome({ GITHUB_TOKEN: "do-not-print-me" });
  try {
    home.writeConfig(CONFIG);
    const project = `${home.dir}/web`;
    Deno.mkdirSync(project);
    const r = await runRune(["start", "web", "--dry-run"], { env: home.env, cwd: project });
    strictEqual(r.code, 0, r.stderr);
    match(r.stdout, /1\. Leave a mark/);
    match(r.stdout, /2\. Serve .*background/);
    match(r.stdout, /withheld from every command: GITHUB_TOKEN/);
    ok(!r.stdout.includes("do-not-print-me"));
    match(r.stdout, /nothing was run/);
    ok(!existsSync(`${project}/ran`), "a dry run must not run commands");
  } finally {
    home.cleanup();
  }
});

Deno.test("rune stop --dry-run --json prints the Plan as JSON", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(CONFIG);
    const project = `${home.dir}/web`;
    Deno.mkdirSync(project);
    const r = await runRune(["stop", "web", "--dry-run", "--json"], {
      env: home.env,
      cwd: project,
    });
    strictEqual(r.code, 0, r.stderr);
    const plan = JSON.parse(r.stdout);
    strictEqual(plan.ritual, "stop");
    deepStrictEqual(plan.steps.map((s: { name: string }) => s.name), ["Goodbye"]);
    strictEqual(plan.steps[0].command, `touch "${project}/stopped"`);
    ok(!existsSync(`${project}/stopped`));
  } finally {
    home.cleanup();
  }
});

Deno.test("rune start without any config says where to put one (exit 2)", async () => {
  const home = makeTempHome();
  try {
    const r = await runRune(["start", "--dry-run"], { env: home.env, cwd: home.dir });
    strictEqual(r.code, 2);
    match(r.stderr, new RegExp(`${home.dir}/config/rune/config.yaml`));
    match(r.stderr, /hint: run `rune init` to write a starter config to /);
  } finally {
    home.cleanup();
  }
});

function existsSync(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}

Deno.test("rune start --dry-run shows the exact tmux argv of a template step", async () => {
  const home = makeTempHome({ GITHUB_TOKEN: "x" });
  try {
    home.writeConfig(`
rituals:
  start:
    global: [{name: ws, interactive: true, tmux_template: t}]
  templates:
    t:
      session_name: "dev-{{.Project}}"
      windows: [{name: code, panes: ["vim"]}]
`);
    const dir = `${home.dir}/web`;
    Deno.mkdirSync(dir);
    const r = await runRune(["start", "web", "--dry-run", "--json", "--socket", "s"], {
      env: home.env,
      cwd: dir,
    });
    strictEqual(r.code, 0, r.stderr);
    const plan = JSON.parse(r.stdout);
    const argv = plan.steps[0].tmux.create[0].argv;
    deepStrictEqual(argv.slice(0, 7), ["tmux", "-u", "-L", "s", "new-session", "-d", "-s"]);
    ok(
      argv.includes("GITHUB_TOKEN"),
      "the withheld secret is hidden from the session",
    );
    const text = await runRune(["start", "web", "--dry-run", "--socket", "s"], {
      env: home.env,
      cwd: dir,
    });
    match(
      text.stdout,
      /tmux -u -L s new-session -d -s dev-web .*new-window -t '=dev-web:' -n code/,
    );
  } finally {
    home.cleanup();
  }
});
