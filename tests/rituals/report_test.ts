/** What people see: the plain lines and the live block, from fixed snapshots. */
import { deepStrictEqual } from "node:assert/strict";
import { makeColors } from "../../src/colors.ts";
import { renderLive } from "../../src/rituals/report_live.ts";
import { PlainReporter } from "../../src/rituals/report_plain.ts";
import { summaryLine } from "../../src/rituals/report_text.ts";
import type { Plan, Step } from "../../src/rituals/plan_types.ts";
import type { StepOutcome } from "../../src/rituals/outcome_types.ts";

const c = makeColors(false);
const step = (id: number, name: string, optional = false): Step => ({
  kind: "shell",
  id,
  name,
  scope: "global",
  optional,
  command: `cmd${id}`,
  cwd: "/w",
  env: {},
  timeoutMs: 30_000,
});
const outcome = (o: Partial<StepOutcome>): StepOutcome => ({
  status: "ok",
  exitCode: 0,
  durationMs: 1200,
  ...o,
});
const plan = (steps: Step[]): Plan => ({
  ritual: "start",
  project: { name: "web", dir: "/w", detectedBy: "argument" },
  configFile: "/c",
  steps,
  envRemoved: [],
  warnings: [],
});

Deno.test("renderLive() draws states, elapsed time and the failing output", () => {
  const [a, b, d, e] = [
    step(1, "install"),
    step(2, "lint", true),
    step(3, "test"),
    step(4, "deploy"),
  ];
  const lines = renderLive(
    "rune start web",
    [
      { step: a, startedAt: 0, outcome: outcome({}) },
      {
        step: b,
        startedAt: 0,
        outcome: outcome({
          status: "failed",
          exitCode: 1,
          message: "exited with 1",
          outputTail: ["x.ts:1 bad"],
        }),
      },
      { step: d, startedAt: 1000 },
      { step: e },
    ],
    3500,
    c,
    80,
  );
  deepStrictEqual(lines, [
    "rune start web",
    "✓ install  1.2s",
    "✗ lint (optional)  exited with 1 · 1.2s",
    "    │ x.ts:1 bad",
    "⠴ test  2.5s",
    "· deploy",
  ]);
});

Deno.test("renderLive() cuts lines to the terminal width", () => {
  const lines = renderLive("h", [{ step: step(1, "x".repeat(100)) }], 0, c, 20);
  deepStrictEqual(lines[1], `· ${"x".repeat(17)}`);
});

Deno.test("PlainReporter writes one line per start and end, and the failure's tail", () => {
  const out: string[] = [];
  const r = new PlainReporter({ write: (t) => out.push(t), colors: c, now: () => 0 });
  const s1 = step(1, "install");
  const s2 = step(2, "test");
  r.begin(plan([s1, s2]));
  r.stepStarted(s1);
  r.stepFinished({ step: s1, outcome: outcome({}) });
  r.stepStarted(s2);
  r.stepFinished({
    step: s2,
    outcome: outcome({
      status: "failed",
      exitCode: 2,
      message: "exited with 2",
      outputTail: ["boom"],
    }),
  });
  deepStrictEqual(out.join("").split("\n"), [
    "rune start web: 2 step(s) (argument)",
    "[1/2] install …",
    "[1/2] ✓ install: ok · 1.2s",
    "[2/2] test …",
    "[2/2] ✗ test: failed · exited with 2 · 1.2s",
    '    last output of "test":',
    "    | boom",
    '    "test" is required: the ritual stops here',
    "",
  ]);
});

Deno.test("PlainReporter --verbose echoes the command; --quiet keeps only failures", () => {
  const out: string[] = [];
  const verbose = new PlainReporter({ write: (t) => out.push(t), colors: c, verbose: true });
  verbose.stepStarted(step(1, "it's"));
  deepStrictEqual(out, ["[1/0] it's …\n", "$ sh -c 'cmd1'\n"]);
  const quiet: string[] = [];
  const q = new PlainReporter({ write: (t) => quiet.push(t), colors: c, quiet: true });
  q.begin(plan([step(1, "a")]));
  q.stepStarted(step(1, "a"));
  q.stepFinished({ step: step(1, "a"), outcome: outcome({}) });
  deepStrictEqual(quiet, []);
});

Deno.test("summaryLine() counts outcomes and marks optional failures", () => {
  const s1 = step(1, "a");
  const s2 = step(2, "b", true);
  const s3 = step(3, "c");
  const line = summaryLine({
    plan: plan([s1, s2, s3]),
    results: [
      { step: s1, outcome: outcome({}) },
      { step: s2, outcome: outcome({ status: "failed" }) },
      { step: s3, outcome: outcome({ status: "started" }) },
    ],
    interrupted: false,
  }, 4200);
  deepStrictEqual(line, "rune start web: 1 ok, 1 failed (optional), 1 started · 4.2s");
});
