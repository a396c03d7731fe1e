/** The exact tmux argv for a layout (compared as arrays: a join would hide spaced args). */
import { deepStrictEqual } from "node:assert/strict";
import { buildAddWindow, buildSession, buildTyping } from "../../src/tmux/build.ts";
import type { BuildOptions } from "../../src/tmux/build.ts";
import { closeHookCommand, closeHookIndex } from "../../src/tmux/close_hook.ts";
import type { PaneLayout, SessionLayout, WindowLayout } from "../../src/contract/plan.ts";

const OPTS: BuildOptions = {
  socket: ["-S", "/s"],
  project: "web",
  size: { columns: 200, rows: 50 },
  env: {},
  hide: [],
  markerDir: "/m",
};

const HOOK = {
  session: "s",
  project: "web",
  projectDir: "/p",
  configFile: "/c.yaml",
  stateDir: "/st/rune",
  runeArgv: ["/bin/rune"],
  env: { HOME: "/h", XDG_STATE_HOME: null },
};

const pane = (commands: string[], extra: Partial<PaneLayout> = {}): PaneLayout => ({
  commands,
  dir: "/w",
  focus: false,
  exec: false,
  ...extra,
});
const win = (name: string | undefined, panes: PaneLayout[], extra: Partial<WindowLayout> = {}) => ({
  name,
  dir: "/w",
  focus: false,
  panes,
  ...extra,
});
const layout = (windows: WindowLayout[], session = "dev-web"): SessionLayout => ({
  template: "t",
  session,
  dir: "/w",
  before: [],
  windows,
});

const NEW = ["new-session", "-d", "-s"];
const SIZE = ["-x", "200", "-y", "50"];
const ID = ["-P", "-F", "#{pane_id}"];
/** A typed pane's output piped for the handshake (handshake.ts). */
const MARK = (key: string) => ["pipe-pane", "-o", `exec cat >>/m/${key}.out`];
/** The placeholder session, marked as rune's: "$3<TAB>NAME" printed, `cat` run without a shell. */
const HEAD = (session: string, blanks: string[] = []) => [
  "tmux",
  "-S",
  "/s",
  ...NEW,
  session,
  ...SIZE,
  "-c",
  "/w",
  ...blanks,
  "-P",
  "-F",
  "#{session_id}\t#{session_name}",
  "cat",
  "-",
  ";",
  "set-option",
  "-t",
  `=${session}:`,
  "@rune-project",
  "web",
];
/** The placeholder window goes, the real ones are renumbered from base-index. */
const TAIL = (session: string) => [
  "kill-window",
  "-t",
  `=${session}:^`,
  ";",
  "move-window",
  "-r",
  "-t",
  `=${session}:`,
];

const cases: {
  name: string;
  layout: SessionLayout;
  options?: Partial<BuildOptions>;
  want: string[];
}[] = [
  {
    name: "one pane: a marked placeholder session, the window, its handshake marker",
    layout: layout([win("edit", [pane(["vim"])])]),
    want: [
      ...HEAD("dev-web"),
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "edit",
      "-c",
      "/w",
      ...ID,
      ";",
      ...MARK("w1p1"),
      ";",
      ...TAIL("dev-web"),
    ],
  },
  {
    name: "layout is applied after the splits; focus is an offset back from the last pane",
    layout: layout([
      win("code", [pane(["vim"]), pane([], { focus: true }), pane(["make"], { dir: "/w/api" })], {
        layout: "main-vertical",
      }),
    ]),
    want: [
      ...HEAD("dev-web"),
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "code",
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
      "split-window",
      "-c",
      "/w/api",
      ...ID,
      ";",
      ...MARK("w1p3"),
      ";",
      "select-layout",
      "main-vertical",
      ";",
      "select-pane",
      "-t",
      ":.-1",
      ";",
      ...TAIL("dev-web"),
    ],
  },
  {
    name: "windows are added to the session by name; the focused one is selected at the end",
    layout: layout([
      win("a", [pane([])]),
      win(undefined, [pane([])], { focus: true }),
      win("c", []),
    ]),
    want: [
      ...HEAD("dev-web"),
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "a",
      "-c",
      "/w",
      ...ID,
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-c",
      "/w",
      ...ID,
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "c",
      "-c",
      "/w",
      ...ID,
      ";",
      ...TAIL("dev-web"),
      ";",
      "select-window",
      "-t",
      "=dev-web:-1",
    ],
  },
  {
    name: "more than three panes are retiled between splits so tmux has room",
    layout: layout([win("w", [pane([]), pane([]), pane([]), pane([])])]),
    want: [
      ...HEAD("dev-web"),
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "w",
      "-c",
      "/w",
      ...ID,
      ";",
      "split-window",
      "-c",
      "/w",
      ...ID,
      ";",
      "select-layout",
      "tiled",
      ";",
      "split-window",
      "-c",
      "/w",
      ...ID,
      ";",
      "select-layout",
      "tiled",
      ";",
      "split-window",
      "-c",
      "/w",
      ...ID,
      ";",
      "select-layout",
      "tiled",
      ";",
      "select-pane",
      "-t",
      ":.-3",
      ";",
      ...TAIL("dev-web"),
    ],
  },
  {
    name: "hostile names, dirs and exec commands stay literal: formats escaped, trailing ; too",
    layout: layout(
      [win("w#(touch /tmp/p)#[x]", [pane(["tail -f log;"], { exec: true, dir: "/d#[a]#{p};" })])],
      "x;",
    ),
    want: [
      "tmux",
      "-S",
      "/s",
      ...NEW,
      "x\\;",
      ...SIZE,
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
      "=x;:",
      "@rune-project",
      "web",
      ";",
      "new-window",
      "-t",
      "=x;:",
      "-n",
      "w##(touch /tmp/p)#[x]",
      "-c",
      "/d#[a]##{p}\\;",
      ...ID,
      "tail -f log\\;",
      ";",
      ...TAIL("x;"),
    ],
  },
  {
    name: "names to hide are blanked in the placeholder and removed before any real pane starts",
    layout: layout([win("w", [pane(["x"]), pane([])])]),
    options: { env: { A: "1" }, hide: ["GITHUB_TOKEN", "AWS_SECRET"] },
    want: [
      ...HEAD("dev-web", ["-e", "GITHUB_TOKEN=", "-e", "AWS_SECRET="]),
      ";",
      // What every pane was given, for `rune session save`.
      "set-option",
      "-t",
      "=dev-web:",
      "@rune-env",
      '{"A":"1"}',
      ";",
      "set-environment",
      "-t",
      "=dev-web:",
      "-r",
      "GITHUB_TOKEN",
      ";",
      "set-environment",
      "-t",
      "=dev-web:",
      "-r",
      "AWS_SECRET",
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "w",
      "-c",
      "/w",
      "-e",
      "A=1",
      ...ID,
      ";",
      ...MARK("w1p1"),
      ";",
      "split-window",
      "-c",
      "/w",
      "-e",
      "A=1",
      ...ID,
      ";",
      "select-pane",
      "-t",
      ":.-1",
      ";",
      ...TAIL("dev-web"),
    ],
  },
  {
    name: "a window listed without panes still gets one shell, in the window's dir",
    layout: layout([win("empty", [], { dir: "/w/e" })]),
    want: [
      ...HEAD("dev-web"),
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "empty",
      "-c",
      "/w/e",
      ...ID,
      ";",
      ...TAIL("dev-web"),
    ],
  },
  {
    name: "the close hook is set last, so a build that fails half-way never installs it",
    layout: layout([win("w", [pane([])])], "s"),
    options: { closeHook: HOOK },
    want: [
      ...HEAD("s"),
      ";",
      "new-window",
      "-t",
      "=s:",
      "-n",
      "w",
      "-c",
      "/w",
      ...ID,
      ";",
      ...TAIL("s"),
      ";",
      "set-hook",
      "-g",
      `session-closed[${closeHookIndex("s")}]`,
      closeHookCommand(HOOK),
    ],
  },
  {
    name: "an exec pane without commands is a plain shell",
    layout: layout([win("w", [pane([], { exec: true })])]),
    want: [
      ...HEAD("dev-web"),
      ";",
      "new-window",
      "-t",
      "=dev-web:",
      "-n",
      "w",
      "-c",
      "/w",
      ...ID,
      ";",
      ...TAIL("dev-web"),
    ],
  },
];

Deno.test("buildSession() builds a session in one tmux call when it fits", async (t) => {
  for (const c of cases) {
    await t.step(c.name, () => {
      const calls = buildSession(c.layout, { ...OPTS, ...c.options });
      deepStrictEqual(calls.map((call) => call.argv), [c.want]);
    });
  }
});

Deno.test("buildSession() lists the typed panes in creation order with their commands", () => {
  const [built] = buildSession(
    layout([
      win("a", [pane(["vim"]), pane([])]),
      win("b", [pane(["x", "y"]), pane(["t"], { exec: true })]),
    ]),
    OPTS,
  );
  deepStrictEqual(built.panes, [
    { key: "w1p1", commands: ["vim"] },
    { key: "w1p2", commands: [] },
    { key: "w2p1", commands: ["x", "y"] },
    { key: "w2p2", commands: [] },
  ]);
});

/** A pane added to a session that may be the user's: its id and its window's index. */
const ADDED = ["-P", "-F", "#{pane_id} #{window_index}"];

Deno.test("buildAddWindow() adds a window to an existing session", () => {
  deepStrictEqual(buildAddWindow("dev", win(undefined, [pane(["htop"])]), OPTS).argv, [
    "tmux",
    "-S",
    "/s",
    "new-window",
    "-t",
    "=dev:",
    "-c",
    "/w",
    ...ADDED,
    ";",
    ...MARK("w1p1"),
  ]);
});

Deno.test("buildTyping() types lines literally into panes by id, each followed by Enter", () => {
  deepStrictEqual(buildTyping([], [{ id: "%3", lines: ["echo a;", "Enter"] }]), [[
    "tmux",
    "send-keys",
    "-t",
    "%3",
    "-l",
    "echo a\\;",
    ";",
    "send-keys",
    "-t",
    "%3",
    "Enter",
    ";",
    "send-keys",
    "-t",
    "%3",
    "-l",
    "Enter",
    ";",
    "send-keys",
    "-t",
    "%3",
    "Enter",
  ]]);
});

Deno.test("buildAddWindow() hides withheld names in that session before the window starts", () => {
  deepStrictEqual(
    buildAddWindow("ops", win("mon", [pane(["htop"]), pane([])]), {
      ...OPTS,
      hide: ["AWS_SECRET_ACCESS_KEY"],
    }).argv,
    [
      "tmux",
      "-S",
      "/s",
      "set-environment",
      "-t",
      "=ops:",
      "-r",
      "AWS_SECRET_ACCESS_KEY",
      ";",
      "new-window",
      "-t",
      "=ops:",
      "-n",
      "mon",
      "-c",
      "/w",
      ...ADDED,
      ";",
      ...MARK("w1p1"),
      ";",
      "split-window",
      "-c",
      "/w",
      ...ADDED,
      ";",
      "select-pane",
      "-t",
      ":.-1",
    ],
  );
});

/** Hostile text in every place a value reaches tmux (FACTS §2), as exact argv elements. */
const HOSTILE: { value: string; asArg: string; asFormat: string }[] = [
  { value: "x;", asArg: "x\\;", asFormat: "x\\;" },
  { value: "#(touch /tmp/p)", asArg: "#(touch /tmp/p)", asFormat: "##(touch /tmp/p)" },
  { value: "a:b.c", asArg: "a:b.c", asFormat: "a:b.c" },
  { value: "$(id)", asArg: "$(id)", asFormat: "$(id)" },
  { value: "echo c \\;", asArg: "echo c \\\\;", asFormat: "echo c \\\\;" },
  { value: "d;;", asArg: "d;\\;", asFormat: "d;\\;" },
  { value: ";", asArg: "\\;", asFormat: "\\;" },
];

Deno.test("hostile text stays literal wherever it goes: window name, dir, typed line, exec", async (t) => {
  for (const h of HOSTILE) {
    await t.step(h.value, () => {
      const [built] = buildSession(
        layout([
          win(h.value, [pane([h.value], { dir: h.value }), pane([h.value], { exec: true })]),
        ]),
        OPTS,
      );
      const window = built.argv.indexOf("new-window");
      deepStrictEqual(built.argv.slice(window, window + 7), [
        "new-window",
        "-t",
        "=dev-web:",
        "-n",
        h.asFormat,
        "-c",
        h.asFormat,
      ]);
      const split = built.argv.indexOf("split-window");
      deepStrictEqual(built.argv.slice(split, split + 7), [
        "split-window",
        "-c",
        "/w",
        ...ID,
        h.asArg,
      ]);
      deepStrictEqual(buildTyping([], [{ id: "%1", lines: built.panes[0].commands }]), [[
        "tmux",
        "send-keys",
        "-t",
        "%1",
        "-l",
        h.asArg,
        ";",
        "send-keys",
        "-t",
        "%1",
        "Enter",
      ]]);
    });
  }
});
