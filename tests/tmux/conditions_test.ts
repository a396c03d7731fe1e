/**
 * Checking declared conditions: output against what the pane printed since its commands were
 * typed (their echo left out), exit by #{pane_dead_status}, file by stat, timeouts; through
 * the control client's view or (the old path) capture-pane.
 */
import { deepStrictEqual } from "node:assert/strict";
import { checkWatches } from "../../src/tmux/conditions.ts";
import type { Watch } from "../../src/tmux/conditions.ts";
import { PaneOutputs } from "../../src/tmux/pane_output.ts";
import type { ReadyCondition } from "../../src/contract/mod.ts";
import { fakeLink } from "./fake_link.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

function watch(condition: ReadyCondition, typed: string[] = [], since = 0): Watch {
  return {
    condition,
    panes: [{ id: "%3", typed, since }],
    startedAt: 0,
    verdict: { state: "pending" },
  };
}

Deno.test("output: the typed command's echo never counts, the program's line does", async () => {
  const outputs = new PaneOutputs();
  const cmd = "./db --say 'ready to accept connections'";
  const w = watch({ kind: "output", pattern: "ready to accept connections", timeoutMs: 0 }, [cmd]);
  outputs.feed("%3", bytes(`$ ${cmd}\r\n`));
  await checkWatches([w], { link: fakeLink(), outputs, now: 10 });
  deepStrictEqual(w.verdict, { state: "pending" });
  outputs.feed("%3", bytes("LOG: starting\r\nLOG: \x1b[1mready\x1b[0m to accept connections\r\n"));
  await checkWatches([w], { link: fakeLink(), outputs, now: 20 });
  deepStrictEqual(w.verdict, { state: "ready" });
});

Deno.test("output: lines before the typing are not the program's; a flood between looks loses none", async () => {
  const outputs = new PaneOutputs();
  outputs.feed("%3", bytes("rc says ready\r\n$ "));
  const w = watch({ kind: "output", pattern: "ready", timeoutMs: 0 }, ["./run"], 1);
  await checkWatches([w], { link: fakeLink(), outputs, now: 1 });
  deepStrictEqual(w.verdict, { state: "pending" });
  outputs.feed("%3", bytes("ready\r\n" + "noise\r\n".repeat(5000)));
  await checkWatches([w], { link: fakeLink(), outputs, now: 2 });
  deepStrictEqual(w.verdict, { state: "ready" });
});

Deno.test("a condition still pending at its timeout fails as timed out; 0 waits for ever", async () => {
  const outputs = new PaneOutputs();
  const timed = watch({ kind: "output", pattern: "never", timeoutMs: 1000 });
  const forever = watch({ kind: "output", pattern: "never", timeoutMs: 0 });
  await checkWatches([timed, forever], { link: fakeLink(), outputs, now: 999 });
  deepStrictEqual(timed.verdict, { state: "pending" });
  await checkWatches([timed, forever], { link: fakeLink(), outputs, now: 1000 });
  deepStrictEqual(timed.verdict, { state: "failed", reason: "timed out" });
  deepStrictEqual(forever.verdict, { state: "pending" });
});

Deno.test("exit: ready on the status asked for, failed on another, failed when the pane is gone", async () => {
  const dead = (status: string) =>
    fakeLink((commands) => ({
      ok: true,
      lines: commands.map((c) => c[4].replace("#{pane_dead} #{pane_dead_status}", `1 ${status}`)),
    }));
  const cases: [string, ReturnType<typeof fakeLink>, unknown][] = [
    ["status 0", dead("0"), { state: "ready" }],
    ["status 3", dead("3"), { state: "failed", reason: "it exited with status 3" }],
    ["running", fakeLink(() => ({ ok: true, lines: ["RUNE-DEAD %3 0 "] })), { state: "pending" }],
    ["gone", fakeLink(() => ({ ok: false, message: "can't find pane: %3" })), {
      state: "failed",
      reason: "pane %3 is gone",
    }],
  ];
  for (const [name, link, want] of cases) {
    const w = watch({ kind: "exit", status: 0, timeoutMs: 0 });
    await checkWatches([w], { link, now: 1 });
    deepStrictEqual(w.verdict, want, name);
  }
});

Deno.test("output on the old path: the pane's text by capture-pane, filed under its mark", async () => {
  const link = fakeLink(() => ({
    ok: true,
    lines: ["RUNE-CAPTURE %3", "$ ./db", "LOG: ready", "$ "],
  }), "cli");
  const w = watch({ kind: "output", pattern: "^LOG: ready$", timeoutMs: 0 }, ["./db"]);
  await checkWatches([w], { link, now: 1 });
  deepStrictEqual(w.verdict, { state: "ready" });
  deepStrictEqual(link.commands().map((c) => c[0]), ["display-message", "capture-pane"]);
});

Deno.test("file: ready once the path exists", async () => {
  const dir = Deno.makeTempDirSync();
  const w = watch({ kind: "file", path: `${dir}/ready.flag`, timeoutMs: 0 });
  await checkWatches([w], { link: fakeLink(), now: 1 });
  deepStrictEqual(w.verdict, { state: "pending" });
  Deno.writeTextFileSync(`${dir}/ready.flag`, "");
  await checkWatches([w], { link: fakeLink(), now: 2 });
  deepStrictEqual(w.verdict, { state: "ready" });
  Deno.removeSync(dir, { recursive: true });
});
