/**
 * Running a planned build against a scripted fake tmux: reuse of rune's own session, refusal of
 * a foreign one, several calls bound to the session id, and everything removed on failure.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { fakeRuntime } from "../helpers/fake_runtime.ts";
import { ctxWith, executor, planned, shellsAnswer, unplanned } from "./executor_fixture.ts";

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
    "-u",
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
  deepStrictEqual(calls[1], ["tmux", "-u", "-L", "t", "kill-session", "-t", "$4"]);
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
  deepStrictEqual(calls.map((c) => c.slice(4, 7)), [
    ["new-session", "-d", "-s"],
    ["new-window", "-t", "$9:"],
    ["split-window", "-t", "$9:"],
    ["kill-window", "-t", "$9:^"],
    ["display-message", "-p", "-t"],
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
  deepStrictEqual(runtime.calls[3], ["tmux", "-u", "-L", "t", "kill-session", "-t", "$9"]);
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
  deepStrictEqual(runtime.calls[1], ["tmux", "-u", "-L", "t", "kill-session", "-t", "$2"]);
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
  deepStrictEqual(created.calls[2].slice(4), [
    "display-message",
    "-p",
    "-t",
    "%1",
    "#{window_index}",
  ]);
});
