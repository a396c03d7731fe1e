/**
 * Readiness in the Plan: each condition resolved (timeout in ms, default 60 s, 0 = none; a
 * file path absolute from the pane's directory, variables expanded), what each pane waits
 * for, the start order; a step's wait_for resolved against the template steps before it.
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import { parseConfig } from "../../src/config/load.ts";
import { planRitual } from "../../src/planning/plan.ts";
import type { PlanFacts } from "../../src/planning/plan.ts";
import type { Plan, TmuxStep } from "../../src/contract/plan.ts";
import type { Issue } from "../../src/base/result.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const FACTS: PlanFacts = {
  env: { HOME: "/home/u", PATH: "/bin" },
  now: new Date(2026, 10, 27),
  isDirectory: (p) => ["/code/web", "/code/web/api"].includes(p),
};

function planned(yaml: string): Plan | Issue[] {
  const loaded = parseConfig(yaml, "/cfg.yaml");
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.error));
  const r = planRitual(
    loaded.value,
    "start",
    { name: "web", dir: "/code/web", detectedBy: "argument" },
    FACTS,
  );
  return r.ok ? r.value : r.error;
}

const CHAIN = `
rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: dev}
      - {name: smoke, command: ./smoke, wait_for: [app.server, "dev:db"]}
  templates:
    dev:
      session_name: dev
      windows:
        - name: db
          panes: [{command: ./db, ready: {output: "accept", timeout: 0}}]
        - name: app
          dir: api
          depends_on: db
          panes:
            - {name: server, command: ./app, ready: {port: 8080, timeout: 90s}}
            - {command: ./migrate, exec: true, ready: {exit: 0}}
            - {ready: {file: "{{.Project}}.ready"}}
`;

Deno.test("a template's readiness, resolved into the Plan", () => {
  const plan = planned(CHAIN) as Plan;
  const step = plan.steps[0] as TmuxStep;
  deepStrictEqual(step.layout!.readiness, {
    windows: [
      { window: 1, label: "db", panes: ["w1p1"] },
      { window: 2, label: "app", panes: ["w2p1", "w2p2", "w2p3"] },
    ],
    panes: [
      {
        key: "w1p1",
        label: "db.1",
        ready: { kind: "output", pattern: "accept", timeoutMs: 0 },
        after: [],
      },
      {
        key: "w2p1",
        label: "app.server",
        ready: { kind: "port", port: 8080, timeoutMs: 90_000 },
        after: [{ kind: "window", window: 1 }],
      },
      {
        key: "w2p2",
        label: "app.2",
        ready: { kind: "exit", status: 0, timeoutMs: 60_000 },
        after: [{ kind: "window", window: 1 }],
      },
      {
        key: "w2p3",
        label: "app.3",
        ready: { kind: "file", path: "/code/web/api/web.ready", timeoutMs: 60_000 },
        after: [{ kind: "window", window: 1 }],
      },
    ],
    order: [["w1p1"], ["w2p1", "w2p2", "w2p3"]],
  });
  ok(step.watched, "a later step waits for its panes");
});

Deno.test("wait_for: resolved to the template step before it, TEMPLATE: naming one", () => {
  const plan = planned(CHAIN) as Plan;
  deepStrictEqual(plan.steps[1].waitFor, [
    { step: 1, session: "dev", gate: { kind: "pane", key: "w2p1" }, label: "app.server" },
    { step: 1, session: "dev", gate: { kind: "window", window: 1 }, label: "dev:db" },
  ]);
});

Deno.test("wait_for naming what no earlier template step has is a located error", () => {
  const issues = planned(`
rituals:
  start:
    global:
      - {name: early, command: "true", wait_for: app}
      - {name: ws, interactive: true, tmux_template: dev}
      - {name: late, command: "true", wait_for: [app, other:app, nope]}
  templates:
    dev: {session_name: dev, windows: [{name: app, panes: [x]}]}
`) as Issue[];
  deepStrictEqual(issues.map((i) => [i.code, `${i.where?.line}:${i.where?.column}`, i.problem]), [
    [
      "unknown-wait",
      "5:50",
      'Cannot plan "early": no tmux_template step before it has a window or pane "app"',
    ],
    [
      "unknown-wait",
      "7:55",
      'Cannot plan "late": no tmux_template step before it has a window or pane "other:app"',
    ],
    [
      "unknown-wait",
      "7:66",
      'Cannot plan "late": no tmux_template step before it has a window or pane "nope"',
    ],
  ]);
  deepStrictEqual(
    issues[0].hint,
    "Put this step after the tmux_template step whose panes it waits for",
  );
});

Deno.test("a template that declares nothing gets no readiness: the Plan is as before", () => {
  const plan = planned(`
rituals:
  start:
    global: [{name: ws, interactive: true, tmux_template: dev}]
  templates:
    dev: {session_name: dev, windows: [{name: app, panes: [x]}]}
`) as Plan;
  const step = plan.steps[0] as TmuxStep;
  ok(!("readiness" in step.layout!));
  ok(!("waitFor" in step) && !("watched" in step));
});
