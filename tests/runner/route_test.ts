/** decideInteractiveRoute(): the fallback chain, one row per situation. */
import { deepStrictEqual } from "node:assert/strict";
import { decideInteractiveRoute } from "../../src/runner/route.ts";
import type { InteractiveRoute, RouteFacts } from "../../src/runner/route.ts";

const base: RouteFacts = {
  name: "repl",
  want: "pty",
  optional: false,
  tmuxUsable: true,
  stdinTTY: true,
  scriptFlavour: "util-linux",
  flags: { noTmux: false, noPty: false },
};
const facts = (extra: Partial<RouteFacts>): RouteFacts => ({ ...base, ...extra });
const noTmux = { noTmux: true, noPty: false };
const noPty = { noTmux: false, noPty: true };

const NO_TERMINAL = "needs a terminal, and rune's stdin is not one";

const cases: { name: string; facts: RouteFacts; want: InteractiveRoute }[] = [
  {
    name: "pty step with a terminal and util-linux script: pty",
    facts: base,
    want: { kind: "pty", flavour: "util-linux", notes: [] },
  },
  {
    name: "pty step on macOS: pty with the BSD flavour",
    facts: facts({ scriptFlavour: "bsd" }),
    want: { kind: "pty", flavour: "bsd", notes: [] },
  },
  {
    name: "pty step never goes to tmux, even when tmux works (inside tmux: the current pane)",
    facts: facts({ tmuxUsable: true }),
    want: { kind: "pty", flavour: "util-linux", notes: [] },
  },
  {
    name: "no script: rune's own terminal, said in one line",
    facts: facts({ scriptFlavour: null }),
    want: {
      kind: "direct",
      notes: [
        '`script` is not installed: "repl" uses rune\'s terminal directly ' +
        "(no pseudo-terminal, no transcript)",
      ],
    },
  },
  {
    name: "--no-pty: rune's own terminal",
    facts: facts({ flags: noPty }),
    want: {
      kind: "direct",
      notes: [
        '--no-pty: "repl" uses rune\'s terminal directly (no pseudo-terminal, no transcript)',
      ],
    },
  },
  {
    name: "no terminal (CI, pipes), required: fails with what to do",
    facts: facts({ stdinTTY: false }),
    want: {
      kind: "fail",
      message: `${NO_TERMINAL}: run rune from a terminal, or set optional: true`,
      notes: [],
    },
  },
  {
    name: "no terminal, optional (the api-doc zsh step): skipped, never hangs",
    facts: facts({ stdinTTY: false, optional: true }),
    want: { kind: "skip", message: NO_TERMINAL, notes: [] },
  },
  {
    name: "no terminal wins over --no-pty: still no way to run it",
    facts: facts({ stdinTTY: false, flags: noPty, scriptFlavour: null }),
    want: {
      kind: "fail",
      message: `${NO_TERMINAL}: run rune from a terminal, or set optional: true`,
      notes: [],
    },
  },
  {
    name: "tmux_session with tmux usable: tmux (also without a terminal: it stays detached)",
    facts: facts({ want: "tmux-session", stdinTTY: false }),
    want: { kind: "tmux", notes: [] },
  },
  {
    name: "tmux template with tmux usable: tmux",
    facts: facts({ want: "tmux-template" }),
    want: { kind: "tmux", notes: [] },
  },
  {
    name: "tmux_session, tmux missing: the pty path, one line says why",
    facts: facts({ want: "tmux-session", tmuxUsable: false }),
    want: {
      kind: "pty",
      flavour: "util-linux",
      notes: [
        'tmux is not installed or not on PATH: running "repl" in this terminal instead of tmux',
      ],
    },
  },
  {
    name: "tmux_session with --no-tmux: pty",
    facts: facts({ want: "tmux-session", flags: noTmux }),
    want: {
      kind: "pty",
      flavour: "util-linux",
      notes: ['--no-tmux: running "repl" in this terminal instead of tmux'],
    },
  },
  {
    name: "tmux_session, no tmux, no script: two fallbacks, two lines, then direct",
    facts: facts({ want: "tmux-session", tmuxUsable: false, scriptFlavour: null }),
    want: {
      kind: "direct",
      notes: [
        'tmux is not installed or not on PATH: running "repl" in this terminal instead of tmux',
        '`script` is not installed: "repl" uses rune\'s terminal directly ' +
        "(no pseudo-terminal, no transcript)",
      ],
    },
  },
  {
    name: "tmux_session with --no-tmux and no terminal, optional: skipped after the note",
    facts: facts({ want: "tmux-session", flags: noTmux, stdinTTY: false, optional: true }),
    want: {
      kind: "skip",
      message: NO_TERMINAL,
      notes: ['--no-tmux: running "repl" in this terminal instead of tmux'],
    },
  },
  {
    name: "tmux template with --no-tmux: skipped (the user asked), even if required",
    facts: facts({ want: "tmux-template", flags: noTmux }),
    want: { kind: "skip", message: '--no-tmux, and "repl" is a tmux template', notes: [] },
  },
  {
    name: "tmux template, tmux missing, required: fails naming tmux as missing",
    facts: facts({ want: "tmux-template", tmuxUsable: false }),
    want: {
      kind: "fail",
      message: 'cannot build the session: tmux is not installed or not on PATH, and "repl" is ' +
        "a tmux template; install tmux",
      missing: "tmux",
      notes: [],
    },
  },
  {
    name: "tmux template, tmux missing, optional: skipped",
    facts: facts({ want: "tmux-template", tmuxUsable: false, optional: true }),
    want: {
      kind: "skip",
      message: 'tmux is not installed or not on PATH, and "repl" is a tmux template',
      notes: [],
    },
  },
];

Deno.test("decideInteractiveRoute() walks the fallback chain", async (t) => {
  for (const c of cases) {
    await t.step(c.name, () => deepStrictEqual(decideInteractiveRoute(c.facts), c.want));
  }
});
