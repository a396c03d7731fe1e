/**
 * ControlDecoder and OutputLines on real tmux 3.3a control-mode output, captured on a private
 * server (tests/fixtures/tmux_control; how each was made is in its test's name), plus a few
 * synthetic lines for cases tmux cannot be made to print on demand.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  commandLine,
  ControlDecoder,
  type ControlEvent,
  OutputLines,
  unescapeOutput,
} from "../../src/tmux/control_protocol.ts";

const FIXTURES = new URL("../fixtures/tmux_control/", import.meta.url);
const fixture = (name: string) => Deno.readFileSync(new URL(`${name}.txt`, FIXTURES));
const bytes = (s: string) => new TextEncoder().encode(s);
const utf8 = (b: Uint8Array) => new TextDecoder().decode(b);

function decodeAll(input: Uint8Array, chunk = input.length): ControlEvent[] {
  const d = new ControlDecoder();
  const events: ControlEvent[] = [];
  for (let i = 0; i < input.length; i += chunk) {
    events.push(...d.push(input.subarray(i, i + chunk)));
  }
  return [...events, ...d.finish()];
}

/** Events as short strings: what a reader checks at a glance (numbers and times left out). */
function brief(e: ControlEvent): string {
  switch (e.kind) {
    case "begin":
      return `begin/${e.flags}`;
    case "end":
    case "error":
      return `${e.kind}/${e.flags} ${JSON.stringify(e.lines)}`;
    case "output":
      return `output ${e.pane}${e.age === undefined ? "" : ` age=${e.age}`} ${
        JSON.stringify(utf8(e.data))
      }`;
    case "window-add":
    case "window-close":
      return `${e.kind} ${e.window}${e.unlinked ? " unlinked" : ""}`;
    case "layout-change":
      return `layout-change ${e.window} ${e.layout}`;
    case "session-changed":
      return `session-changed ${e.session} ${e.name}`;
    case "pane-mode-changed":
    case "pause":
    case "continue":
      return `${e.kind} ${e.pane}`;
    case "exit":
      return e.reason === undefined ? "exit" : `exit ${e.reason}`;
    case "sessions-changed":
      return e.kind;
    case "other":
      return `other ${e.name} ${JSON.stringify(e.args)}`;
  }
}

const outputOf = (events: ControlEvent[], pane: string) =>
  events.flatMap((e) => (e.kind === "output" && e.pane === pane ? [e.data] : []));

Deno.test("commands sent on stdin: one reply per command, pane-id lines stay reply lines", () => {
  // tmux -C new-session …, then display, a bogus command, a chained new-window ; split-window,
  // list-panes, a failing chain and display -p '' (an empty line); then kill-session.
  const got = decodeAll(fixture("commands")).map(brief).filter((s) => !s.startsWith("output"));
  deepStrictEqual(got, [
    "begin/0",
    'end/0 ["%0"]',
    "window-add @0",
    "sessions-changed",
    "session-changed $0 S",
    "begin/1",
    'end/1 ["hello S"]',
    "begin/1",
    'error/1 ["parse error: unknown command: bogus-command"]',
    "begin/1",
    'end/1 ["%1"]',
    "begin/1",
    'end/1 ["%2"]',
    "begin/1",
    'end/1 ["%0 bash","%1 two","%2 two"]',
    "begin/1",
    `error/1 ["can't find window: nope"]`, // and the rest of that chain never ran
    "begin/1",
    'end/1 [""]',
    "window-add @1",
    "layout-change @1 6556,200x50,0,0[200x25,0,0,1,200x24,0,26,2]",
    "sessions-changed",
    "exit",
  ]);
});

Deno.test("decoding does not depend on how the bytes were chunked", async (t) => {
  const names = ["commands", "output_escapes", "utf8_split", "flow_control", "windows_layout"];
  for (const name of names) {
    await t.step(name, () => {
      const whole = decodeAll(fixture(name)).map(brief);
      for (const chunk of [1, 7, 64, 4096]) {
        deepStrictEqual(decodeAll(fixture(name), chunk).map(brief), whole);
      }
    });
  }
});

Deno.test("%output: octal escapes decode to the exact bytes the pane printed", () => {
  // printf 'back\\slash tab\tbell\a del\177 é€😀\r\n\033[1;31mred\033[0m done\n' in bash.
  const data = outputOf(decodeAll(fixture("output_escapes")), "%0").map(utf8).join("");
  ok(
    data.includes("back\\slash tab\tbell\x07 del\x7f é€😀\r\r\n\x1b[1;31mred\x1b[0m done\r\n"),
    data,
  );
});

Deno.test("unescapeOutput(): \\ooo and backslash; anything else passes as is", async (t) => {
  const cases: [string, string, string][] = [
    ["backslash", "a\\134b", "a\\b"],
    ["CR LF", "x\\015\\012", "x\r\n"],
    ["ESC", "\\033[0m", "\x1b[0m"],
    ["raw UTF-8", "é€😀", "é€😀"],
    ["not octal: kept", "\\08x", "\\08x"],
    ["cut short at the end: kept", "ab\\01", "ab\\01"],
  ];
  for (const [name, input, want] of cases) {
    await t.step(name, () => strictEqual(utf8(unescapeOutput(bytes(input))), want));
  }
});

Deno.test("UTF-8 split across %output lines (a slow reader) comes out whole in OutputLines", () => {
  // `for i in $(seq 1 400); do echo "$i €€€😀😀 ééé"; done` while the reader lagged.
  const chunks = outputOf(decodeAll(fixture("utf8_split")), "%0");
  const cut = chunks.filter((c) => {
    let j = c.length - 1;
    while (j > 0 && (c[j] & 0xc0) === 0x80) j--;
    return c[j] >= 0xc0 && c.length - j < (c[j] >= 0xf0 ? 4 : c[j] >= 0xe0 ? 3 : 2);
  });
  ok(cut.length > 0, "the fixture must show tmux cutting a character in two");
  const lines = new OutputLines();
  const all = chunks.flatMap((c) => lines.push(c));
  const numbered = all.filter((l) => /^\d+ /.test(l));
  ok(numbered.length > 100, `${numbered.length} lines`);
  for (const l of numbered) strictEqual(l.replace(/^\d+/, ""), " €€€😀😀 ééé");
  const n = numbered.map((l) => Number(l.split(" ")[0]));
  deepStrictEqual(n, n.map((_, i) => n[0] + i), "no line lost or doubled");
});

Deno.test("flow control: %extended-output, %pause, and %continue inside its reply", () => {
  // attach -f pause-after=1, reader stalled 3 s under `timeout 4 yes …`, then refresh-client -A.
  const got = decodeAll(fixture("flow_control")).map(brief);
  ok(got.some((s) => /^output %0 age=\d+ /.test(s)));
  const pause = got.indexOf("pause %0");
  const cont = got.indexOf("continue %0");
  ok(pause > 0 && cont > pause, got.join("\n"));
  deepStrictEqual(got.slice(cont - 1, cont + 2), ["begin/1", "continue %0", "end/1 []"]);
  ok(got.slice(cont).some((s) => s.includes("after-continue")));
});

Deno.test("windows and sessions: a session killed under the client moves it elsewhere", () => {
  // new-window, split, rename, kill-pane, kill-window, then kill-session with
  // detach-on-destroy off: the client is switched to the user's other session T.
  const got = decodeAll(fixture("windows_layout")).map(brief).filter((s) =>
    !s.startsWith("output")
  );
  deepStrictEqual(got.filter((s) => /^(window|session|exit|other window-renamed)/.test(s)), [
    "session-changed $0 S",
    "window-add @2",
    'other window-renamed ["@2","renamed","w2"]',
    "window-close @2 unlinked", // killed from outside: "unlinked-window-close", not "window-close"
    "session-changed $1 T",
    "sessions-changed",
    "window-close @0 unlinked",
    "exit",
  ]);
});

Deno.test("exits: server killed, missing session, config error in view mode", async (t) => {
  await t.step("server SIGKILLed", () => {
    deepStrictEqual(decodeAll(fixture("server_killed")).map(brief).slice(-1), [
      "exit server exited unexpectedly",
    ]);
  });
  await t.step("attach -t =nope", () => {
    deepStrictEqual(decodeAll(fixture("no_session")).map(brief), [
      "begin/0",
      `error/0 ["can't find session: nope"]`,
      "exit",
    ]);
  });
  await t.step(
    "-f with an error: the first pane is put in view-mode, and says nothing else",
    () => {
      const got = decodeAll(fixture("config_error")).map(brief);
      ok(got.includes("pane-mode-changed %0"));
      ok(got.includes('end/1 ["in_mode=1 mode=view-mode"]'));
    },
  );
});

Deno.test("inside a reply only known notifications interrupt it", () => {
  const input =
    "%begin 1 5 1\n%12 pane\n%output %3 hi\n%end 1 6 1\n%wibble x\n%end 1 5 1\n%wibble y z\n";
  deepStrictEqual(decodeAll(bytes(input)).map(brief), [
    "begin/1",
    'output %3 "hi"',
    'end/1 ["%12 pane","%end 1 6 1","%wibble x"]',
    'other wibble ["y","z"]',
  ]);
});

Deno.test("OutputLines: plain lines for matching", async (t) => {
  const cases: { name: string; pushes: string[]; lines: string[]; pending?: string }[] = [
    {
      name: "colours dropped",
      pushes: ["\x1b[1;31mready\x1b[0m to go\r\n"],
      lines: ["ready to go"],
    },
    {
      name: "escape cut between pushes",
      pushes: ["a\x1b[1;3", "1mb\x1b", "[0mc\n"],
      lines: ["abc"],
    },
    { name: "OSC title, BEL and ST", pushes: ["\x1b]0;t\x07x\x1b]2;y\x1b\\z\n"], lines: ["xz"] },
    {
      name: "CR redraws yield each state",
      pushes: ["10%\r50%\r100%\n"],
      lines: ["10%", "50%", "100%"],
    },
    { name: "CR at a push's end, LF next", pushes: ["a\r", "\nb\n"], lines: ["a", "b"] },
    { name: "backspace", pushes: ["ab\bc😀\b!\n"], lines: ["ac!"] },
    {
      name: "prompt without newline",
      pushes: ["one\nPassword: "],
      lines: ["one"],
      pending: "Password: ",
    },
    {
      name: "bracketed paste and charset selects",
      pushes: ["\x1b[?2004h\x1b(B$ \n"],
      lines: ["$ "],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const o = new OutputLines();
      deepStrictEqual(c.pushes.flatMap((p) => o.push(bytes(p))), c.lines);
      strictEqual(o.pending, c.pending ?? "");
    });
  }
  await t.step("a line that never ends is cut at maxLineLength", () => {
    const o = new OutputLines({ maxLineLength: 4 });
    deepStrictEqual(o.push(bytes("abcdefghij")), ["abcd", "efgh"]);
    strictEqual(o.pending, "ij");
  });
  await t.step("an emoji split between pushes", () => {
    const o = new OutputLines();
    const b = bytes("😀\n");
    deepStrictEqual([...o.push(b.subarray(0, 2)), ...o.push(b.subarray(2))], ["😀"]);
  });
});

Deno.test("commandLine(): argv as one control line, nothing left for tmux to expand", () => {
  const cases: [string[][], string][] = [
    [[["display-message", "-p", "x"]], '"display-message" "-p" "x"'],
    [[["kill-window", "-t", "=S:w"], ["new-window"]], '"kill-window" "-t" "=S:w" ; "new-window"'],
    [[["send-keys", "-l", "echo a;"]], '"send-keys" "-l" "echo a;"'],
    [[["set", "@x", '$HOME "q" \\ ~ #{x}']], '"set" "@x" "\\$HOME \\"q\\" \\\\ ~ #{x}"'],
    [[["set", "@x", "~/dir"]], '"set" "@x" "\\~/dir"'],
    [[["send-keys", "-l", "a\nb\tc\x7f"]], '"send-keys" "-l" "a\\nb\\011c\\177"'],
  ];
  for (const [argv, want] of cases) strictEqual(commandLine(argv), want);
});
