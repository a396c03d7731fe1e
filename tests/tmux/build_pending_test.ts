/**
 * A pane's `pending` line (a restored program that is not restarted): watched like a typed
 * pane, typed after its commands, and never followed by Enter.
 */
import { deepStrictEqual } from "node:assert/strict";
import { buildSession, buildTyping } from "../../src/tmux/build.ts";
import type { PaneLayout, SessionLayout } from "../../src/contract/plan.ts";

const OPTS = {
  socket: [],
  project: "web",
  size: { columns: 200, rows: 50 },
  env: {},
  hide: [],
  markerDir: "/m",
};

const pane = (extra: Partial<PaneLayout>): PaneLayout => ({
  commands: [],
  dir: "/w",
  focus: false,
  exec: false,
  ...extra,
});

const layout = (panes: PaneLayout[]): SessionLayout => ({
  template: "",
  session: "s",
  dir: "/w",
  before: [],
  windows: [{ name: "w", dir: "/w", focus: true, panes }],
});

Deno.test("buildTyping() types a pending line last, without Enter", async (t) => {
  const cases: {
    name: string;
    pane: { id: string; lines: string[]; pending?: string; closePipe?: boolean };
    want: string[];
  }[] = [
    {
      name: "after the pane's lines",
      pane: { id: "%3", lines: ["cd /x"], pending: "make watch" },
      want: [
        "tmux",
        ...["send-keys", "-t", "%3", "-l", "cd /x", ";", "send-keys", "-t", "%3", "Enter"],
        ...[";", "send-keys", "-t", "%3", "-l", "make watch"],
      ],
    },
    {
      name: "alone, rune's pipe closed first",
      pane: { id: "%4", lines: [], pending: "ssh db;", closePipe: true },
      want: ["tmux", "pipe-pane", "-t", "%4", ";", "send-keys", "-t", "%4", "-l", "ssh db\\;"],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => deepStrictEqual(buildTyping([], [c.pane]), [c.want]));
  }
});

Deno.test("buildSession() watches a pane that has only a pending line", () => {
  const [call] = buildSession(layout([pane({ pending: "sleep 100" }), pane({})]), OPTS);
  deepStrictEqual(call.panes, [
    { key: "w1p1", commands: [], pending: "sleep 100" },
    { key: "w1p2", commands: [] },
  ]);
  const pipes = call.argv.filter((a) => a.startsWith("exec cat >>"));
  deepStrictEqual(pipes, ["exec cat >>/m/w1p1.out"]);
});
