/** Background steps with the real `sh`: started, logged, recorded, reviewed and ended. */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runBackgroundStep } from "../../src/exec/background_step.ts";
import { reviewBackground } from "../../src/exec/background_review.ts";
import { formatBackgroundReview } from "../../src/output/background_text.ts";
import { readBackground } from "../../src/state/background_registry.ts";
import { denoRuntime } from "../../src/exec/deno_runtime.ts";
import { waitFor } from "../helpers/wait_for.ts";
import {
  background,
  context,
  killGroup,
  pidsWithMarker,
  uniqueMarker,
} from "../helpers/plan_fixture.ts";

Deno.test("a background step runs on in its own group, logs to a private file, and is recorded", async () => {
  const dir = Deno.makeTempDirSync();
  const state = `${dir}/state/rune`;
  const log = `${state}/logs/web/server.log`;
  const marker = uniqueMarker("bg");
  const step = background(
    1,
    "Dev server",
    `echo "up $OWN"; echo to-stderr >&2; exec sh -c 'while :; do echo tick; sleep 0.1; done; : ${marker}'`,
    log,
    { env: { OWN: "mine" } },
  );
  let pid = 0;
  try {
    const o = await runBackgroundStep(step, context(), { project: "web", stateDir: state });
    pid = o.pid ?? 0;
    strictEqual(o.status, "started");
    strictEqual(o.logFile, log);
    strictEqual(o.message, `pid ${pid}`);
    ok(pid > 0);
    await waitFor(() => Deno.readTextFileSync(log).split("tick").length > 3, {
      what: "the log to fill",
    });
    const text = Deno.readTextFileSync(log);
    match(text, /^up mine\nto-stderr\ntick\n/);
    strictEqual(Deno.statSync(log).mode! & 0o777, 0o600);
    strictEqual(Deno.statSync(`${state}/logs`).mode! & 0o777, 0o700);
    strictEqual(pidsWithMarker(marker).length, 1);

    const [recorded] = readBackground(state);
    deepStrictEqual(
      { ...recorded, startedAt: "-", started: typeof recorded.started },
      {
        pid,
        pgid: pid,
        project: "web",
        name: "Dev server",
        command: step.command,
        logFile: log,
        startedAt: "-",
        started: "string",
      },
    );

    const seen = await reviewBackground(denoRuntime, state, "web", { kill: false });
    deepStrictEqual(seen.running.map((e) => e.pid), [pid]);
    deepStrictEqual(
      formatBackgroundReview(seen, Date.parse(recorded.startedAt) + 65_000),
      [
        `still running from rune start: "Dev server" (pid ${pid}, up 1m5s); log ${log}`,
        "  hint: end them with: rune stop --kill-background",
      ],
    );
    const other = await reviewBackground(denoRuntime, state, "api", { kill: true });
    deepStrictEqual(other, { running: [], ended: [], forgotten: 0 }, "another project's stays");

    const ended = await reviewBackground(denoRuntime, state, "web", { kill: true });
    deepStrictEqual(ended.ended.map((e) => e.pid), [pid]);
    deepStrictEqual(formatBackgroundReview(ended, 0), [
      `ended background "Dev server" (pid ${pid}); its log stays at ${log}`,
    ]);
    deepStrictEqual(pidsWithMarker(marker), []);
    deepStrictEqual(readBackground(state), []);
  } finally {
    if (pid) killGroup(pid);
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("a background command still running for the project is not started again", async () => {
  const dir = Deno.makeTempDirSync();
  const state = `${dir}/state`;
  const marker = uniqueMarker("bg-twice");
  const command = `exec sh -c 'sleep 300; : ${marker}'`;
  const log = (n: number) => `${dir}/logs/server-${n}.log`;
  const pids: number[] = [];
  try {
    const run = async (n: number, o: { name?: string; project?: string; command?: string }) => {
      const step = background(n, o.name ?? "server", o.command ?? command, log(n));
      const r = await runBackgroundStep(step, context(), {
        project: o.project ?? "web",
        stateDir: state,
      });
      if (r.status === "started" && r.pid) pids.push(r.pid);
      return r;
    };
    const first = await run(1, {});
    strictEqual(first.status, "started");
    const again = await run(2, {});
    deepStrictEqual(again, {
      status: "skipped",
      exitCode: null,
      durationMs: again.durationMs,
      message: `already running, pid ${first.pid}`,
      logFile: log(1),
      pid: first.pid,
      via: "background",
    });
    strictEqual(pidsWithMarker(marker).length, 1, "one process, not two");
    const edited = await run(3, { command: `${command} # edited` });
    strictEqual(
      edited.message,
      `already running, pid ${first.pid} (started with another command: ` +
        "`rune stop --kill-background` ends it)",
    );
    strictEqual((await run(4, { project: "api" })).status, "started", "another project's");
    strictEqual((await run(5, { name: "worker" })).status, "started", "another name");

    await reviewBackground(denoRuntime, state, "web", { kill: true });
    strictEqual((await run(6, {})).status, "started", "once it is gone, it starts again");
  } finally {
    for (const pid of pids) killGroup(pid);
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("a background command that already exited is forgotten by the next review", async () => {
  const dir = Deno.makeTempDirSync();
  const state = `${dir}/state`;
  try {
    const o = await runBackgroundStep(
      background(1, "quick", "echo done", `${dir}/logs/q.log`),
      context(),
      { project: "web", stateDir: state },
    );
    await waitFor(() => Deno.readTextFileSync(`${dir}/logs/q.log`) === "done\n");
    await waitFor(async () => {
      const r = await reviewBackground(denoRuntime, state, "web", { kill: false });
      return r.forgotten === 1 && r.running.length === 0;
    }, { what: `pid ${o.pid} to be seen as gone` });
    deepStrictEqual(readBackground(state), []);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("a background step whose log cannot be created fails with the path", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    Deno.writeTextFileSync(`${dir}/file`, "");
    const log = `${dir}/file/sub/x.log`;
    const o = await runBackgroundStep(background(1, "x", "true", log), context(), {
      project: "web",
      stateDir: `${dir}/state`,
    });
    strictEqual(o.status, "failed");
    match(o.message ?? "", new RegExp(`^cannot create its log file "${log}": `));
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
