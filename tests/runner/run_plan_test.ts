/** runPlan() with hand-built Plans and the real `sh`: order, failures, skips, executors, Ctrl-C. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { runPlan } from "../../src/runner/run_plan.ts";
import { exitCodeFor } from "../../src/cli/exit_codes.ts";
import type { RunPlanOptions } from "../../src/runner/run_plan.ts";
import type { Reporter } from "../../src/contract/reporter.ts";
import type { RunSummary, StepExecutor, StepOutcome } from "../../src/contract/outcome.ts";
import type { PtyStep, Step, TmuxStep } from "../../src/contract/plan.ts";
import { denoRuntime } from "../../src/exec/deno_runtime.ts";
import { BASE_ENV, FLAGS, plan, shell } from "../helpers/plan_fixture.ts";
import { exists } from "../helpers/files.ts";

/** Records what the runner tells its reporter, as short strings. */
function recorder(): Reporter & { events: string[] } {
  const events: string[] = [];
  return {
    events,
    begin: (p) => events.push(`begin ${p.ritual} ${p.steps.length}`),
    stepStarted: (s) => events.push(`start ${s.id}`),
    stepOutput: () => {},
    stepFinished: (r) =>
      events.push(
        `finish ${r.step.id} ${r.outcome.status}${
          r.outcome.message ? `: ${r.outcome.message}` : ""
        }`,
      ),
    note: (m) => events.push(`note ${m}`),
    suspend: () => events.push("suspend"),
    resume: () => events.push("resume"),
    end: (s) => events.push(`end interrupted=${s.interrupted}`),
  };
}

function options(reporter: Reporter, extra: Partial<RunPlanOptions> = {}): RunPlanOptions {
  return {
    reporter,
    runtime: denoRuntime,
    baseEnv: BASE_ENV,
    parentEnv: BASE_ENV,
    terminal: { stdin: false, stdout: false },
    flags: FLAGS,
    stateDir: "/nonexistent/rune-state",
    ...extra,
  };
}

Deno.test("steps run in plan order, each after the previous one ended", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const log = `${dir}/order`;
    const steps = [1, 2, 3].map((i) => shell(i, `s${i}`, `sleep 0.0${4 - i}; echo ${i} >> ${log}`));
    const r = recorder();
    const summary = await runPlan(plan(steps), options(r));
    strictEqual(Deno.readTextFileSync(log), "1\n2\n3\n");
    deepStrictEqual(r.events, [
      "begin start 3",
      "start 1",
      "finish 1 ok",
      "start 2",
      "finish 2 ok",
      "start 3",
      "finish 3 ok",
      "end interrupted=false",
    ]);
    strictEqual(exitCodeFor(summary), 0);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("an optional failure goes on; a required failure skips the rest and exits 1", async () => {
  const r = recorder();
  const summary = await runPlan(
    plan([
      shell(1, "warn", "exit 4", { optional: true }),
      shell(2, "must", "echo bad; exit 2"),
      shell(3, "later", "echo never"),
    ]),
    options(r),
  );
  deepStrictEqual(r.events, [
    "begin start 3",
    "start 1",
    "finish 1 failed: exited with 4",
    "start 2",
    "finish 2 failed: exited with 2",
    'finish 3 skipped: required step "must" failed',
    "end interrupted=false",
  ]);
  deepStrictEqual(summary.results[1].outcome.outputTail, ["bad"]);
  strictEqual(exitCodeFor(summary), 1);
});

Deno.test("interactive steps without an executor are skipped and reported, never dropped", async () => {
  const r = recorder();
  const tmux: TmuxStep = {
    ...base(1, "editor"),
    kind: "tmux",
    session: "dev-web",
    cwd: "/",
    env: {},
  };
  const pty: PtyStep = { ...base(2, "repl"), kind: "pty", command: "node", cwd: "/", env: {} };
  const summary = await runPlan(plan([tmux, pty, shell(3, "after", "true")]), options(r));
  deepStrictEqual(r.events.slice(1, -1), [
    "start 1",
    "finish 1 skipped: needs tmux support",
    "start 2",
    "finish 2 skipped: needs pty support",
    "start 3",
    "finish 3 ok",
  ]);
  strictEqual(exitCodeFor(summary), 0);
});

Deno.test("injected executors run their steps; takeTerminal() suspends and resumes the display", async () => {
  const r = recorder();
  const seen: string[] = [];
  const tmux: StepExecutor<TmuxStep> = (step, ctx) => {
    seen.push(`tmux ${step.session} env=${ctx.baseEnv.PATH === BASE_ENV.PATH}`);
    const resume = ctx.takeTerminal();
    ctx.note("attached");
    resume();
    return Promise.resolve<StepOutcome>({ status: "ok", exitCode: 0, durationMs: 1, via: "tmux" });
  };
  const pty = () =>
    Promise.resolve<StepOutcome>({
      status: "failed",
      exitCode: null,
      durationMs: 1,
      message: "no script",
      missing: "script",
      via: "pty",
    });
  const tmuxStep: TmuxStep = { ...base(1, "ed"), kind: "tmux", session: "dev", cwd: "/", env: {} };
  const ptyStep: PtyStep = { ...base(2, "repl"), kind: "pty", command: "x", cwd: "/", env: {} };
  const interactive: boolean[] = [];
  const summary = await runPlan(
    plan([tmuxStep, ptyStep]),
    options(r, { executors: { tmux, pty }, onInteractive: (a) => interactive.push(a) }),
  );
  deepStrictEqual(seen, ["tmux dev env=true"]);
  deepStrictEqual(r.events.slice(1, 6), [
    "start 1",
    "suspend",
    "note attached",
    "resume",
    "finish 1 ok",
  ]);
  deepStrictEqual(interactive, [true, false]);
  strictEqual(exitCodeFor(summary), 3, "a required step that lacks a program rune needs");
});

Deno.test("an abort mid-step interrupts it, starts nothing more, and exits 130", async () => {
  const dir = Deno.makeTempDirSync();
  const controller = new AbortController();
  try {
    const r = recorder();
    const running = runPlan(
      plan([
        shell(1, "first", "true"),
        shell(2, "long", `touch ${dir}/started; trap 'exit 130' INT; while :; do sleep 0.05; done`),
        shell(3, "never", `touch ${dir}/never`),
      ]),
      options(r, { signal: controller.signal }),
    );
    while (!exists(`${dir}/started`)) await new Promise((res) => setTimeout(res, 20));
    controller.abort();
    const summary = await running;
    deepStrictEqual(r.events.slice(3), [
      "start 2",
      "finish 2 interrupted: interrupted",
      "finish 3 skipped: interrupted",
      "end interrupted=true",
    ]);
    strictEqual(exists(`${dir}/never`), false);
    strictEqual(exitCodeFor(summary), 130);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("exitCodeFor() maps a summary to rune's exit codes", async (t) => {
  const ok: StepOutcome = { status: "ok", exitCode: 0, durationMs: 1 };
  const failed: StepOutcome = { status: "failed", exitCode: 1, durationMs: 1 };
  const timedOut: StepOutcome = { status: "timed-out", exitCode: null, durationMs: 1 };
  const missing: StepOutcome = { ...failed, missing: "tmux" };
  const skipped: StepOutcome = { status: "skipped", exitCode: null, durationMs: 0 };
  const started: StepOutcome = { status: "started", exitCode: null, durationMs: 1 };
  const req = shell(1, "r", "x");
  const opt = shell(2, "o", "x", { optional: true });
  const cases: [string, [Step, StepOutcome][], boolean, number][] = [
    ["nothing to run", [], false, 0],
    ["all ok", [[req, ok], [req, started]], false, 0],
    ["optional failure", [[opt, failed], [opt, timedOut], [opt, missing]], false, 0],
    ["required failure", [[req, ok], [req, failed], [req, skipped]], false, 1],
    ["required timeout", [[req, timedOut]], false, 1],
    ["required step missing tmux", [[req, missing]], false, 3],
    ["skips alone do not fail", [[req, skipped]], false, 0],
    ["interrupted wins", [[req, failed]], true, 130],
  ];
  for (const [name, results, interrupted, want] of cases) {
    await t.step(name, () => {
      const summary: RunSummary = {
        plan: plan([]),
        results: results.map(([step, outcome]) => ({ step, outcome })),
        interrupted,
      };
      strictEqual(exitCodeFor(summary), want);
    });
  }
});

function base(id: number, name: string) {
  return { id, name, scope: "project" as const, optional: false };
}
