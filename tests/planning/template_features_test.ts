/**
 * planRitual() on the template features of issue 15: layered env, tmux options, titles,
 * shells, synchronize, hooks, attach, --var and {{.Env.X}}, --windows and --append.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parseConfig } from "../../src/config/load.ts";
import { planRitual } from "../../src/planning/plan.ts";
import type { PlanFacts } from "../../src/planning/plan.ts";
import type { ProjectInfo, SessionLayout, TmuxStep } from "../../src/contract/plan.ts";
import type { Issue } from "../../src/base/result.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const PROJECT: ProjectInfo = { name: "web", dir: "/code/web", detectedBy: "argument" };
const FACTS: PlanFacts = {
  env: { HOME: "/home/u", USER: "u", PATH: "/bin", GITHUB_TOKEN: "ghp_x", PORT: "8009" },
  now: new Date(2026, 0, 2),
  isDirectory: (p) => ["/code/web", "/code/web/api", "/home/u"].includes(p),
};

const config = (template: string) => `
rituals:
  start:
    per_project:
      web: [{ name: session, interactive: true, tmux_template: t }]
  templates:
    t:
      session_name: "dev-{{.Project}}"
${template.replace(/^/gm, "      ")}
`;

function planned(template: string, facts: Partial<PlanFacts> = {}): TmuxStep | Issue[] {
  const loaded = parseConfig(config(template), "/cfg.yaml");
  if (!loaded.ok) throw new Error(`config did not load: ${JSON.stringify(loaded.error)}`);
  const r = planRitual(loaded.value, "start", PROJECT, { ...FACTS, ...facts });
  if (!r.ok) return r.error;
  return r.value.steps[0] as TmuxStep;
}

function layout(template: string, facts: Partial<PlanFacts> = {}): SessionLayout {
  const step = planned(template, facts);
  if (Array.isArray(step)) throw new Error(`unexpected issues: ${JSON.stringify(step)}`);
  return step.layout!;
}

function problems(template: string, facts: Partial<PlanFacts> = {}): string[] {
  const r = planned(template, facts);
  if (!Array.isArray(r)) throw new Error("planned, but should not have");
  return r.map((i) => `${i.code} ${i.where?.line ?? "-"}:${i.where?.column ?? "-"} ${i.problem}`);
}

Deno.test("env layers pane over window over template; numbers and booleans as text", () => {
  const l = layout(`env: { A: t, B: t, PORT: 8000, DEBUG: true }
windows:
  - env: { B: w, C: w }
    panes:
      - x
      - { command: y, env: { C: p, D: "{{.Project}}" } }
  - panes: [z]`);
  deepStrictEqual(l.env, { A: "t", B: "t", PORT: "8000", DEBUG: "true" });
  deepStrictEqual(l.windows[0].panes.map((p) => p.env), [
    { A: "t", B: "w", PORT: "8000", DEBUG: "true", C: "w" },
    { A: "t", B: "w", PORT: "8000", DEBUG: "true", C: "p", D: "web" },
  ]);
  deepStrictEqual(l.windows[1].panes[0].env, { A: "t", B: "t", PORT: "8000", DEBUG: "true" });
});

Deno.test("options: session options stay the session's, window options go to every window", () => {
  const l = layout(
    `options: { status: off, mouse: true, main-pane-height: "{{.Env.PORT}}", "@x": "#{pane_index}" }
window_options: { pane-border-status: top, remain-on-exit: off }
windows:
  - { window_options: { remain-on-exit: on }, panes: [a] }
  - { panes: [b] }`,
  );
  deepStrictEqual(l.options, { status: "off", mouse: "on", "@x": "#{pane_index}" });
  deepStrictEqual(l.windows.map((w) => w.options), [
    { "main-pane-height": "8009", "pane-border-status": "top", "remain-on-exit": "on" },
    { "main-pane-height": "8009", "pane-border-status": "top", "remain-on-exit": "off" },
  ]);
});

Deno.test("titles, shells and synchronize are kept; a shell is a shell command, expanded", () => {
  const l = layout(`windows:
  - synchronize: after
    panes:
      - { command: "print(1)", shell: "/usr/bin/python3 -q", title: "py {{.Project}}" }
      - { title: "#{pane_index}" }`);
  deepStrictEqual(l.windows[0].synchronize, "after");
  deepStrictEqual(
    l.windows[0].panes.map((p) => [p.title, p.shell, p.commands]),
    [["py web", "/usr/bin/python3 -q", ["print(1)"]], ["#{pane_index}", undefined, []]],
  );
});

Deno.test("on_first_start, on_reuse and attach: false reach the layout, expanded as commands", () => {
  const l = layout(
    `on_first_start: ["echo {{.Project}} made"]
on_reuse: ["echo 'again {{.Var.why}}'"]
attach: false
windows: [{ panes: [x] }]`,
    { vars: { why: "it's back" } },
  );
  deepStrictEqual(
    [l.onFirstStart, l.onReuse, l.attach],
    [["echo web made"], ["echo 'again it'\\''s back'"], false],
  );
  const plain = layout(`windows: [{ panes: [x] }]`);
  deepStrictEqual([plain.onFirstStart, plain.onReuse, plain.attach], [
    undefined,
    undefined,
    undefined,
  ]);
});

Deno.test("--var and {{.Env.X}} expand where they stand; missing or withheld ones are located", () => {
  const l = layout(
    `windows: [{ name: "{{.Var.branch}}", panes: ["git checkout {{.Var.branch}}; echo {{.Env.PORT}}"] }]`,
    {
      vars: { branch: "feat/x y" },
    },
  );
  strictEqual(l.windows[0].name, "feat/x y");
  deepStrictEqual(l.windows[0].panes[0].commands, ["git checkout 'feat/x y'; echo 8009"]);

  deepStrictEqual(problems(`windows: [{ panes: ["git checkout {{.Var.branch}}"] }]`), [
    'missing-variable 9:27 Cannot expand "{{.Var.branch}}": no --var branch was given',
  ]);
  deepStrictEqual(problems(`windows: [{ panes: ["echo {{.Env.NOPE}} {{.Env.GITHUB_TOKEN}}"] }]`), [
    'missing-variable 9:27 Cannot expand "{{.Env.NOPE}}": there is no environment variable "NOPE"',
    'withheld-variable 9:27 Cannot expand "{{.Env.GITHUB_TOKEN}}": rune withholds "GITHUB_TOKEN" ' +
    "from every command (it looks like a secret), so it does not put its value into one",
  ]);
});

Deno.test("--windows keeps only those windows, in the template's order, and moves the focus", () => {
  const t = `windows:
  - { name: editor, panes: [vim] }
  - { name: logs, focus: true, dir: missing, panes: [tail] }
  - { name: api, dir: api, panes: [make] }`;
  const l = layout(t, { windows: ["api", "editor"] });
  deepStrictEqual(l.windows.map((w) => [w.name, w.focus]), [["editor", true], ["api", false]]);
  // The left-out window's missing dir is not asked for; a chosen one's still is.
  ok(problems(t, { windows: ["logs"] })[0].startsWith("missing-dir 11:"));
  deepStrictEqual(problems(t, { windows: ["edtor"] }), [
    'unknown-window 10:9 Cannot start window "edtor" of "session": template "t" has no window so named',
  ]);
});

Deno.test("--windows and --append need a template session in the ritual", () => {
  const loaded = parseConfig(
    `rituals: { start: { global: [{ name: a, command: "true" }] } }`,
    "/c",
  );
  if (!loaded.ok) throw new Error("no config");
  const r = planRitual(loaded.value, "start", PROJECT, { ...FACTS, append: true });
  deepStrictEqual(!r.ok && r.error.map((i) => i.code), ["no-template-session"]);
});

Deno.test("--append marks the template step", () => {
  const step = planned(`windows: [{ name: a, panes: [x] }]`, { append: true }) as TmuxStep;
  strictEqual(step.append, true);
  strictEqual((planned(`windows: [{ name: a, panes: [x] }]`) as TmuxStep).append, undefined);
});
