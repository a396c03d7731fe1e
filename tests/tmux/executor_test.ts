/**
 * The tmux executor against a scripted fake tmux (the Runtime seam): how many tmux calls each
 * path makes, what it does when a build fails half-way or loses a race, and what it reports.
 * Pane shells are simulated by writing the marker files the typed marker lines would write.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { markerLine } from "../../src/tmux/build.ts";
import { READING } from "../../src/tmux/handshake.ts";
import { fakeRuntime } from "../helpers/fake_runtime.ts";
import {
  ctxWith,
  executor,
  pipeFiles,
  planned,
  shellsAnswer,
  step,
  unplanned,
  world,
} from "./executor_fixture.ts";
import { createTmuxExecutor } from "../../src/tmux/executor.ts";

/** What each pane's first typed group starts with: out of any mode (view-mode eats keys). */
const leaveModes = (id: string) => [
  "display-message",
  "-p",
  "-t",
  id,
  "MODE #{pane_id} #{pane_mode}",
  ";",
  "copy-mode",
  "-q",
  "-t",
  id,
  ";",
];

Deno.test("the common case is two tmux calls: build, then type every pane's commands", async () => {
  const runtime = fakeRuntime([shellsAnswer(["%1", "%2"]), { code: 0 }]);
  const { calls } = runtime;
  const outcome = await executor().execute(planned(unplanned), ctxWith(runtime));
  strictEqual(outcome.status, "ok");
  strictEqual(calls.length, 2);
  strictEqual(calls[0][4], "new-session");
  deepStrictEqual(calls[1], [
    "tmux",
    "-u",
    "-L",
    "t",
    ...leaveModes("%1"),
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
    ...leaveModes("%2"),
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
  deepStrictEqual(calls[1].slice(4, 18), [...leaveModes("%1"), "pipe-pane", "-t", "%1"]);
  deepStrictEqual(calls[2].slice(4), [
    ...leaveModes("%2"),
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
  deepStrictEqual(calls[4].slice(4), [
    ...leaveModes("%2"),
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
