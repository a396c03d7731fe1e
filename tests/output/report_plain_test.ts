import { deepStrictEqual } from "node:assert/strict";
import { PlainReporter } from "../../src/output/report_plain.ts";
import { shellQuote } from "../../src/shell/mod.ts";
import { makeColors } from "../../src/base/colors.ts";
import type { RunSummary, StepResult } from "../../src/contract/outcome.ts";
import { plan, shell } from "../helpers/plan_fixture.ts";

const steps = [
  shell(1, "Fetch", "git fetch"),
  shell(2, "Lint", "npm run lint", { optional: true }),
  shell(3, "Test", "npm test"),
  shell(4, "Deploy", "./deploy it's"),
];
const results: StepResult[] = [
  { step: steps[0], outcome: { status: "ok", exitCode: 0, durationMs: 1200 } },
  {
    step: steps[1],
    outcome: {
      status: "failed",
      exitCode: 1,
      durationMs: 30,
      message: "exited with 1",
      outputTail: ["warn: x"],
    },
  },
  {
    step: steps[2],
    outcome: {
      status: "failed",
      exitCode: 2,
      durationMs: 450,
      message: "exited with 2",
      outputTail: ["1 failing", "  at test.js:3"],
    },
  },
  {
    step: steps[3],
    outcome: {
      status: "skipped",
      exitCode: null,
      durationMs: 0,
      message: 'required step "Test" failed',
    },
  },
];

function drive(options: { quiet?: boolean; verbose?: boolean }): string[] {
  let out = "";
  let now = 1000;
  const r = new PlainReporter({
    write: (t) => out += t,
    colors: makeColors(false),
    now: () => now,
    ...options,
  });
  const p = plan(steps);
  r.begin(p);
  for (const result of results) {
    if (result.outcome.status !== "skipped") {
      r.stepStarted(result.step);
      r.stepOutput(result.step, new TextEncoder().encode("partial"));
    }
    now += result.outcome.durationMs;
    r.stepFinished(result);
  }
  const summary: RunSummary = { plan: p, results, interrupted: false };
  r.end(summary);
  return out.split("\n");
}

Deno.test("plain lines: a prefixed start and end line per step, tails under failures", () => {
  deepStrictEqual(drive({}), [
    "rune start web: 4 steps (project found by argument)",
    "[1/4] Fetch …",
    "[1/4] ✓ Fetch: ok · 1.2s",
    "[2/4] Lint …",
    "[2/4] ! Lint: failed (optional, going on) · exited with 1 · 30ms",
    '    last output of "Lint":',
    "    | warn: x",
    "[3/4] Test …",
    "[3/4] ✗ Test: failed · exited with 2 · 450ms",
    '    last output of "Test":',
    "    | 1 failing",
    "    |   at test.js:3",
    '    "Test" is required: the ritual stops here',
    '[4/4] - Deploy: skipped: required step "Test" failed',
    '! "Lint" failed: exited with 1 (optional)',
    '! "Test" failed: exited with 2 (required: the ritual stopped here)',
    "rune start web: 1 ok, 1 failed (optional), 1 failed, 1 skipped · 1.7s",
    "",
  ]);
});

Deno.test("--quiet keeps only failures and the summary", () => {
  deepStrictEqual(drive({ quiet: true }), [
    "[2/4] ! Lint: failed (optional, going on) · exited with 1 · 30ms",
    '    last output of "Lint":',
    "    | warn: x",
    "[3/4] ✗ Test: failed · exited with 2 · 450ms",
    '    last output of "Test":',
    "    | 1 failing",
    "    |   at test.js:3",
    '    "Test" is required: the ritual stops here',
    '! "Lint" failed: exited with 1 (optional)',
    '! "Test" failed: exited with 2 (required: the ritual stopped here)',
    "rune start web: 1 ok, 1 failed (optional), 1 failed, 1 skipped · 1.7s",
    "",
  ]);
});

Deno.test("--verbose echoes each command as sh -c and passes output through", () => {
  deepStrictEqual(drive({ verbose: true }).slice(0, 9), [
    "rune start web: 4 steps (project found by argument)",
    "[1/4] Fetch …",
    "$ sh -c 'git fetch'",
    "partial",
    "[1/4] ✓ Fetch: ok · 1.2s",
    "[2/4] Lint …",
    "$ sh -c 'npm run lint'",
    "partial",
    "[2/4] ! Lint: failed (optional, going on) · exited with 1 · 30ms",
  ]);
});

Deno.test("the verbose echo quotes so that it can be pasted back into a shell", async () => {
  const shown = shellQuote("./deploy it's $(x)");
  const out = await new Deno.Command("sh", { args: ["-c", `printf %s ${shown}`] }).output();
  deepStrictEqual(new TextDecoder().decode(out.stdout), "./deploy it's $(x)");
});
