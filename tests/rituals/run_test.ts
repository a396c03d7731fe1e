/** runPlan(): what runs next, what is skipped, and the exit code — with real `sh`. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { exitCodeFor, runPlan } from "../../src/rituals/run.ts";
import type { RunPlanOptions } from "../../src/rituals/run.ts";
import type { Plan, Step } from "../../src/rituals/plan_types.ts";
import type { RunSummary, StepOutcome, StepResult } from "../../src/rituals/outcome_types.ts";
import type { Reporter } from "../../src/rituals/reporter.ts";
import { denoRuntime } from "../../src/runtime.ts";

function shell(id: number, command: string, optional = false): Step {
  return {
    kind: "shell",
    id,
    name: `s${id}`,
    scope: "global",
    optional,
    command,
    cwd: "/tmp",
    env: {},
    timeoutMs: 10_000,
  };
}

function planOf(steps: Step[]): Plan {
  return {
    ritual: "start",
    project: { name: "p", dir: "/tmp", detectedBy: "argument" },
    configFile: "/c.yaml",
    steps,
    envRemoved: [],
    warnings: [],
  };
}

/** Records what the runner told it, in order. */
class RecordingReporter implements Reporter {
  events: string[] = [];
  begin(plan: Plan) {
    this.events.push(`begin ${plan.steps.length}`);
  }
  stepStarted(step: Step) {
    this.events.push(`start ${step.name}`);
  }
  stepOutput() {}
  stepFinished(r: StepResult) {
    this.events.push(`finish ${r.step.name} ${r.outcome.status}`);
  }
  note(m: string) {
    this.events.push(`note ${m}`);
  }
  suspend() {
    this.events.push("suspend");
  }
  resume() {
    this.events.push("resume");
  }
  end(s: RunSummary) {
    this.events.push(`end interrupted=${s.interrupted}`);
  }
}

function options(reporter: Reporter, extra: Partial<RunPlanOptions> = {}): RunPlanOptions {
  return {
    reporter,
    runtime: denoRuntime,
    baseEnv: { PATH: "/usr/bin:/bin" },
    parentEnv: {},
    terminal: { stdin: false, stdout: false },
    flags: { noTmux: false, noPty: false, detach: false, verbose: false },
    stateDir: Deno.makeTempDirSync(),
    ...extra,
  };
}

Deno.test("runPlan() goes on after an optional failure and stops at a required one", async () => {
  const rec = new RecordingReporter();
  const summary = await runPlan(
    planOf([shell(1, "true"), shell(2, "exit 3", true), shell(3, "exit 4"), shell(4, "true")]),
    options(rec),
  );
  deepStrictEqual(rec.events, [
    "begin 4",
    "start s1",
    "finish s1 ok",
    "start s2",
    "finish s2 failed",
    "start s3",
    "finish s3 failed",
    "finish s4 skipped",
    "end interrupted=false",
  ]);
  strictEqual(summary.results[3].outcome.message, 'not run: "s3" failed');
  strictEqual(exitCodeFor(summary), 1);
});

Deno.test("runPlan() reports interactive steps it has no executor for, never drops them", async () => {
  const rec = new RecordingReporter();
  const tmux: Step = {
    kind: "tmux",
    id: 1,
    name: "t",
    scope: "global",
    optional: false,
    session: "s",
    command: "x",
    cwd: "/tmp",
    env: {},
  };
  const summary = await runPlan(planOf([tmux]), options(rec));
  strictEqual(summary.results[0].outcome.status, "skipped");
  strictEqual(summary.results[0].outcome.message, "skipped: needs tmux support");
});

Deno.test("runPlan() hands interactive steps to their executor, which may take the terminal", async () => {
  const rec = new RecordingReporter();
  const pty: Step = {
    kind: "pty",
    id: 1,
    name: "repl",
    scope: "global",
    optional: false,
    command: "x",
    cwd: "/tmp",
    env: {},
  };
  const summary = await runPlan(
    planOf([pty]),
    options(rec, {
      executors: {
        pty: (step, ctx) => {
          const give = ctx.takeTerminal();
          ctx.note(`ran ${step.command}`);
          give();
          return Promise.resolve({ status: "ok", exitCode: 0, durationMs: 1, via: "pty" });
        },
      },
    }),
  );
  deepStrictEqual(rec.events.slice(1, 6), [
    "start repl",
    "suspend",
    "note ran x",
    "resume",
    "finish repl ok",
  ]);
  strictEqual(exitCodeFor(summary), 0);
});

Deno.test("runPlan() starts nothing more once aborted and the run exits 130", async () => {
  const rec = new RecordingReporter();
  const controller = new AbortController();
  setTimeout(() => controller.abort(), 150);
  const summary = await runPlan(
    planOf([shell(1, "sleep 20"), shell(2, "true")]),
    options(rec, { signal: controller.signal }),
  );
  deepStrictEqual(summary.results.map((r) => r.outcome.status), ["interrupted", "skipped"]);
  strictEqual(summary.interrupted, true);
  strictEqual(exitCodeFor(summary), 130);
});

Deno.test("exitCodeFor(): 0, 1, 3 for a missing program or permission, 130", async (t) => {
  const step = shell(1, "x");
  const opt = shell(2, "x", true);
  const sum = (results: [Step, Partial<StepOutcome>][], interrupted = false): RunSummary => ({
    plan: planOf(results.map(([s]) => s)),
    results: results.map(([s, o]) => ({
      step: s,
      outcome: { status: "ok", exitCode: 0, durationMs: 0, ...o },
    })),
    interrupted,
  });
  const cases: [string, RunSummary, number][] = [
    ["all ok", sum([[step, {}]]), 0],
    ["optional failure only", sum([[opt, { status: "failed" }]]), 0],
    ["required failure", sum([[step, { status: "failed" }]]), 1],
    ["required timeout", sum([[step, { status: "timed-out" }]]), 1],
    ["required step needs tmux", sum([[step, { status: "failed", missing: "tmux" }]]), 3],
    ["interrupted", sum([[step, { status: "interrupted" }]], true), 130],
  ];
  for (const [name, summary, want] of cases) {
    await t.step(name, () => strictEqual(exitCodeFor(summary), want));
  }
});
