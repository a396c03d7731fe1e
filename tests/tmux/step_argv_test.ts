import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  describeTmuxStep,
  hiddenNames,
  normalizeStep,
  shellLines,
  stepLayout,
} from "../../src/tmux/step_argv.ts";
import { buildSession } from "../../src/tmux/build.ts";
import type { TmuxStep } from "../../src/rituals/plan_types.ts";

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

Deno.test("hiddenNames() lists what the filter removed, sorted, never values", () => {
  deepStrictEqual(
    hiddenNames({ PATH: "/bin", GITHUB_TOKEN: "x", AWS_SECRET_ACCESS_KEY: "y" }, { PATH: "/bin" }),
    ["AWS_SECRET_ACCESS_KEY", "GITHUB_TOKEN"],
  );
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

Deno.test("shellLines() prints argv as pasteable sh, one tmux command per line", () => {
  deepStrictEqual(
    shellLines(["tmux", "-L", "w", "new-session", "-s", "it's", ";", "send-keys", "-l", "x\\;"]),
    ["tmux -L w new-session -s 'it'\\''s' \\", "  \\; send-keys -l 'x\\;'"],
  );
});

Deno.test("describeTmuxStep() prints the very argv the executor runs", () => {
  const s = step({ command: "htop" });
  const context = { socket: { name: "w" }, project: "web", hide: [], markerDir: "/m" };
  const lines = describeTmuxStep(s, context);
  const build = buildSession(stepLayout(s), {
    socket: ["-L", "w"],
    project: "web",
    size: { columns: 200, rows: 50 },
    env: {},
    hide: [],
    markerDir: "/m",
  });
  deepStrictEqual(lines.slice(1, 1 + shellLines(build.argv).length), shellLines(build.argv));
  deepStrictEqual(lines.slice(-2), [
    "tmux -L w send-keys -t '%<w1p1>' -l htop \\",
    "  \\; send-keys -t '%<w1p1>' Enter",
  ]);
});
