/** runShellStep against the real `sh`: exit codes, output tails, timeouts, env, missing programs. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { missingProgram, runShellStep } from "../../src/exec/shell_step.ts";
import { denoRuntime } from "../../src/runtime.ts";
import type { ExecContext } from "../../src/rituals/outcome_types.ts";
import { processesMatching } from "../helpers/processes.ts";
import { waitFor } from "../helpers/wait_for.ts";

function ctx(overrides: Partial<ExecContext> = {}): ExecContext {
  return {
    baseEnv: { PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin", HOME: "/tmp" },
    parentEnv: {},
    signal: new AbortController().signal,
    runtime: denoRuntime,
    terminal: { stdin: false, stdout: false },
    flags: { noTmux: false, noPty: false, detach: false, verbose: false },
    takeTerminal: () => () => {},
    note: () => {},
    ...overrides,
  };
}

const step = (command: string, timeoutMs: number | null = 10_000, env = {}) => ({
  command,
  cwd: "/tmp",
  env,
  timeoutMs,
});

Deno.test("runShellStep() reports success, failure and the output tail", async () => {
  const okRun = await runShellStep(step("echo hi; exit 0"), ctx());
  strictEqual(okRun.status, "ok");
  strictEqual(okRun.exitCode, 0);
  const bad = await runShellStep(step("echo one; echo two >&2; exit 4"), ctx());
  strictEqual(bad.status, "failed");
  strictEqual(bad.exitCode, 4);
  strictEqual(bad.message, "exited with 4");
  deepStrictEqual(bad.outputTail?.sort(), ["one", "two"]);
});

Deno.test("runShellStep() runs in the step's cwd with base env plus the step's env", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const out = `${dir}/out`;
    const r = await runShellStep(
      {
        command: `pwd > out; echo "$A|$B|\${SECRET_TOKEN-unset}" >> out`,
        cwd: dir,
        env: { B: "b" },
        timeoutMs: 5000,
      },
      ctx({ baseEnv: { PATH: "/usr/bin:/bin", A: "a" } }),
    );
    strictEqual(r.status, "ok");
    strictEqual(Deno.readTextFileSync(out), `${dir}\na|b|unset\n`);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("runShellStep() names a program that is not installed", async () => {
  const r = await runShellStep(step("nosuchtool-xyz --flag"), ctx());
  strictEqual(r.status, "failed");
  strictEqual(r.exitCode, 127);
  strictEqual(r.message, 'program "nosuchtool-xyz" is not installed or not on PATH');
});

Deno.test("missingProgram() reads dash's and bash's messages", () => {
  strictEqual(missingProgram(["sh: 1: foo: not found"]), "foo");
  strictEqual(missingProgram(["/usr/bin/sh: 3: foo-bar: not found"]), "foo-bar");
  strictEqual(missingProgram(["bash: line 1: foo: command not found"]), "foo");
  strictEqual(missingProgram(["all good"]), undefined);
});

Deno.test("a timeout kills the whole process group, grandchildren included", async () => {
  const marker = `rune-timeout-${crypto.randomUUID()}`;
  const r = await runShellStep(
    // Each shell keeps running after its sleep (`; :`), so the marker stays in its argv.
    step(`sh -c "sh -c 'sleep 100; :' gc-${marker} & sleep 101; :" c-${marker} & wait`, 300),
    ctx(),
    { graceMs: 500 },
  );
  strictEqual(r.status, "timed-out");
  strictEqual(r.message, "timed out after 300ms");
  await waitFor(async () => (await processesMatching(marker)).length === 0, {
    what: `no process carrying ${marker}`,
  });
});

Deno.test("a command that ignores TERM is killed after the grace period", async () => {
  const marker = `rune-stubborn-${crypto.randomUUID()}`;
  const r = await runShellStep(
    step(`trap '' TERM; echo ${marker} >/dev/null; while :; do sleep 0.1; done`, 200),
    ctx(),
    { graceMs: 300 },
  );
  strictEqual(r.status, "timed-out");
  ok(r.durationMs >= 200);
});

Deno.test("abort (Ctrl-C) interrupts the running command's group", async () => {
  const controller = new AbortController();
  const marker = `rune-int-${crypto.randomUUID()}`;
  setTimeout(() => controller.abort(), 200);
  const r = await runShellStep(
    step(`trap 'echo got-INT; exit 130' INT; sleep 30 & wait # ${marker}`, null),
    ctx({ signal: controller.signal }),
  );
  strictEqual(r.status, "interrupted");
  ok(r.outputTail?.includes("got-INT"), JSON.stringify(r.outputTail));
  await waitFor(async () => (await processesMatching(marker)).length === 0);
});

Deno.test("a command that leaves a process holding its output does not hang rune", async () => {
  const marker = `rune-leftover-${crypto.randomUUID()}`;
  const r = await runShellStep(step(`sh -c 'sleep 3; : ${marker}' & echo started`, 5000), ctx());
  strictEqual(r.status, "ok");
  ok(r.durationMs < 2500, `took ${r.durationMs} ms`);
  for (const p of await processesMatching(marker)) {
    try {
      Deno.kill(p.pid, "SIGKILL");
    } catch { /* gone */ }
  }
});
