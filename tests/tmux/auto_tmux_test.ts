/** Auto-tmux: when a `rune start` re-runs itself in tmux, and the exact tmux argv. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { autoSessionName, buildAutoTmuxArgv, decideAutoTmux } from "../../src/tmux/auto_tmux.ts";
import type { AutoTmuxDecision, AutoTmuxFacts } from "../../src/tmux/auto_tmux.ts";

const base: AutoTmuxFacts = {
  enabled: true,
  ritual: "start",
  dryRun: false,
  noTmux: false,
  detach: false,
  env: {},
  terminal: { stdin: true, stdout: true },
  tmuxUsable: () => true,
};
const f = (extra: Partial<AutoTmuxFacts>): AutoTmuxFacts => ({ ...base, ...extra });

Deno.test("decideAutoTmux() runs start in tmux only when asked, outside tmux, with a terminal", async (t) => {
  const rows: { name: string; facts: AutoTmuxFacts; want: AutoTmuxDecision }[] = [
    { name: "enabled, outside tmux, terminal: run", facts: base, want: { run: true } },
    { name: "setting off", facts: f({ enabled: false }), want: { run: false } },
    { name: "stop ritual", facts: f({ ritual: "stop" }), want: { run: false } },
    { name: "--dry-run", facts: f({ dryRun: true }), want: { run: false } },
    { name: "--no-tmux", facts: f({ noTmux: true }), want: { run: false } },
    { name: "--detach", facts: f({ detach: true }), want: { run: false } },
    { name: "already in tmux", facts: f({ env: { TMUX: "/tmp/t,1,0" } }), want: { run: false } },
    {
      name: "RUNE_NO_AUTO_TMUX (the inner rune)",
      facts: f({ env: { RUNE_NO_AUTO_TMUX: "1" } }),
      want: { run: false },
    },
    {
      name: "no terminal: says so, runs here",
      facts: f({ terminal: { stdin: true, stdout: false } }),
      want: {
        run: false,
        note: "auto_tmux: no terminal to attach a tmux session to; running here",
      },
    },
    {
      name: "no tmux: says so, runs here",
      facts: f({ tmuxUsable: () => false }),
      want: { run: false, note: "auto_tmux: tmux is not installed or not on PATH; running here" },
    },
  ];
  for (const r of rows) {
    await t.step(r.name, () => deepStrictEqual(decideAutoTmux(r.facts), r.want));
  }
});

Deno.test("decideAutoTmux() probes tmux only when everything else says go", () => {
  let probed = 0;
  const probe = () => (probed++, true);
  decideAutoTmux(f({ enabled: false, tmuxUsable: probe }));
  decideAutoTmux(f({ env: { TMUX: "x" }, tmuxUsable: probe }));
  strictEqual(probed, 0);
  decideAutoTmux(f({ tmuxUsable: probe }));
  strictEqual(probed, 1);
});

Deno.test("autoSessionName() takes the first free rune-PROJECT name", () => {
  strictEqual(autoSessionName("web", () => false), "rune-web");
  const taken = new Set(["rune-web", "rune-web-2"]);
  strictEqual(autoSessionName("web", (n) => taken.has(n)), "rune-web-3");
});

Deno.test("buildAutoTmuxArgv() makes an attached session running rune, then a shell", () => {
  deepStrictEqual(
    buildAutoTmuxArgv({
      socket: ["-L", "work"],
      session: "rune-a#b",
      cwd: "/home/ana/#proj",
      env: { PATH: "/bin", TMUX: "/tmp/x,1,0", TMUX_PANE: "%1", ODD: "ends;" },
      runeArgv: ["/usr/bin/deno", "run", "-P", "/opt/rune.js", "start", "web"],
    }),
    [
      "tmux",
      "-L",
      "work",
      "new-session",
      "-s",
      "rune-a##b",
      "-c",
      "/home/ana/##proj",
      "-e",
      "ODD=ends\\;",
      "-e",
      "PATH=/bin",
      "-e",
      "RUNE_NO_AUTO_TMUX=1",
      "--",
      "sh",
      "-c",
      '"$@"; exec "${SHELL:-/bin/sh}"',
      "rune",
      "/usr/bin/deno",
      "run",
      "-P",
      "/opt/rune.js",
      "start",
      "web",
    ],
  );
});
