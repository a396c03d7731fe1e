import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { clip, LiveReporter, renderLive, shortenMiddle } from "../../src/output/report_live.ts";
import type { LiveRow } from "../../src/output/report_live.ts";
import { makeColors } from "../../src/base/colors.ts";
import { background, plan, shell } from "../helpers/plan_fixture.ts";
import { screenOf } from "../helpers/screen.ts";

const plain = makeColors(false);
const s = (i: number, name = `step ${i}`) => shell(i, name, "true");
const okRow = (i: number): LiveRow => ({
  step: s(i),
  startedAt: 0,
  outcome: { status: "ok", exitCode: 0, durationMs: 10 },
});

Deno.test("renderLive() shows every step's state, elapsed time, and output", () => {
  const rows: LiveRow[] = [
    okRow(1),
    {
      step: s(2, "Lint"),
      startedAt: 0,
      outcome: {
        status: "failed",
        exitCode: 1,
        durationMs: 300,
        message: "exited with 1",
        outputTail: ["a", "b"],
      },
    },
    { step: s(3, "Build"), startedAt: 1000, lastLine: "compiling x.ts" },
    { step: s(4, "Test") },
  ];
  const lines = renderLive(
    { header: "rune start web", rows, now: 2500, columns: 80, maxLines: 23 },
    plain,
  );
  deepStrictEqual(lines, [
    "rune start web",
    "✓ step 1  ok · 10ms",
    "✗ Lint  failed · exited with 1 · 300ms",
    "    │ a",
    "    │ b",
    "⠴ Build  1.5s",
    "    compiling x.ts",
    "· Test",
  ]);
});

Deno.test("renderLive() folds finished steps, then pending ones, to fit the terminal", () => {
  const rows: LiveRow[] = [
    ...[1, 2, 3, 4, 5].map(okRow),
    { step: s(6), startedAt: 0 },
    ...[7, 8, 9, 10].map((i) => ({ step: s(i) })),
  ];
  const snap = { header: "h", rows, now: 0, columns: 80 };
  deepStrictEqual(renderLive({ ...snap, maxLines: 8 }, plain), [
    "h",
    "✓ 4 steps done",
    "✓ step 5  ok · 10ms",
    "⠋ step 6  0ms",
    "· step 7",
    "· step 8",
    "· step 9",
    "· step 10",
  ]);
  deepStrictEqual(renderLive({ ...snap, maxLines: 4 }, plain), [
    "h",
    "✓ 5 steps done",
    "⠋ step 6  0ms",
    "· 4 more",
  ]);
  strictEqual(renderLive({ ...snap, maxLines: Infinity }, plain).length, 11);
});

Deno.test("renderLive() never shows more lines than it may, even with long failure tails", () => {
  const tail = Array.from({ length: 20 }, (_, i) => `line ${i}`);
  const rows: LiveRow[] = [{
    step: s(1),
    startedAt: 0,
    outcome: { status: "failed", exitCode: 1, durationMs: 1, outputTail: tail },
  }];
  const lines = renderLive({ header: "h", rows, now: 0, columns: 80, maxLines: 5 }, plain);
  strictEqual(lines.length, 5);
});

Deno.test("clip() cuts to the width without breaking colour codes", () => {
  strictEqual(clip("abcdef", 4), "abc");
  strictEqual(clip("\x1b[31mabcdef\x1b[39m", 4), "\x1b[31mabc\x1b[0m");
  strictEqual(clip("abc", 80), "abc");
});

Deno.test("LiveReporter hides the cursor while drawing and shows it again at the end", () => {
  let out = "";
  const r = new LiveReporter({
    write: (t) => out += t,
    colors: plain,
    size: () => ({ columns: 80, rows: 24 }),
    now: () => 0,
  });
  const p = plan([s(1), s(2)]);
  r.begin(p);
  ok(out.startsWith("\x1b[?25l"), JSON.stringify(out));
  r.stepStarted(p.steps[0]);
  r.stepFinished({ step: p.steps[0], outcome: { status: "ok", exitCode: 0, durationMs: 5 } });
  r.stepStarted(p.steps[1]);
  r.stepFinished({ step: p.steps[1], outcome: { status: "ok", exitCode: 0, durationMs: 5 } });
  r.end({ plan: p, results: [], interrupted: false });
  ok(out.endsWith("\x1b[?25h"), JSON.stringify(out.slice(-40)));
  const atEnd = out.length;
  r.note("attach with: tmux attach -t dev-web");
  strictEqual(out.slice(atEnd), "note: attach with: tmux attach -t dev-web\n", "no redraw");
  deepStrictEqual(screenOf(out), [
    "rune start web (project found by argument)",
    "✓ step 1  ok · 5ms",
    "✓ step 2  ok · 5ms",
    "rune start web: nothing to run · 0ms",
    "note: attach with: tmux attach -t dev-web",
  ]);
});

Deno.test("LiveReporter.suspend() gives the terminal back with the cursor visible", () => {
  let out = "";
  const r = new LiveReporter({
    write: (t) => out += t,
    colors: plain,
    size: () => ({ columns: 80, rows: 24 }),
    now: () => 0,
  });
  r.begin(plan([s(1)]));
  r.suspend();
  ok(out.endsWith("\x1b[?25h"));
  const before = out.length;
  r.note("attached to dev-web");
  strictEqual(out.length, before, "nothing drawn while a step owns the terminal");
  r.resume();
  ok(out.slice(before).startsWith("\x1b[?25l"));
  ok(out.includes("note: attached to dev-web"));
  r.restoreTerminal();
  ok(out.endsWith("\x1b[?25h"));
});

function live(columns = 80) {
  const w = { out: "" };
  const r = new LiveReporter({
    write: (t) => w.out += t,
    colors: plain,
    size: () => ({ columns, rows: 24 }),
    now: () => 0,
  });
  return { r, w };
}

const ok5 = { status: "ok", exitCode: 0, durationMs: 5 } as const;

Deno.test("LiveReporter: a note made during the run goes below the header, never above it", () => {
  const { r, w } = live();
  const p = plan([s(1, "Workspace"), s(2)]);
  r.begin(p);
  r.stepStarted(p.steps[0]);
  r.note('tmux session "dev-web" exists: reusing it');
  r.stepFinished({ step: p.steps[0], outcome: ok5 });
  r.stepStarted(p.steps[1]);
  r.stepFinished({ step: p.steps[1], outcome: ok5 });
  r.end({ plan: p, results: [], interrupted: false });
  deepStrictEqual(screenOf(w.out), [
    "rune start web (project found by argument)",
    'note: tmux session "dev-web" exists: reusing it',
    "✓ Workspace  ok · 5ms",
    "✓ step 2  ok · 5ms",
    "rune start web: nothing to run · 0ms",
  ]);
});

Deno.test("LiveReporter: an interactive step does not make the whole block print again", () => {
  const { r, w } = live();
  const p = plan([s(1, "Fetch"), s(2, "REPL"), s(3, "After")]);
  r.begin(p);
  r.stepStarted(p.steps[0]);
  r.stepFinished({ step: p.steps[0], outcome: ok5 });
  r.stepStarted(p.steps[1]);
  r.suspend();
  w.out += ">>> print(42)\n42\n>>> exit()\n"; // the program's own output, on the same terminal
  r.resume();
  r.stepFinished({ step: p.steps[1], outcome: ok5 });
  r.stepStarted(p.steps[2]);
  r.stepFinished({ step: p.steps[2], outcome: ok5 });
  r.end({ plan: p, results: [], interrupted: false });
  deepStrictEqual(screenOf(w.out), [
    "rune start web (project found by argument)",
    "✓ Fetch  ok · 5ms",
    "⠋ REPL  0ms",
    ">>> print(42)",
    "42",
    ">>> exit()",
    "✓ REPL  ok · 5ms",
    "✓ After  ok · 5ms",
    "rune start web: nothing to run · 0ms",
  ]);
});

Deno.test("LiveReporter: at 60 columns a background log path keeps its file name", () => {
  const { r, w } = live(60);
  const log = "/home/someone/.local/state/rune/logs/web-app/dev-server-2026-12-01T20-19-37.log";
  const p = plan([background(1, "Dev server", "npm run dev", log)]);
  r.begin(p);
  r.stepStarted(p.steps[0]);
  const outcome = {
    status: "started",
    exitCode: null,
    durationMs: 9,
    message: "pid 4242",
    logFile: log,
    pid: 4242,
    via: "background",
  } as const;
  r.stepFinished({ step: p.steps[0], outcome });
  r.end({ plan: p, results: [], interrupted: false });
  const screen = screenOf(w.out);
  strictEqual(screen[1], "▶ Dev server  started · pid 4242 · 9ms");
  strictEqual(screen[2], "    log /home/someone/.l…dev-server-2026-12-01T20-19-37.log");
  ok(screen.every((l) => l.length < 60), screen.join("\n"));
});

Deno.test("shortenMiddle() keeps the start and more of the end", () => {
  strictEqual(shortenMiddle("/a/b/c.log", 20), "/a/b/c.log");
  strictEqual(shortenMiddle("abcdefghijklmnopqrstuvwxyz", 10), "abc…uvwxyz");
  strictEqual(shortenMiddle("abcdef", 1), "…");
});
