/**
 * What declared readiness changes in the build's argv: remain-on-exit in the very command list
 * that creates a pane with an exit condition, and an exec pane that waits starting on a
 * placeholder, its program started later by respawn-pane with the same directory and env.
 */
import { deepStrictEqual } from "node:assert/strict";
import { buildSession } from "../../src/tmux/build.ts";
import { respawnCommand } from "../../src/tmux/readiness_build.ts";
import { unchain } from "../../src/tmux/escape.ts";
import type { SessionLayout } from "../../src/contract/mod.ts";

const layout: SessionLayout = {
  template: "t",
  session: "dev",
  dir: "/p",
  before: [],
  windows: [
    {
      name: "db",
      dir: "/p",
      focus: false,
      panes: [{ commands: ["./migrate"], dir: "/p", focus: false, exec: true }],
    },
    {
      name: "app",
      dir: "/p",
      focus: false,
      panes: [{ commands: ["./serve", "--port 1"], dir: "/p/app", focus: false, exec: true }],
    },
  ],
  readiness: {
    windows: [
      { window: 1, label: "db", panes: ["w1p1"] },
      { window: 2, label: "app", panes: ["w2p1"] },
    ],
    panes: [
      { key: "w1p1", label: "db.1", ready: { kind: "exit", status: 0, timeoutMs: 0 }, after: [] },
      { key: "w2p1", label: "app.1", after: [{ kind: "window", window: 1 }] },
    ],
    order: [["w1p1"], ["w2p1"]],
  },
};

const build = () =>
  buildSession(layout, {
    socket: ["-L", "t"],
    project: "web",
    size: { columns: 200, rows: 50 },
    env: { A: "1" },
    hide: [],
    markerDir: "/m",
  });

Deno.test("an exit condition's pane gets remain-on-exit right after the command that makes it", () => {
  const commands = unchain(build()[0].argv.slice(3));
  const made = commands.findIndex((c) => c[0] === "new-window" && c.includes("./migrate"));
  deepStrictEqual(commands[made + 1], ["set-option", "-p", "remain-on-exit", "on"]);
});

Deno.test("an exec pane that waits starts on a placeholder; respawn-pane starts its program", () => {
  const [call] = build();
  const commands = unchain(call.argv.slice(3));
  const app = commands.find((c) => c[0] === "new-window" && c.includes("app"))!;
  deepStrictEqual(app.slice(-2), ["cat", "-"]);
  const pane = call.panes.find((p) => p.key === "w2p1")!;
  deepStrictEqual(pane.commands, []);
  deepStrictEqual(respawnCommand(pane.respawn!, "%7"), [
    "respawn-pane",
    "-k",
    "-t",
    "%7",
    "-c",
    "/p/app",
    "-e",
    "A=1",
    "./serve\n--port 1",
  ]);
  deepStrictEqual(call.panes.find((p) => p.key === "w1p1")!.respawn, undefined);
});
