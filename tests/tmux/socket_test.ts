import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  attachCommand,
  chooseAttach,
  chooseSocket,
  insideServer,
  socketArgs,
  socketPath,
} from "../../src/tmux/socket.ts";

Deno.test("chooseSocket() follows flags, RUNE_TMUX_SOCKET, settings, $TMUX, default", async (t) => {
  const cases: [string, Parameters<typeof chooseSocket>, ReturnType<typeof chooseSocket>][] = [
    ["--socket-path wins", [{ path: "/s", name: "n" }, { RUNE_TMUX_SOCKET: "x" }, "y"], {
      path: "/s",
    }],
    ["--socket", [{ name: "n" }, { RUNE_TMUX_SOCKET: "x" }, "y"], { name: "n" }],
    ["RUNE_TMUX_SOCKET name", [{}, { RUNE_TMUX_SOCKET: "work" }, "y"], { name: "work" }],
    ["RUNE_TMUX_SOCKET path", [{}, { RUNE_TMUX_SOCKET: "/run/t.sock" }, "y"], {
      path: "/run/t.sock",
    }],
    ["settings", [undefined, {}, "cfg"], { name: "cfg" }],
    ["inside tmux: that server", [undefined, { TMUX: "/tmp/tmux-0/default,123,0" }, undefined], {
      path: "/tmp/tmux-0/default",
    }],
    ["default server", [undefined, {}, undefined], {}],
  ];
  for (const [name, args, want] of cases) {
    await t.step(name, () => deepStrictEqual(chooseSocket(...args), want));
  }
});

Deno.test("socketArgs(), socketPath() and insideServer() agree with tmux's own paths", () => {
  deepStrictEqual(socketArgs({ name: "w" }), ["-L", "w"]);
  deepStrictEqual(socketArgs({ path: "/p" }), ["-S", "/p"]);
  deepStrictEqual(socketArgs({}), []);
  strictEqual(socketPath({}, {}, 1000), "/tmp/tmux-1000/default");
  strictEqual(socketPath({ name: "w" }, { TMUX_TMPDIR: "/run/u/" }, 1000), "/run/u/tmux-1000/w");
  strictEqual(insideServer({}, { TMUX: "/tmp/tmux-1000/default,1,2" }, 1000), true);
  strictEqual(insideServer({ name: "other" }, { TMUX: "/tmp/tmux-1000/default,1,2" }, 1000), false);
  strictEqual(insideServer({}, {}, 1000), false);
});

Deno.test("attachCommand() is pasteable in every shell, socket flags included", () => {
  strictEqual(
    attachCommand({ path: "/tmp/a b/s" }, "dev web"),
    "tmux -S '/tmp/a b/s' attach-session -t '=dev web'",
  );
  // Quoted even when plain: zsh expands a bare `=dev-web` to the path of a program dev-web.
  strictEqual(attachCommand({}, "dev-web"), "tmux attach-session -t '=dev-web'");
});

Deno.test("chooseAttach() attaches, switches, or prints; never nests tmux", async (t) => {
  const tty = { stdin: true, stdout: true };
  const inside = { TMUX: "/tmp/tmux-0/default,123,0" };
  const cases: [string, Parameters<typeof chooseAttach>[0], ReturnType<typeof chooseAttach>][] = [
    ["outside tmux with a terminal", {
      detach: false,
      terminal: tty,
      parentEnv: {},
      socket: {},
      uid: 0,
    }, "attach"],
    ["--detach", { detach: true, terminal: tty, parentEnv: {}, socket: {}, uid: 0 }, "print"],
    ["no terminal on stdout", {
      detach: false,
      terminal: { stdin: true, stdout: false },
      parentEnv: {},
      socket: {},
      uid: 0,
    }, "print"],
    ["inside the same server", {
      detach: false,
      terminal: tty,
      parentEnv: inside,
      socket: {},
      uid: 0,
    }, "switch"],
    ["inside another server", {
      detach: false,
      terminal: tty,
      parentEnv: inside,
      socket: { name: "other" },
      uid: 0,
    }, "elsewhere"],
    ["inside tmux but detached", {
      detach: true,
      terminal: tty,
      parentEnv: inside,
      socket: {},
      uid: 0,
    }, "print"],
  ];
  for (const [name, facts, want] of cases) {
    await t.step(name, () => strictEqual(chooseAttach(facts), want));
  }
});
