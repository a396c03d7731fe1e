/**
 * The exact tmux argv of the template features (issue 15): env, options, window options,
 * titles, pane shells, synchronize, and --append's window builds. Each call's argv is compared
 * whole, cut at its ";" elements into commands (still arrays: nothing is joined).
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import { buildSession } from "../../src/tmux/build.ts";
import type { BuildOptions } from "../../src/tmux/build.ts";
import { buildAppendWindows } from "../../src/tmux/build_append.ts";
import { syncWindows } from "../../src/tmux/build_window.ts";
import { argvBytes, bindSession, SESSION_ID, TMUX_ARGV_BUDGET } from "../../src/tmux/pack.ts";
import type { PaneLayout, SessionLayout, WindowLayout } from "../../src/contract/plan.ts";

const OPTS: BuildOptions = {
  socket: ["-S", "/s"],
  project: "web",
  size: { columns: 200, rows: 50 },
  env: { RUNE_PROJECT: "web" },
  hide: [],
  markerDir: "/m",
};

const pane = (commands: string[], extra: Partial<PaneLayout> = {}): PaneLayout => ({
  commands,
  dir: "/w",
  focus: false,
  exec: false,
  ...extra,
});
const win = (name: string, panes: PaneLayout[], extra: Partial<WindowLayout> = {}) => ({
  name,
  dir: "/w",
  focus: false,
  panes,
  ...extra,
});
const layout = (windows: WindowLayout[], extra: Partial<SessionLayout> = {}): SessionLayout => ({
  template: "t",
  session: "dev",
  dir: "/w",
  before: [],
  windows,
  ...extra,
});

/** The commands of one call: its argv after `tmux -S /s`, cut at each ";" element. */
function commands(argv: string[]): string[][] {
  deepStrictEqual(argv.slice(0, 3), ["tmux", "-S", "/s"]);
  const out: string[][] = [[]];
  for (const a of argv.slice(3)) {
    if (a === ";") out.push([]);
    else out[out.length - 1].push(a);
  }
  return out;
}

const ID = ["-P", "-F", "#{pane_id}"];
const NEW_SESSION = [
  "new-session",
  "-d",
  "-s",
  "dev",
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
];
const MARK = ["set-option", "-t", "=dev:", "@rune-project", "web"];
/** The variables every pane gets, kept as JSON for `rune session save`. */
const ENV_MARK = ["set-option", "-t", "=dev:", "@rune-env", '{"RUNE_PROJECT":"web"}'];
const PIPE = (key: string) => ["pipe-pane", "-o", `exec cat >>/m/${key}.out`];
/** A window's first pane is its active one (an offset back from the last). */
const FIRST = ["select-pane", "-t", ":.-1"];
const END = [["kill-window", "-t", "=dev:^"], ["move-window", "-r", "-t", "=dev:"]];

const cases: { name: string; layout: SessionLayout; want: string[][] }[] = [
  {
    name: "template env is set on the session (for later panes); each pane gets its own with -e",
    layout: layout([
      win("a", [pane(["x"], { env: { A: "1", B: "two words" } }), pane([], { env: { A: "2" } })]),
    ], { env: { A: "1" } }),
    want: [
      NEW_SESSION,
      MARK,
      ENV_MARK,
      ["set-environment", "-t", "=dev:", "A", "1"],
      [
        "new-window",
        "-t",
        "=dev:",
        "-n",
        "a",
        "-c",
        "/w",
        "-e",
        "RUNE_PROJECT=web",
        "-e",
        "A=1",
        "-e",
        "B=two words",
        ...ID,
      ],
      PIPE("w1p1"),
      ["split-window", "-c", "/w", "-e", "RUNE_PROJECT=web", "-e", "A=2", ...ID],
      FIRST,
      ...END,
    ],
  },
  {
    name: "session options before any real pane; window options right after its new-window",
    layout: layout([
      win("a", [pane([]), pane([])], {
        options: { "pane-border-format": "#{pane_index}: #{pane_title}", "remain-on-exit": "on" },
      }),
    ], { options: { "default-shell": "/bin/sh", "status-left": "[#S];" } }),
    want: [
      NEW_SESSION,
      MARK,
      ENV_MARK,
      ["set-option", "-t", "=dev:", "default-shell", "/bin/sh"],
      // An option value is the user's tmux format: only a trailing ";" is escaped.
      ["set-option", "-t", "=dev:", "status-left", "[#S]\\;"],
      ["new-window", "-t", "=dev:", "-n", "a", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      ["set-option", "-w", "pane-border-format", "#{pane_index}: #{pane_title}"],
      ["set-option", "-w", "remain-on-exit", "on"],
      ["split-window", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      FIRST,
      ...END,
    ],
  },
  {
    name: "a title is select-pane -T right after its pane, as a literal format",
    layout: layout([win("a", [pane([], { title: "ed #(touch /tmp/p) #{pane_id}" })])]),
    want: [
      NEW_SESSION,
      MARK,
      ENV_MARK,
      ["new-window", "-t", "=dev:", "-n", "a", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      ["select-pane", "-T", "ed ##(touch /tmp/p) ##{pane_id}"],
      ...END,
    ],
  },
  {
    name: "a shell pane runs its program as the pane's process; its lines wait to be typed",
    layout: layout([win("a", [pane(["print(1)"], { shell: "/usr/bin/python3 -q" })])]),
    want: [
      NEW_SESSION,
      MARK,
      ENV_MARK,
      [
        "new-window",
        "-t",
        "=dev:",
        "-n",
        "a",
        "-c",
        "/w",
        "-e",
        "RUNE_PROJECT=web",
        ...ID,
        "/usr/bin/python3 -q",
      ],
      PIPE("w1p1"),
      ...END,
    ],
  },
  {
    name: "synchronize on a window with no typed pane is set in the build, after its layout",
    layout: layout([win("a", [pane([]), pane([])], { synchronize: "after", layout: "tiled" })]),
    want: [
      NEW_SESSION,
      MARK,
      ENV_MARK,
      ["new-window", "-t", "=dev:", "-n", "a", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      ["split-window", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      ["select-layout", "tiled"],
      ["set-option", "-w", "synchronize-panes", "on"],
      FIRST,
      ...END,
    ],
  },
  {
    name: "synchronize on a window with typed panes is left to the typing phase",
    layout: layout([win("a", [pane(["x"]), pane([])], { synchronize: "before" })]),
    want: [
      NEW_SESSION,
      MARK,
      ENV_MARK,
      ["new-window", "-t", "=dev:", "-n", "a", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      PIPE("w1p1"),
      ["split-window", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      FIRST,
      ...END,
    ],
  },
];

Deno.test("buildSession() builds the template features in the one call", async (t) => {
  for (const c of cases) {
    await t.step(c.name, () => {
      const calls = buildSession(c.layout, OPTS);
      deepStrictEqual(calls.map((call) => commands(call.argv)), [c.want]);
    });
  }
});

Deno.test("a shell pane's lines are typed into its program, and it never gets the marker", () => {
  const [call] = buildSession(
    layout([win("a", [pane(["print(1)"], { shell: "/usr/bin/python3" }), pane(["ls"])])]),
    OPTS,
  );
  deepStrictEqual(call.panes, [
    { key: "w1p1", commands: ["print(1)"], program: "/usr/bin/python3" },
    { key: "w1p2", commands: ["ls"] },
  ]);
});

Deno.test("syncWindows() names the typed panes each synchronized window waits for", () => {
  deepStrictEqual(
    syncWindows([
      win("a", [pane(["x"]), pane([]), pane(["y"])], { synchronize: "after" }),
      win("b", [pane(["z"])]),
      win("c", [pane([])], { synchronize: "before" }),
      win("d", [pane(["q"], { exec: true }), pane(["r"])], { synchronize: "before" }),
    ]),
    [{ panes: ["w1p1", "w1p3"], when: "after" }, { panes: ["w4p2"], when: "before" }],
  );
});

Deno.test("buildAppendWindows(): each named window appended after the session's last", () => {
  const windows = buildAppendWindows(
    layout([
      win("editor", [pane(["vim"], { title: "ed" })], { options: { "remain-on-exit": "on" } }),
      { ...win("x", [pane([])]), name: undefined },
      win("logs", [pane([]), pane([])]),
    ]),
    OPTS,
  );
  deepStrictEqual(windows.map((w) => [w.name, w.build.map((c) => commands(c.argv))]), [
    ["editor", [[
      [
        "new-window",
        "-a",
        "-t",
        "$SESSION:{end}",
        "-n",
        "editor",
        "-c",
        "/w",
        "-e",
        "RUNE_PROJECT=web",
        ...ID,
      ],
      ["set-option", "-w", "remain-on-exit", "on"],
      ["select-pane", "-T", "ed"],
      PIPE("w1p1"),
    ]]],
    ["logs", [[
      [
        "new-window",
        "-a",
        "-t",
        "$SESSION:{end}",
        "-n",
        "logs",
        "-c",
        "/w",
        "-e",
        "RUNE_PROJECT=web",
        ...ID,
      ],
      ["split-window", "-c", "/w", "-e", "RUNE_PROJECT=web", ...ID],
      FIRST,
    ]]],
  ]);
  deepStrictEqual(windows[0].build[0].panes, [{ key: "w1p1", commands: ["vim"] }]);
  deepStrictEqual(windows.map((w) => w.focus), [false, false]);
  deepStrictEqual(windows[1].build[0].panes.map((p) => p.key), ["w3p1", "w3p2"]);
});

Deno.test("a big template with every feature is cut into calls under the limit, as any build", () => {
  const windows = Array.from({ length: 60 }, (_, w) =>
    win(`w${w + 1}`, [
      pane(["vim"], { title: `t${w}`, env: { PORT: String(8000 + w) } }),
      pane(["make"], { shell: "/usr/bin/python3" }),
    ], { options: { "remain-on-exit": "on" }, synchronize: "after" }));
  const calls = buildSession(
    layout(windows, { env: { A: "1" }, options: { status: "off" } }),
    OPTS,
  );
  ok(calls.length > 1, `${calls.length} call(s)`);
  calls.forEach((call, i) => {
    const args = bindSession(call.argv.slice(3), "$4294967295");
    ok(argvBytes(args) <= TMUX_ARGV_BUDGET, `call ${i + 1}: ${argvBytes(args)} bytes`);
    // Every later call starts at the session: window options and titles never land elsewhere.
    if (i > 0) deepStrictEqual(call.argv.slice(3, 6).slice(1), ["-t", `${SESSION_ID}:`]);
  });
  deepStrictEqual(
    calls.flatMap((c) => c.panes.map((p) => p.key)),
    windows.flatMap((_, w) => [`w${w + 1}p1`, `w${w + 1}p2`]),
  );
});
