import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  describeStepBuild,
  hiddenNames,
  normalizeStep,
  stepBuildOptions,
  stepLayout,
} from "../../src/tmux/step_plan.ts";
import { buildSession } from "../../src/tmux/build.ts";
import { closeHookName } from "../../src/tmux/close_hook.ts";
import type { TmuxStep } from "../../src/contract/plan.ts";

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

const world = {
  socket: ["-L", "w"],
  project: "web",
  parentEnv: { PATH: "/bin", GITHUB_TOKEN: "x" },
  baseEnv: { PATH: "/bin" },
  markerDir: "/m",
};

Deno.test("hiddenNames() lists what the filter removed, sorted, never values", () => {
  deepStrictEqual(
    hiddenNames({ PATH: "/bin", GITHUB_TOKEN: "x", AWS_SECRET_ACCESS_KEY: "y" }, { PATH: "/bin" }),
    ["AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN"],
  );
});

Deno.test("stepBuildOptions(): withheld names hidden, 200x50 unless a size is known, hook named", () => {
  const o = stepBuildOptions(step({ session: "a.b" }), {
    ...world,
    closeHook: {
      project: "web",
      projectDir: "/p",
      configFile: "/c.yaml",
      stateDir: "/s/rune",
      runeArgv: ["rune"],
    },
  });
  deepStrictEqual(o.hide, ["GITHUB_TOKEN"]);
  deepStrictEqual(o.size, { columns: 200, rows: 50 });
  strictEqual(o.closeHook?.session, "a_b");
  deepStrictEqual(
    stepBuildOptions(step({}), { ...world, size: { columns: 120, rows: 39 } }).size,
    { columns: 120, rows: 39 },
  );
  strictEqual(closeHookName("a_b").startsWith("session-closed["), true);
});

Deno.test("normalizeStep() spells the session as tmux will (it turns . and : into _)", () => {
  const s = normalizeStep(step({
    session: "a:b.c",
    layout: { template: "t", session: "a:b.c", dir: "/p", before: [], windows: [] },
  }));
  strictEqual(s.session, "a_b_c");
  strictEqual(s.layout?.session, "a_b_c");
});

Deno.test("stepLayout() makes a tmux_session step one window typing its command", () => {
  deepStrictEqual(stepLayout(step({ command: "htop" })).windows, [{
    dir: "/p",
    focus: true,
    panes: [{ commands: ["htop"], dir: "/p", focus: true, exec: false }],
  }]);
});

Deno.test("describeStepBuild() gives the very argv the executor runs, both forms for tmux_session", () => {
  const s = step({ command: "htop", session: "o:ps" });
  const options = stepBuildOptions(s, world);
  const described = describeStepBuild(s, options);
  deepStrictEqual(
    described.create.argv,
    buildSession(stepLayout(normalizeStep(s)), options).argv,
  );
  deepStrictEqual(described.addWindow?.argv.slice(0, 9), [
    "tmux",
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
