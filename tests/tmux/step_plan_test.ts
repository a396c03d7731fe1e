import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { planTmuxCalls, stepLayout } from "../../src/tmux/step_plan.ts";
import { decideTmuxWorld } from "../../src/tmux/world.ts";
import { buildSession } from "../../src/tmux/build.ts";
import { closeHookName } from "../../src/tmux/close_hook.ts";
import type { Plan, TmuxStep } from "../../src/contract/mod.ts";

const step = (extra: Partial<TmuxStep>): TmuxStep => ({
  kind: "tmux",
  id: 1,
  name: "ws",
  scope: "project",
  optional: false,
  session: "ops",
  cwd: "/p",
  env: {},
  ...extra,
});

const world = decideTmuxWorld({
  flags: { name: "w" },
  env: { PATH: "/bin", GITHUB_TOKEN: "x" },
  baseEnv: { PATH: "/bin" },
  terminal: { stdin: false, stdout: false },
  detach: true,
  uid: 0,
});

const planOf = (steps: TmuxStep[]): Plan => ({
  ritual: "start",
  project: { name: "web", dir: "/p", detectedBy: "argument" },
  configFile: "/c.yaml",
  steps,
  envRemoved: ["GITHUB_TOKEN"],
  warnings: [],
});

const CLOSE_HOOK = {
  project: "web",
  projectDir: "/p",
  configFile: "/c.yaml",
  stateDir: "/s/rune",
  runeArgv: ["rune"],
  env: {},
};

Deno.test("planTmuxCalls() gives every tmux step the very argv the executor runs", () => {
  const s = step({ command: "htop", session: "o_ps" });
  const [planned] = planTmuxCalls(planOf([s]), world, { markerDir: "/m/rune-panes-x" }).steps;
  if (planned.kind !== "tmux" || !planned.tmux) throw new Error("no tmux calls planned");
  const options = {
    socket: ["-u", "-L", "w"],
    project: "web",
    size: { columns: 200, rows: 50 },
    env: {},
    hide: ["GITHUB_TOKEN"],
    markerDir: "/m/rune-panes-x-1",
  };
  deepStrictEqual(planned.tmux.create, buildSession(stepLayout(s), options));
  strictEqual(planned.tmux.markerDir, "/m/rune-panes-x-1");
  deepStrictEqual(planned.tmux.socket, ["-u", "-L", "w"]);
  // tmux_session: the second form adds the window when the session exists.
  deepStrictEqual(planned.tmux.addWindow?.argv.slice(0, 10), [
    "tmux",
    "-u",
    "-L",
    "w",
    "set-environment",
    "-t",
    "=o_ps:",
    "-r",
    "GITHUB_TOKEN",
    ";",
  ]);
});

Deno.test("planTmuxCalls(): a marker dir per step, the close hook named after the step's session", () => {
  const layout = { template: "t", session: "a_b", dir: "/p", before: [], windows: [] };
  const plan = planTmuxCalls(
    planOf([step({ id: 1, session: "a_b", layout }), step({ id: 2, session: "c", command: "x" })]),
    world,
    { markerDir: "/m/r", closeHook: CLOSE_HOOK },
  );
  const calls = plan.steps.map((s) => s.kind === "tmux" ? s.tmux : undefined);
  deepStrictEqual(calls.map((c) => c?.markerDir), ["/m/r-1", "/m/r-2"]);
  strictEqual(calls[0]?.addWindow, undefined, "a template is never added as a window");
  const hook = closeHookName("a_b");
  strictEqual(calls[0]?.create.at(-1)?.argv.includes(hook), true);
  strictEqual(hook.startsWith("session-closed["), true);
});

Deno.test("stepLayout() makes a tmux_session step one window typing its command", () => {
  deepStrictEqual(stepLayout(step({ command: "htop" })).windows, [{
    dir: "/p",
    focus: true,
    panes: [{ commands: ["htop"], dir: "/p", focus: true, exec: false }],
  }]);
});
