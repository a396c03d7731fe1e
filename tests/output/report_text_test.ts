import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  closingLines,
  leftRunningLines,
  outcomeLabel,
  problemLines,
  statusMark,
  summaryLine,
} from "../../src/output/report_text.ts";
import { makeColors } from "../../src/base/colors.ts";
import { stepResultJson } from "../../src/output/report_json.ts";
import type { RunSummary, StepOutcome } from "../../src/contract/outcome.ts";
import type { Step } from "../../src/contract/plan.ts";
import { plan, shell } from "../helpers/plan_fixture.ts";

const req = shell(1, "Run tests", "npm test");
const opt = shell(2, "Lint", "npm run lint", { optional: true });

Deno.test("outcomeLabel() says what happened after the step's name", async (t) => {
  const cases: [string, Step, StepOutcome, string][] = [
    ["ok", req, { status: "ok", exitCode: 0, durationMs: 1234 }, "ok · 1.2s"],
    [
      "required failure",
      req,
      { status: "failed", exitCode: 2, durationMs: 40, message: "exited with 2" },
      "failed · exited with 2 · 40ms",
    ],
    [
      "optional failure",
      opt,
      { status: "failed", exitCode: 1, durationMs: 5, message: "exited with 1" },
      "failed (optional, going on) · exited with 1 · 5ms",
    ],
    [
      "timeout",
      req,
      { status: "timed-out", exitCode: null, durationMs: 30_010, message: "timed out after 30s" },
      "timed out after 30s · 30s",
    ],
    [
      "optional timeout: the word is said once, the optional tag after it",
      opt,
      { status: "timed-out", exitCode: null, durationMs: 2_004, message: "timed out after 2s" },
      "timed out after 2s (optional, going on) · 2s",
    ],
    [
      "interrupted by Ctrl-C: not 'interrupted · interrupted'",
      req,
      { status: "interrupted", exitCode: null, durationMs: 5, message: "interrupted" },
      "interrupted · 5ms",
    ],
    [
      "interrupted with a reason",
      req,
      { status: "interrupted", exitCode: null, durationMs: 5, message: "ended: rune got SIGTERM" },
      "interrupted · ended: rune got SIGTERM · 5ms",
    ],
    [
      "skipped with a reason",
      req,
      { status: "skipped", exitCode: null, durationMs: 0, message: "needs tmux support" },
      "skipped: needs tmux support",
    ],
    [
      "skipped, the executor already wrote 'skipped:'",
      req,
      { status: "skipped", exitCode: null, durationMs: 0, message: "skipped: needs a terminal" },
      "skipped: needs a terminal",
    ],
    [
      "background",
      req,
      {
        status: "started",
        exitCode: null,
        durationMs: 9,
        message: "pid 7",
        logFile: "/l",
        via: "background",
      },
      "started · pid 7, log /l · 9ms",
    ],
    [
      "background already running",
      req,
      {
        status: "skipped",
        exitCode: null,
        durationMs: 3,
        message: "already running, pid 7",
        logFile: "/l",
        via: "background",
      },
      "skipped: already running, pid 7, log /l",
    ],
  ];
  for (const [name, step, outcome, want] of cases) {
    await t.step(name, () => strictEqual(outcomeLabel(step, outcome), want));
  }
});

const summary: RunSummary = {
  plan: plan([]),
  interrupted: false,
  results: [
    {
      step: opt,
      outcome: { status: "failed", exitCode: 1, durationMs: 5, message: "exited with 1" },
    },
    {
      step: shell(3, "Server", "x", { optional: false }),
      outcome: { status: "started", exitCode: null, durationMs: 3, pid: 77, logFile: "/s.log" },
    },
    {
      step: req,
      outcome: {
        status: "timed-out",
        exitCode: null,
        durationMs: 30_000,
        message: "timed out after 30s",
        outputTail: ["waiting"],
      },
    },
    {
      step: shell(4, "Deploy", "x"),
      outcome: { status: "skipped", exitCode: null, durationMs: 0, message: "required step" },
    },
  ],
};

Deno.test("problemLines() names each failing command, how, and whether the ritual stopped", () => {
  deepStrictEqual(problemLines(summary), [
    '"Lint" failed: exited with 1 (optional)',
    '"Run tests" timed out after 30s (required: the ritual stopped here)',
  ]);
});

Deno.test("leftRunningLines() lists the background commands this run started", () => {
  deepStrictEqual(leftRunningLines(summary), ['left running: "Server" (pid 77), log /s.log']);
  // A tmux_session step is "started" too, but it has no pid or log: its window says so.
  const tmux = {
    ...summary.results[0],
    outcome: { status: "started" as const, exitCode: null, durationMs: 0, via: "tmux" as const },
  };
  deepStrictEqual(leftRunningLines({ ...summary, results: [...summary.results, tmux] }), [
    'left running: "Server" (pid 77), log /s.log',
  ]);
});

Deno.test("summaryLine() counts outcomes in order of first appearance", () => {
  strictEqual(
    summaryLine(summary, 31_200),
    "rune start web: 1 failed (optional), 1 started, 1 timed out, 1 skipped · 31.2s",
  );
  strictEqual(
    summaryLine({ ...summary, results: [], interrupted: true }, 5),
    "rune start web: nothing to run · 5ms · interrupted",
  );
  const interrupted = {
    step: req,
    outcome: { status: "interrupted", exitCode: null, durationMs: 5, message: "interrupted" },
  } as const;
  strictEqual(
    summaryLine({ ...summary, results: [interrupted], interrupted: true }, 5),
    "rune start web: 1 interrupted · 5ms",
    "the count already says it",
  );
});

Deno.test("stepResultJson() is the stable --json shape", () => {
  deepStrictEqual(stepResultJson(summary.results[2]), {
    id: 1,
    name: "Run tests",
    kind: "shell",
    scope: "global",
    optional: false,
    status: "timed-out",
    exitCode: null,
    durationMs: 30000,
    message: "timed out after 30s",
    logFile: undefined,
    pid: undefined,
    via: undefined,
    outputTail: ["waiting"],
  });
});

Deno.test("statusMark(): an optional failure is a warning, a required one the red cross", () => {
  const c = makeColors(true);
  strictEqual(statusMark("failed", c), "\x1b[31m✗\x1b[39m");
  strictEqual(statusMark("failed", c, { optional: true }), "\x1b[33m!\x1b[39m");
  strictEqual(statusMark("timed-out", c, { optional: true }), "\x1b[33m!\x1b[39m");
  strictEqual(statusMark("ok", c, { optional: true }), "\x1b[32m✓\x1b[39m");
});

Deno.test("closingLines(): an optional problem's mark is the warning colour", () => {
  const lines = closingLines(summary, 1, makeColors(true));
  strictEqual(lines[0], '\x1b[33m!\x1b[39m "Lint" failed: exited with 1 (optional)');
  strictEqual(
    lines[1],
    '\x1b[31m!\x1b[39m "Run tests" timed out after 30s (required: the ritual stopped here)',
  );
});
