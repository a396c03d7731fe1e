/**
 * Cutting a build into as few calls as fit tmux's client message limit (notes/tmux_names.md
 * N7, N8): exact argv of each call for small budgets, and the invariants on a 100 × 4 layout.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { buildSession, buildTyping } from "../../src/tmux/build.ts";
import type { BuildOptions } from "../../src/tmux/build.ts";
import {
  argvBytes,
  bindSession,
  packCommands,
  SESSION_ID,
  TMUX_ARGV_BUDGET,
} from "../../src/tmux/pack.ts";
import type { PaneLayout, SessionLayout } from "../../src/contract/plan.ts";

const pane = (commands: string[]): PaneLayout => ({
  commands,
  dir: "/w",
  focus: false,
  exec: false,
});
const LAYOUT: SessionLayout = {
  template: "t",
  session: "s",
  dir: "/w",
  before: [],
  windows: [
    { name: "a", dir: "/w", focus: false, panes: [pane(["vim"]), pane([])] },
    { name: "b", dir: "/w", focus: true, panes: [pane([]), pane([]), pane(["make"])] },
  ],
};
const OPTS: BuildOptions = {
  socket: [],
  project: "web",
  size: { columns: 200, rows: 50 },
  env: {},
  hide: [],
  markerDir: "/m",
};
const ID = ["-P", "-F", "#{pane_id}"];
const HEAD = [
  "tmux",
  "new-session",
  "-d",
  "-s",
  "s",
  "-x",
  "200",
  "-y",
  "50",
  "-c",
  "/w",
  "-P",
  "-F",
  "#{session_id}\t#{session_name}",
  "cat",
  "-",
  ";",
  "set-option",
  "-t",
  "=s:",
  "@rune-project",
  "web",
];
/** A typed pane's output piped for the handshake (handshake.ts). */
const MARK = (key: string) => ["pipe-pane", "-o", `exec cat >>/m/${key}.out`];

Deno.test("buildSession() cuts at window and pane boundaries; later calls start at $SESSION", async (t) => {
  await t.step("budget 170: the head alone, a window a call, a split starts one, the tail", () => {
    const calls = buildSession(LAYOUT, { ...OPTS, budget: 170 });
    deepStrictEqual(calls.map((c) => c.argv), [
      HEAD,
      [
        "tmux",
        "new-window",
        "-t",
        "$SESSION:",
        "-n",
        "a",
        "-c",
        "/w",
        ...ID,
        ";",
        ...MARK("w1p1"),
        ";",
        "split-window",
        "-c",
        "/w",
        ...ID,
        ";",
        "select-pane",
        "-t",
        ":.-1",
      ],
      [
        "tmux",
        "new-window",
        "-t",
        "$SESSION:",
        "-n",
        "b",
        "-c",
        "/w",
        ...ID,
        ";",
        "split-window",
        "-c",
        "/w",
        ...ID,
      ],
      [
        "tmux",
        "split-window",
        "-t",
        "$SESSION:",
        "-c",
        "/w",
        ...ID,
        ";",
        ...MARK("w2p3"),
        ";",
        "select-pane",
        "-t",
        ":.-2",
      ],
      ["tmux", "kill-window", "-t", "$SESSION:^", ";", "move-window", "-r", "-t", "$SESSION:"],
    ]);
    deepStrictEqual(calls.map((c) => c.panes.map((p) => p.key)), [
      [],
      ["w1p1", "w1p2"],
      ["w2p1", "w2p2"],
      ["w2p3"],
      [],
    ]);
  });
  await t.step("budget 120: a split that starts a call names the session's current window", () => {
    const calls = buildSession(LAYOUT, { ...OPTS, budget: 120 });
    deepStrictEqual(calls.map((c) => c.argv.slice(1, 5)), [
      ["new-session", "-d", "-s", "s"],
      ["new-window", "-t", "$SESSION:", "-n"],
      ["split-window", "-t", "$SESSION:", "-c"],
      ["new-window", "-t", "$SESSION:", "-n"],
      ["split-window", "-t", "$SESSION:", "-c"],
      ["kill-window", "-t", "$SESSION:^", ";"],
    ]);
    deepStrictEqual(calls[5].argv, [
      "tmux",
      "kill-window",
      "-t",
      "$SESSION:^",
      ";",
      "move-window",
      "-r",
      "-t",
      "$SESSION:",
    ]);
  });
});

Deno.test("buildSession(): 100 windows × 4 panes in as few calls as fit, each under the limit", () => {
  const dir = "/home/someone/code/a-project-with-a-long-name/services/api/src";
  const windows = Array.from({ length: 100 }, (_, w) => ({
    name: `w${w + 1}`,
    dir,
    focus: w === 1,
    layout: "tiled",
    panes: Array.from({ length: 4 }, () => ({ ...pane(["echo hi"]), dir })),
  }));
  const calls = buildSession({ ...LAYOUT, dir, windows }, { ...OPTS, socket: ["-S", "/s"] });
  const total = argvBytes(calls.flatMap((c) => c.argv.slice(3)));
  strictEqual(calls.length, Math.ceil(total / TMUX_ARGV_BUDGET), "no call could be saved");
  calls.forEach((call, i) => {
    const args = bindSession(call.argv.slice(3), "$4294967295");
    ok(argvBytes(args) <= TMUX_ARGV_BUDGET, `call ${i + 1}: ${argvBytes(args)} bytes`);
    if (i > 0) deepStrictEqual(call.argv.slice(4, 6), ["-t", `${SESSION_ID}:`]);
    if (i === 0) ok(!call.argv.some((a) => a.includes(SESSION_ID)), "the first call names it");
  });
  deepStrictEqual(
    calls.flatMap((c) => c.panes.map((p) => p.key)),
    windows.flatMap((_, w) => [1, 2, 3, 4].map((p) => `w${w + 1}p${p}`)),
  );
  deepStrictEqual(calls.at(-1)!.argv.slice(-3), ["select-window", "-t", "$SESSION:-98"]);
});

Deno.test("bindSession() replaces $SESSION only in -t values", () => {
  deepStrictEqual(
    bindSession([
      "new-window",
      "-t",
      "$SESSION:",
      "$SESSION:",
      ";",
      "kill-window",
      "-t",
      "$SESSION:^",
    ], "$7"),
    ["new-window", "-t", "$7:", "$SESSION:", ";", "kill-window", "-t", "$7:^"],
  );
});

Deno.test("argvBytes() counts UTF-8 bytes plus the NUL of each argument, as tmux's client does", () => {
  strictEqual(argvBytes(["ab", "é", "", "🎉"]), 3 + 3 + 1 + 5);
});

Deno.test("packCommands() keeps each group whole and starts a call when the next does not fit", () => {
  const typing = buildTyping([], [{ id: "%1", lines: ["a", "b"] }, { id: "%2", lines: ["c"] }], 60);
  deepStrictEqual(typing, [
    ["tmux", "send-keys", "-t", "%1", "-l", "a", ";", "send-keys", "-t", "%1", "Enter"],
    ["tmux", "send-keys", "-t", "%1", "-l", "b", ";", "send-keys", "-t", "%1", "Enter"],
    ["tmux", "send-keys", "-t", "%2", "-l", "c", ";", "send-keys", "-t", "%2", "Enter"],
  ]);
  deepStrictEqual(packCommands(["-L", "x"], [[["a"]], [["b"]]]), [[
    "tmux",
    "-L",
    "x",
    "a",
    ";",
    "b",
  ]]);
});
