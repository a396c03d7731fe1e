/**
 * The tmux executor against a scripted fake tmux (the Runtime seam): how many tmux calls each
 * path makes, what it does when a build fails half-way or loses a race, and what it reports.
 * Pane shells are simulated by writing the marker files the typed marker lines would write.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { createTmuxExecutor } from "../../src/tmux/executor.ts";
import type { ExecContext } from "../../src/contract/outcome.ts";
import type { TmuxStep } from "../../src/contract/plan.ts";
import type { RunOutcome, Runtime } from "../../src/exec/deno_runtime.ts";

type Answer = Partial<RunOutcome> | ((argv: readonly string[]) => Partial<RunOutcome>);

/** Answers each tmux call from `script` in order, recording argv; 127 when tmux is missing. */
function fakeRuntime(script: Answer[]) {
  const calls: string[][] = [];
  const runtime: Runtime = {
    run(argv) {
      calls.push([...argv]);
      const next = script.shift() ?? { code: 0 };
      const answer = typeof next === "function" ? next(argv) : next;
      return Promise.resolve({ code: 0, signal: null, stdout: "", stderr: "", ...answer });
    },
    env: () => ({}),
    cwd: () => "/",
    now: () => 0,
  };
  return { runtime, calls };
}

/** The pane shells "run" their marker lines: touch every marker file the argv types. */
function shellsAnswer(ids: string[]): Answer {
  return (argv) => {
    for (const a of argv) {
      const m = a.match(/^ true >(.+)$/);
      if (m) Deno.writeTextFileSync(m[1], "");
    }
    return { stdout: ids.map((id) => `${id}\n`).join("") };
  };
}

function ctxWith(runtime: Runtime, notes: string[] = []): ExecContext {
  return {
    baseEnv: { PATH: "/bin" },
    parentEnv: { PATH: "/bin" },
    signal: new AbortController().signal,
    runtime,
    terminal: { stdin: false, stdout: false },
    flags: { noTmux: false, noPty: false, detach: true, tmuxSocket: { name: "t" }, verbose: false },
    takeTerminal: () => () => {},
    note: (m) => notes.push(m),
  };
}

const step: TmuxStep = {
  kind: "tmux",
  id: 1,
  name: "ws",
  scope: "project",
  optional: false,
  session: "dev-web",
  cwd: "/p",
  env: {},
  layout: {
    template: "t",
    session: "dev-web",
    dir: "/p",
    before: [],
    windows: [{
      name: "w",
      dir: "/p",
      focus: false,
      panes: [
        { commands: ["make"], dir: "/p", focus: false, exec: false },
        { commands: ["vim"], dir: "/p", focus: false, exec: false },
      ],
    }],
  },
};

const executor = () => createTmuxExecutor({ project: "web", projectDir: "/p", uid: 0 });

Deno.test("the common case is two tmux calls: build, then type every pane's commands", async () => {
  const { runtime, calls } = fakeRuntime([shellsAnswer(["%1", "%2"]), { code: 0 }]);
  const outcome = await executor().execute(step, ctxWith(runtime));
  strictEqual(outcome.status, "ok");
  strictEqual(calls.length, 2);
  strictEqual(calls[0][3], "new-session");
  deepStrictEqual(calls[1], [
    "tmux",
    "-L",
    "t",
    "send-keys",
    "-t",
    "%1",
    "-l",
    "make",
    ";",
    "send-keys",
    "-t",
    "%1",
    "Enter",
    ";",
    "send-keys",
    "-t",
    "%2",
    "-l",
    "vim",
    ";",
    "send-keys",
    "-t",
    "%2",
    "Enter",
  ]);
});

Deno.test("a pane whose marker was drained gets its marker retyped, then its commands", async () => {
  let built = "";
  const { runtime, calls } = fakeRuntime([
    (argv) => {
      // Only the first pane's shell runs its marker; the second pane's rc drained it.
      built = argv.find((a) => a.endsWith("/w1p1"))!.slice(" true >".length);
      Deno.writeTextFileSync(built, "");
      return { stdout: "%1\n%2\n" };
    },
    shellsAnswer([]), // the retyped marker reaches the second shell
    { code: 0 },
  ]);
  const ex = createTmuxExecutor({
    project: "web",
    projectDir: "/p",
    uid: 0,
    handshakeDeadlineMs: 20_000,
  });
  const outcome = await ex.execute(step, ctxWith(runtime));
  strictEqual(outcome.status, "ok");
  strictEqual(calls.length, 3);
  deepStrictEqual(calls[1].slice(3), [
    "send-keys",
    "-t",
    "%2",
    "-l",
    ` true >${built.replace(/w1p1$/, "w1p2")}`,
    ";",
    "send-keys",
    "-t",
    "%2",
    "Enter",
  ]);
  strictEqual(calls[2].filter((a) => a === "make" || a === "vim").length, 2);
});

Deno.test("an existing session (or a lost race) is reused: one call, nothing typed", async () => {
  const notes: string[] = [];
  const { runtime, calls } = fakeRuntime([{ code: 1, stderr: "duplicate session: dev-web\n" }]);
  const ex = executor();
  const outcome = await ex.execute(step, ctxWith(runtime, notes));
  strictEqual(outcome.status, "ok");
  strictEqual(calls.length, 1);
  deepStrictEqual(notes, ['tmux session "dev-web" exists: reusing it']);
  deepStrictEqual(await ex.finish(ctxWith(runtime)), [
    'tmux session "dev-web" is ready (detached); attach with: tmux -L t attach-session -t =dev-web',
  ]);
});

Deno.test("a build that fails half-way removes the session it created, then says why", async () => {
  const { runtime, calls } = fakeRuntime([
    { code: 1, stdout: "%1\n", stderr: "no space for new pane\n" },
    { code: 0 },
    { code: 0, stdout: "tmux 3.3a\n" },
  ]);
  const outcome = await executor().execute(step, ctxWith(runtime));
  strictEqual(outcome.status, "failed");
  strictEqual(outcome.message, 'tmux could not build "dev-web": no space for new pane');
  deepStrictEqual(calls[1], ["tmux", "-L", "t", "kill-session", "-t", "=dev-web"]);
  deepStrictEqual(calls[2], ["tmux", "-V"]);
});

Deno.test("tmux missing, or older than 3.2, is reported as missing (exit 3)", async () => {
  const missing = fakeRuntime([{ code: 127 }]);
  const gone = await executor().execute(step, ctxWith(missing.runtime));
  strictEqual(gone.missing, "tmux");
  const old = fakeRuntime([{ code: 1, stderr: "unknown flag -e\n" }, { stdout: "tmux 3.1c\n" }]);
  const outcome = await executor().execute(step, ctxWith(old.runtime));
  strictEqual(outcome.missing, "tmux");
  match(outcome.message ?? "", /tmux 3\.1c is older than 3\.2/);
  strictEqual(old.calls.length, 2, "nothing to clean up: no session was created");
});

Deno.test("--no-tmux skips the step without calling tmux", async () => {
  const { runtime, calls } = fakeRuntime([]);
  const ctx = ctxWith(runtime);
  const outcome = await executor().execute(step, { ...ctx, flags: { ...ctx.flags, noTmux: true } });
  strictEqual(outcome.status, "skipped");
  strictEqual(calls.length, 0);
});
