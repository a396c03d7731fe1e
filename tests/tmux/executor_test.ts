/**
 * The tmux executor against a scripted fake tmux (the Runtime seam): how many tmux calls each
 * path makes, what it does when a build fails half-way or loses a race, and what it reports.
 * Pane shells are simulated by writing the marker files the typed marker lines would write.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { createTmuxExecutor } from "../../src/tmux/executor.ts";
import { planTmuxCalls } from "../../src/tmux/step_plan.ts";
import { buildSession, markerLine } from "../../src/tmux/build.ts";
import { READING } from "../../src/tmux/handshake.ts";
import { decideTmuxWorld } from "../../src/tmux/world.ts";
import type { ExecContext, Runtime, TmuxStep } from "../../src/contract/mod.ts";
import { fakeRuntime } from "../helpers/fake_runtime.ts";
import type { Answer } from "../helpers/fake_runtime.ts";

/** The pane files a build's pipe-pane commands write to: "exec cat >>'DIR/w1p1.out'". */
function pipeFiles(argv: readonly string[]): string[] {
  return argv.flatMap((a, i) => {
    const m = argv[i - 2] === "pipe-pane" ? a.match(/^exec cat >>'?(.+?)'?$/) : null;
    return m ? [m[1]] : [];
  });
}

/** The pane shells start: each line editor announces it reads (READING) on its pipe. */
function shellsAnswer(ids: string[], session = "$1\tdev-web\n"): Answer {
  return (argv) => {
    for (const file of pipeFiles(argv)) Deno.writeTextFileSync(file, `${READING}$ `);
    return {
      stdout: (argv.includes("new-session") ? session : "") + ids.map((id) => `${id}\n`).join(""),
    };
  };
}

function ctxWith(runtime: Runtime, notes: string[] = []): ExecContext {
  return {
    baseEnv: { PATH: "/bin" },
    parentEnv: { PATH: "/bin" },
    signal: new AbortController().signal,
    runtime,
    terminal: { stdin: false, stdout: false },
    flags: { noTmux: false, noPty: false, detach: true, verbose: false },
    takeTerminal: () => () => {},
    note: (m) => notes.push(m),
  };
}

const unplanned: TmuxStep = {
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

const world = decideTmuxWorld({
  flags: { name: "t" },
  env: { PATH: "/bin" },
  baseEnv: { PATH: "/bin" },
  terminal: { stdin: false, stdout: false },
  detach: true,
  uid: 0,
});

/** The step with its tmux calls planned, its marker dir in a fresh temp dir. */
function planned(s: TmuxStep, budget?: number): TmuxStep {
  const plan = planTmuxCalls(
    {
      ritual: "start",
      project: { name: "web", dir: "/p", detectedBy: "argument" },
      configFile: "/c.yaml",
      steps: [s],
      envRemoved: [],
      warnings: [],
    },
    world,
    { markerDir: `${Deno.makeTempDirSync()}/rune-panes` },
  );
  const step = plan.steps[0] as TmuxStep;
  if (budget === undefined || !step.tmux) return step;
  // The same calls cut small, as a big template's would be.
  const markerDir = step.tmux.markerDir;
  const create = buildSession(step.layout!, {
    socket: world.socketArgs,
    project: "web",
    size: world.size,
    env: {},
    hide: [],
    markerDir,
    budget,
  });
  return { ...step, tmux: { ...step.tmux, create } };
}

const step = planned(unplanned);
const executor = () => createTmuxExecutor({ world });

Deno.test("the common case is two tmux calls: build, then type every pane's commands", async () => {
  const runtime = fakeRuntime([shellsAnswer(["%1", "%2"]), { code: 0 }]);
  const { calls } = runtime;
  const outcome = await executor().execute(planned(unplanned), ctxWith(runtime));
  strictEqual(outcome.status, "ok");
  strictEqual(calls.length, 2);
  strictEqual(calls[0][3], "new-session");
  deepStrictEqual(calls[1], [
    "tmux",
    "-L",
    "t",
    "pipe-pane",
    "-t",
    "%1",
    ";",
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
    "pipe-pane",
    "-t",
    "%2",
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

Deno.test("a pane rune could not pipe gets the marker, retyped when drained, then its commands", async () => {
  let marker = "";
  const runtime = fakeRuntime([
    (argv) => {
      // The first pane's shell says it reads; the second pane's pipe is the user's own.
      const [first] = pipeFiles(argv);
      Deno.writeTextFileSync(first, READING);
      marker = first.replace(/w1p1\.out$/, "w1p2");
      return { stdout: "$1\tdev-web\n%1\n%2\n" };
    },
    { code: 0 }, // the first pane's commands
    { code: 0 }, // the marker: drained by the second pane's rc
    () => (Deno.writeTextFileSync(marker, ""), {}), // the retyped marker runs
    { code: 0 },
  ]);
  const { calls } = runtime;
  const ex = createTmuxExecutor({ world, handshakeDeadlineMs: 20_000 });
  const outcome = await ex.execute(planned(unplanned), ctxWith(runtime));
  strictEqual(outcome.status, "ok");
  strictEqual(calls.length, 5);
  deepStrictEqual(calls[1].slice(3, 6), ["pipe-pane", "-t", "%1"]);
  deepStrictEqual(calls[2].slice(3), [
    "send-keys",
    "-t",
    "%2",
    "-l",
    markerLine(marker.slice(0, marker.lastIndexOf("/")), "w1p2"),
    ";",
    "send-keys",
    "-t",
    "%2",
    "Enter",
  ]);
  deepStrictEqual(calls[3], calls[2]);
  // No pipe of rune's to close on the second pane: it may be the user's.
  deepStrictEqual(calls[4].slice(3), [
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

Deno.test("rune's own session of that name (or a lost race) is reused: nothing typed", async () => {
  const notes: string[] = [];
  const runtime = fakeRuntime([
    { code: 1, stderr: "duplicate session: dev-web\n" },
    { code: 0, stdout: "web\n" },
  ]);
  const { calls } = runtime;
  const ex = executor();
  const outcome = await ex.execute(planned(unplanned), ctxWith(runtime, notes));
  strictEqual(outcome.status, "ok");
  deepStrictEqual(calls[1], [
    "tmux",
    "-L",
    "t",
    "show-options",
    "-q",
    "-v",
    "-t",
    "=dev-web:",
    "@rune-project",
  ]);
  strictEqual(calls.length, 2);
  deepStrictEqual(notes, ['tmux session "dev-web" exists: reusing it']);
  deepStrictEqual(await ex.finish(runtime), [
    "tmux session \"dev-web\" is ready (detached); attach with: tmux -L t attach-session -t '=dev-web'",
  ]);
});

Deno.test("a session of that name that rune did not make is an error saying how to resolve it", async () => {
  const runtime = fakeRuntime([{ code: 1, stderr: "duplicate session: dev-web\n" }, { code: 0 }]);
  const ex = executor();
  const outcome = await ex.execute(planned(unplanned), ctxWith(runtime));
  strictEqual(outcome.status, "failed");
  strictEqual(
    outcome.message,
    'cannot build session "dev-web": a tmux session of that name exists that rune did not ' +
      "make: rename it (tmux -L t rename-session -t '=dev-web' NEW), end it " +
      "(tmux -L t kill-session -t '=dev-web'), or set another session_name in template \"t\"",
  );
  strictEqual(runtime.calls.length, 2);
  deepStrictEqual(await ex.finish(runtime), [], "nothing to attach to");
  const vanished = fakeRuntime([
    { code: 1, stderr: "duplicate session: dev-web\n" },
    { code: 1, stderr: "can't find session: dev-web\n" },
  ]);
  const gone = await executor().execute(planned(unplanned), ctxWith(vanished));
  strictEqual(gone.status, "failed");
  strictEqual(
    gone.message,
    'cannot build session "dev-web": it exists, but tmux could not say who made it: ' +
      "can't find session: dev-web",
  );
});

Deno.test("a build that fails half-way removes the session it created by id, then says why", async () => {
  const runtime = fakeRuntime([
    { code: 1, stdout: "$4\tdev-web\n%1\n", stderr: "no space for new pane\n" },
    { code: 0 },
    { code: 0, stdout: "tmux 3.3a\n" },
  ]);
  const { calls } = runtime;
  const outcome = await executor().execute(planned(unplanned), ctxWith(runtime));
  strictEqual(outcome.status, "failed");
  strictEqual(outcome.message, 'tmux could not build "dev-web": no space for new pane');
  deepStrictEqual(calls[1], ["tmux", "-L", "t", "kill-session", "-t", "$4"]);
  deepStrictEqual(calls[2], ["tmux", "-V"]);
});

Deno.test("a build of several calls binds the session id into the later ones", async () => {
  const s = planned(unplanned, 150);
  strictEqual(s.tmux!.create.length, 4);
  const runtime = fakeRuntime([
    shellsAnswer([], "$9\tdev-web\n"),
    shellsAnswer(["%1"]),
    shellsAnswer(["%2"]),
    { code: 0 },
    { code: 0 },
  ]);
  const { calls } = runtime;
  strictEqual((await executor().execute(s, ctxWith(runtime))).status, "ok");
  deepStrictEqual(calls.map((c) => c.slice(3, 6)), [
    ["new-session", "-d", "-s"],
    ["new-window", "-t", "$9:"],
    ["split-window", "-t", "$9:"],
    ["kill-window", "-t", "$9:^"],
    ["pipe-pane", "-t", "%1"],
  ]);
  ok(!calls.flat().some((a) => a.includes("$SESSION")));
});

Deno.test("a later call that fails removes everything the earlier ones made", async () => {
  const runtime = fakeRuntime([
    { stdout: "$9\tdev-web\n" },
    { stdout: "%1\n" },
    { code: 1, stderr: "create window failed: fork failed\n" },
    { code: 0 },
    { stdout: "tmux 3.3a\n" },
  ]);
  const outcome = await executor().execute(planned(unplanned, 150), ctxWith(runtime));
  strictEqual(outcome.status, "failed");
  strictEqual(outcome.message, 'tmux could not build "dev-web": create window failed: fork failed');
  deepStrictEqual(runtime.calls[3], ["tmux", "-L", "t", "kill-session", "-t", "$9"]);
});

Deno.test("a name tmux stored differently is refused, and the session removed", async () => {
  const runtime = fakeRuntime([
    { code: 1, stdout: "$2\tdev-\\340\\242\\227\n", stderr: "can't find session: dev-\u0897\n" },
    { code: 0 },
  ]);
  const s = { ...planned(unplanned) };
  s.session = "dev-\u0897";
  const outcome = await executor().execute(s, ctxWith(runtime));
  strictEqual(outcome.status, "failed");
  match(outcome.message ?? "", /it stores that name as "dev-\\340\\242\\227"/);
  deepStrictEqual(runtime.calls[1], ["tmux", "-L", "t", "kill-session", "-t", "$2"]);
  strictEqual(runtime.calls.length, 2);
});

Deno.test("a tmux_session step is started, in a window of that session, not done", async () => {
  const s = planned({ ...unplanned, layout: undefined, session: "ops", command: "htop" });
  const added = fakeRuntime([
    { code: 1, stderr: "duplicate session: ops\n" },
    shellsAnswer(["%5 3"]),
    { code: 0 },
  ]);
  const outcome = await executor().execute(s, ctxWith(added));
  strictEqual(outcome.status, "started");
  strictEqual(outcome.message, 'in window 3 of session "ops"');
  const created = fakeRuntime([shellsAnswer(["%1"], "$1\tops\n"), { code: 0 }, { stdout: "1\n" }]);
  const fresh = await executor().execute(s, ctxWith(created));
  strictEqual(fresh.status, "started");
  strictEqual(fresh.message, 'in window 1 of session "ops"');
  deepStrictEqual(created.calls[2].slice(3), [
    "display-message",
    "-p",
    "-t",
    "%1",
    "#{window_index}",
  ]);
});

Deno.test("tmux missing, or older than 3.2, is reported as missing (exit 3)", async () => {
  const missing = fakeRuntime([{ code: 127 }]);
  const gone = await executor().execute(planned(unplanned), ctxWith(missing));
  strictEqual(gone.missing, "tmux");
  const old = fakeRuntime([{ code: 1, stderr: "unknown flag -e\n" }, { stdout: "tmux 3.1c\n" }]);
  const outcome = await executor().execute(planned(unplanned), ctxWith(old));
  strictEqual(outcome.missing, "tmux");
  match(outcome.message ?? "", /tmux 3\.1c is older than 3\.2/);
  strictEqual(old.calls.length, 2, "nothing to clean up: no session was created");
});

Deno.test("--no-tmux skips the step without calling tmux", async () => {
  const runtime = fakeRuntime([]);
  const { calls } = runtime;
  const ctx = ctxWith(runtime);
  const outcome = await executor().execute(step, { ...ctx, flags: { ...ctx.flags, noTmux: true } });
  strictEqual(outcome.status, "skipped");
  strictEqual(calls.length, 0);
});
