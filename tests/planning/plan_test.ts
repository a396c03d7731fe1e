import { deepStrictEqual, ok as assert, strictEqual } from "node:assert/strict";
import { parseConfig } from "../../src/config/load.ts";
import { planRitual } from "../../src/planning/plan.ts";
import type { PlanFacts } from "../../src/planning/plan.ts";
import type { Plan, ProjectInfo, RitualName, Step } from "../../src/contract/plan.ts";
import type { Issue } from "../../src/base/result.ts";
import { hasUnprintable } from "../../src/base/names.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const PROJECT: ProjectInfo = { name: "web", dir: "/code/web", detectedBy: "argument" };
const DIRS = new Set(["/code/web", "/code/web/api", "/code/web/ui", "/home/u", "/tmp"]);
const FACTS: PlanFacts = {
  env: { HOME: "/home/u", USER: "u", PATH: "/bin", GITHUB_TOKEN: "t", XDG_STATE_HOME: "/st" },
  now: new Date(2026, 10, 27, 9, 5, 7),
  isDirectory: (p) => DIRS.has(p),
};

function plan(yaml: string, ritual: RitualName = "start", project = PROJECT): Plan {
  const r = planOrIssues(yaml, ritual, project);
  if (!("steps" in r)) throw new Error(`unexpected issues: ${JSON.stringify(r)}`);
  return r;
}

function planOrIssues(yaml: string, ritual: RitualName, project = PROJECT): Plan | Issue[] {
  const loaded = parseConfig(yaml, "/cfg.yaml");
  if (!loaded.ok) throw new Error(`config did not load: ${JSON.stringify(loaded.error)}`);
  const r = planRitual(loaded.value, ritual, project, FACTS);
  return r.ok ? r.value : r.error;
}

const names = (steps: Step[]) => steps.map((s) => s.name);

const ORDER = `
rituals:
  start:
    global: [{name: g1, command: "true"}, {name: g2, command: "true"}]
    per_project:
      web: [{name: p1, command: "true"}]
      other: [{name: x, command: "true"}]
  stop:
    global: [{name: g1, command: "true"}]
    per_project:
      Web: [{name: p1, command: "true"}, {name: p2, command: "true"}]
`;

Deno.test("planRitual() orders commands as Rune does", async (t) => {
  await t.step("start: global, then the project's", () => {
    deepStrictEqual(names(plan(ORDER, "start").steps), ["g1", "g2", "p1"]);
  });
  await t.step("stop: the project's (key matched case-insensitively), then global", () => {
    deepStrictEqual(names(plan(ORDER, "stop").steps), ["p1", "p2", "g1"]);
  });
  await t.step("ids count from 1 in run order and scopes say where each came from", () => {
    const steps = plan(ORDER, "stop").steps;
    deepStrictEqual(steps.map((s) => [s.id, s.scope]), [[1, "project"], [2, "project"], [
      3,
      "global",
    ]]);
  });
  await t.step("a project without per_project commands gets the global ones", () => {
    const p = plan(ORDER, "start", { ...PROJECT, name: "lonely" });
    deepStrictEqual(names(p.steps), ["g1", "g2"]);
  });
  await t.step("each step points at its place in the config", () => {
    deepStrictEqual(plan(ORDER).steps[2].where, { file: "/cfg.yaml", line: 6, column: 13 });
  });
});

Deno.test("planRitual() decides each step's kind from its keys", async (t) => {
  const yaml = `
rituals:
  start:
    global:
      - {name: plain, command: "make"}
      - {name: bg, command: "npm run dev", background: true}
      - {name: repl, command: "zsh", interactive: true}
      - {name: win, command: "htop", interactive: true, tmux_session: "mon-{{.Project}}"}
      - {name: tpl, command: "echo hi", interactive: true, tmux_template: t}
  templates:
    t:
      session_name: "dev-{{.Project}}"
      windows: [{name: w, panes: ["vim"]}]
`;
  const steps = plan(yaml).steps;
  deepStrictEqual(steps.map((s) => s.kind), ["shell", "background", "pty", "tmux", "tmux"]);
  await t.step("background logs go under $XDG_STATE_HOME/rune/logs/PROJECT/", () => {
    const bg = steps[1];
    assert(bg.kind === "background");
    strictEqual(bg.logFile, "/st/rune/logs/web/bg-20261127-090507.log".replace("090507", stamp()));
  });
  await t.step("tmux_session carries the command and the sanitized session name", () => {
    const s = steps[3];
    assert(s.kind === "tmux");
    strictEqual(s.session, "mon-web");
    strictEqual(s.command, "htop");
    strictEqual(s.layout, undefined);
  });
  await t.step("tmux_template resolves the template's session", () => {
    const s = steps[4];
    assert(s.kind === "tmux");
    strictEqual(s.session, "dev-web");
    strictEqual(s.layout?.template, "t");
  });
});

/** The log stamp is UTC (ISO) time of FACTS.now. */
function stamp(): string {
  return FACTS.now.toISOString().slice(11, 19).replace(/:/g, "");
}

Deno.test("planRitual() resolves timeouts: command, then settings, then 30 s; 0 is none", () => {
  const yaml = `
settings: {timeout: 2m}
rituals:
  start:
    global:
      - {name: a, command: "true"}
      - {name: b, command: "true", timeout: 5s}
      - {name: c, command: "true", timeout: 0}
`;
  const times = plan(yaml).steps.map((s) => s.kind === "shell" ? s.timeoutMs : "n/a");
  deepStrictEqual(times, [120_000, 5_000, null]);
  const plain = plan(`rituals: {start: {global: [{name: a, command: "true"}]}}`).steps[0];
  strictEqual(plain.kind === "shell" && plain.timeoutMs, 30_000);
});

Deno.test("planRitual() resolves working_dir against the project dir and HOME", async (t) => {
  const yaml = `
rituals:
  start:
    global:
      - {name: rel, command: "true", working_dir: api}
      - {name: up, command: "true", working_dir: "ui/../api/"}
      - {name: home, command: "true", working_dir: "~"}
      - {name: abs, command: "true", working_dir: /tmp}
      - {name: default, command: "true"}
`;
  deepStrictEqual(
    plan(yaml).steps.map((s) => s.kind !== "tmux" && s.cwd),
    ["/code/web/api", "/code/web/api", "/home/u", "/tmp", "/code/web"],
  );
  await t.step("a working_dir that does not exist is a located error", () => {
    const issues = planOrIssues(
      `rituals:\n  start:\n    global:\n      - {name: x, command: "true", working_dir: nope}\n`,
      "start",
    ) as Issue[];
    strictEqual(issues.length, 1);
    strictEqual(issues[0].code, "missing-dir");
    strictEqual(
      issues[0].problem,
      'Cannot plan "x": the directory "/code/web/nope" does not exist',
    );
    deepStrictEqual(issues[0].where, { file: "/cfg.yaml", line: 4, column: 49 });
  });
});

Deno.test("planRitual() expands a command's env values and keeps them apart", () => {
  const yaml = `
rituals:
  start:
    global:
      - name: e
        command: "true"
        env: {WHERE: "{{.ProjectDir}}/x", N: 3, B: true}
`;
  deepStrictEqual(plan(yaml).steps[0].env, {
    RUNE_PROJECT: "web",
    RUNE_PROJECT_DIR: "/code/web",
    WHERE: "/code/web/x",
    N: "3",
    B: "true",
  });
});

Deno.test("planRitual() gives every step RUNE_PROJECT and RUNE_PROJECT_DIR", () => {
  const yaml = `
rituals:
  start:
    global:
      - {name: plain, command: "true"}
      - {name: bg, command: "true", background: true}
      - {name: repl, command: "zsh", interactive: true}
      - {name: tpl, interactive: true, tmux_template: t}
      - {name: own, command: "true", env: {RUNE_PROJECT: mine}}
  templates:
    t: {session_name: s, windows: [{panes: ['source "$RUNE_PROJECT_DIR/.venv/bin/activate"']}]}
`;
  deepStrictEqual(plan(yaml).steps.map((s) => [s.env.RUNE_PROJECT, s.env.RUNE_PROJECT_DIR]), [
    ["web", "/code/web"],
    ["web", "/code/web"],
    ["web", "/code/web"],
    ["web", "/code/web"],
    ["mine", "/code/web"],
  ]);
});

Deno.test("planRitual() keeps background logs under the log dir, whatever the names", () => {
  const yaml = `
rituals:
  start:
    global:
      - {name: "../../../../../../tmp/x", command: "true", background: true}
`;
  const hostile: ProjectInfo = { ...PROJECT, name: "../../../../../../tmp/evil\0\u001b[8m" };
  const step = plan(yaml, "start", hostile).steps[0];
  assert(step.kind === "background");
  const rest = step.logFile.slice("/st/rune/logs/".length);
  strictEqual(step.logFile.startsWith("/st/rune/logs/"), true, step.logFile);
  deepStrictEqual(rest.split("/").length, 2, step.logFile);
  deepStrictEqual(rest.split("/").filter((p) => p === ".." || p === "."), []);
  strictEqual(hasUnprintable(rest), false, step.logFile);
  strictEqual(rest.replace(/-\d{8}-\d{6}\.log$/, ""), "tmp-evil-8m/tmp-x");
});

Deno.test("planRitual() lists the names the env filter removes, never values", () => {
  const p = plan(`rituals: {start: {global: [{name: a, command: "true"}]}}`);
  assert(p.envRemoved.includes("GITHUB_TOKEN"));
  assert(!JSON.stringify(p).includes('"t"'));
});

Deno.test("planRitual() resolves a template: pre lines, dirs, focus, exec, empty panes", () => {
  const yaml = `
rituals:
  start:
    per_project:
      web:
        - {name: env, interactive: true, tmux_template: full}
  templates:
    full:
      session_name: "dev.{{.Project}}:x"
      pre_window: "source .venv/bin/activate"
      before: ["docker compose up -d"]
      windows:
        - name: code
          layout: main-vertical
          pre: ["export A=1", "export B=2"]
          focus: true
          panes:
            - vim
            - null
            - {command: ["make", "make test"], dir: api, focus: true}
        - name: "{{.Project}}.logs"
          dir: ui
          panes:
            - {command: "tail -f log", exec: true}
`;
  const step = plan(yaml).steps[0];
  assert(step.kind === "tmux" && step.layout);
  deepStrictEqual(step.layout, {
    template: "full",
    session: "dev_web_x",
    dir: "/code/web",
    before: ["docker compose up -d"],
    windows: [
      {
        name: "code",
        layout: "main-vertical",
        dir: "/code/web",
        focus: true,
        panes: [
          {
            commands: ["source .venv/bin/activate", "export A=1", "export B=2", "vim"],
            dir: "/code/web",
            focus: false,
            exec: false,
          },
          {
            commands: ["source .venv/bin/activate", "export A=1", "export B=2"],
            dir: "/code/web",
            focus: false,
            exec: false,
          },
          {
            commands: [
              "source .venv/bin/activate",
              "export A=1",
              "export B=2",
              "make",
              "make test",
            ],
            dir: "/code/web/api",
            focus: true,
            exec: false,
          },
        ],
      },
      {
        name: "web_logs",
        layout: undefined,
        dir: "/code/web/ui",
        focus: false,
        panes: [{
          commands: ["source .venv/bin/activate", "tail -f log"],
          dir: "/code/web/ui",
          focus: false,
          exec: true,
        }],
      },
    ],
  });
});

Deno.test("planRitual() finds templates in the seed's place too (rituals.start.templates)", () => {
  const yaml = `
rituals:
  start:
    global:
      - name: "Setup Development Environment"
        command: "tmux-session-template"
        interactive: true
        tmux_session: "dev-{{.Project}}"
        tmux_template: "development-layout"
    templates:
      development-layout:
        session_name: "dev-{{.Project}}"
        windows:
          - name: "editor"
            layout: "main-horizontal"
            panes:
              - command: "vim ."
              - command: "git status"
`;
  const step = plan(yaml).steps[0];
  assert(step.kind === "tmux");
  strictEqual(step.session, "dev-web");
  deepStrictEqual(step.layout?.windows[0].panes.map((p) => p.commands), [["vim ."], [
    "git status",
  ]]);
});

Deno.test("planRitual() still refuses an unknown template the loader did not see", () => {
  // Loading rejects an unknown tmux_template (tests/config/validate_test.ts); the planner's own
  // check is the safety net for a config built or changed after loading.
  const loaded = parseConfig(
    `
rituals:
  start:
    global: [{name: a, interactive: true, tmux_template: t}]
  templates:
    t: {session_name: s, windows: [{panes: [x]}]}
`,
    "/cfg.yaml",
  );
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  loaded.value.config.rituals!.start!.global![0].tmux_template = "nope";
  const r = planRitual(loaded.value, "start", PROJECT, FACTS);
  deepStrictEqual(r.ok ? [] : r.error.map((i) => [i.code, i.problem, i.where?.line]), [
    ["unknown-template", 'Cannot plan "a": there is no template "nope"', 4],
  ]);
});

// An unknown template name is a config error now (tests/config/validate_test.ts): the config
// does not load, so only the plan-time check of directories is left here.
Deno.test("planRitual() reports a template dir that is missing", () => {
  const yaml = `
rituals:
  start:
    global:
      - {name: b, interactive: true, tmux_template: t}
  templates:
    t:
      session_name: s
      windows: [{name: w, dir: gone, panes: ["x"]}]
`;
  const issues = planOrIssues(yaml, "start") as Issue[];
  deepStrictEqual(issues.map((i) => i.code), ["missing-dir"]);
  strictEqual(
    issues[0].problem,
    'Cannot plan "b": template "t" starts a pane in "/code/web/gone", which does not exist or ' +
      "is not a directory",
  );
});

Deno.test("planRitual() locates every missing start dir at its own key: session, window, pane", () => {
  const yaml = `
rituals:
  start:
    global:
      - {name: b, interactive: true, tmux_template: t}
      - {name: c, command: htop, interactive: true, tmux_session: ops, working_dir: nope}
  templates:
    t:
      session_name: s
      dir: api
      windows:
        - {name: w, panes: ["x", {command: y, dir: /tmp/file}]}
        - {name: v, dir: /code/web/ui/gone, panes: ["z", {command: q, dir: /code/web/ui/gone}]}
`;
  const issues = planOrIssues(yaml, "start") as Issue[];
  deepStrictEqual(
    issues.map((i) => [i.code, i.problem.replace(/.*"(\/[^"]*)".*/, "$1"), i.where?.line, i.hint]),
    [
      ["missing-dir", "/tmp/file", 12, "Create the directory, or fix windows[0].panes[1].dir"],
      ["missing-dir", "/code/web/ui/gone", 13, "Create the directory, or fix windows[1].dir"],
      ["missing-dir", "/code/web/nope", 6, "Fix working_dir, or create the directory"],
    ],
  );
});

Deno.test("planRitual() refuses loader variables in a command's env, with the way around", () => {
  const yaml = `rituals: {start: {global: [{name: a, command: make, env: {LD_PRELOAD: x.so}}]}}`;
  const issues = planOrIssues(yaml, "start") as Issue[];
  deepStrictEqual(issues.map((i) => i.code), ["loader-env"]);
  strictEqual(issues[0].hint, 'Set it in the command itself: command: "LD_PRELOAD=… make"');
});

Deno.test("planRitual(): {{.Command}} is the step's expanded command, quoted where it lands", () => {
  const yaml = `
rituals:
  start:
    global:
      - {name: w, command: "npm run {{.Project}}", interactive: true, tmux_template: t}
  templates:
    t:
      session_name: s
      windows: [{name: a, panes: ["eval {{.Command}}"]}]
`;
  const step = plan(yaml).steps[0];
  assert(step.kind === "tmux");
  deepStrictEqual(step.layout?.windows[0].panes[0].commands, ["eval 'npm run web'"]);
});
