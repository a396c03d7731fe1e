/**
 * The control client against real tmux, each test on its own private server (a socket in a
 * temp dir, killed in `finally` by withTmuxServer). Covers what issue 17 asks to guard against:
 * a silent client, window sizes, a server or session that goes away, nothing left attached.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  type ControlClientOptions,
  type ControlResult,
  openControlClient,
} from "../../src/tmux/control_client.ts";
import type { ControlEvent } from "../../src/tmux/control_protocol.ts";
import { hasTmux, type TmuxServer, withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const SHELL = "sh -c 'printf FIRST-BYTES; exec sleep 600'";
const test = (name: string, fn: (t: Deno.TestContext) => Promise<void>) =>
  Deno.test({ name, ignore: !hasTmux, fn });

function options(server: TmuxServer, start: string[], extra: Partial<ControlClientOptions> = {}) {
  return {
    socket: ["-S", server.socket],
    global: ["-f", `${server.dir}/tmux.conf`],
    env: {
      PATH: Deno.env.get("PATH") ?? "/usr/bin:/bin",
      HOME: `${server.dir}/home`,
      LANG: "C.UTF-8",
    },
    start,
    ...extra,
  };
}

const newSession = ["new-session", "-s", "S", "-x", "200", "-y", "50", SHELL];

function value<T>(r: ControlResult<T>): T {
  if (!r.ok) throw new Error(`${r.error.kind}: ${r.error.problem}`);
  return r.value;
}

test("runs commands, returns each one's reply, and a failure as a value", async () => {
  await withTmuxServer(async (server) => {
    await using client = value(await openControlClient(options(server, newSession)));
    deepStrictEqual(value(await client.run([["display-message", "-p", "#{session_name}"]])), [[
      "S",
    ]]);
    deepStrictEqual(
      value(
        await client.run([["new-window", "-d", "-P", "-F", "x"], ["display-message", "-p", "y"]]),
      ),
      [["x"], ["y"]],
    );
    const r = await client.run([["kill-window", "-t", "=S:nope"], ["display-message", "-p", "z"]]);
    ok(!r.ok && r.error.kind === "refused");
    deepStrictEqual(r.error.lines, ["can't find window: nope"]);
    deepStrictEqual(value(await client.run([["display-message", "-p", "after"]])), [["after"]]);
  });
});

test("arguments reach tmux exactly: quotes, $, ~, ;, #, newlines", async () => {
  await withTmuxServer(async (server) => {
    await using client = value(await openControlClient(options(server, newSession)));
    const values = [
      "trailing;",
      `$HOME ~ "q" 'single' \\back`,
      "~start",
      "tab\tend",
      "ünï😀 # {brace}",
    ];
    for (const v of [...values, "two\nlines"]) {
      value(await client.run([["set-option", "-g", "@rune-test", v]]));
      const [lines] = value(await client.run([["show-options", "-gv", "@rune-test"]]));
      strictEqual(lines.join("\n"), v);
    }
  });
});

test("sees the first pane's first bytes, and never resizes the session", async () => {
  await withTmuxServer(async (server) => {
    const events: ControlEvent[] = [];
    const client = value(
      await openControlClient(options(server, newSession, { listener: (e) => events.push(e) })),
    );
    const text = () =>
      events.map((e) => e.kind === "output" ? new TextDecoder().decode(e.data) : "").join("");
    await waitFor(() => text().includes("FIRST-BYTES"), { what: "the first output" });
    const size = () =>
      server.tmux("list-windows", "-t", "=S", "-F", "#{window_width}x#{window_height}");
    strictEqual(await size(), "200x50");
    await client.close();
    strictEqual(await size(), "200x50");
    strictEqual(await server.tmux("list-clients"), "", "nothing stays attached");
  });
});

test("a reply that times out keeps its place: the next command gets its own", async () => {
  await withTmuxServer(async (server) => {
    await using client = value(await openControlClient(options(server, newSession)));
    // In control mode wait-for answers at once but holds back the client's later commands.
    const late = [["wait-for", "rune-test"], ["display-message", "-p", "late"]];
    const blocked = await client.run(late, 200);
    ok(!blocked.ok && blocked.error.kind === "timeout", JSON.stringify(blocked));
    const next = client.run([["display-message", "-p", "mine"]]);
    await server.tmux("wait-for", "-S", "rune-test");
    deepStrictEqual(value(await next), [["mine"]]);
  });
});

test("a server that says nothing makes the client silent, not hung", async () => {
  await withTmuxServer(async (server) => {
    await server.tmux("new-session", "-d", "-s", "S", SHELL);
    const pid = Number(await server.tmux("display-message", "-p", "#{pid}"));
    Deno.kill(pid, "SIGSTOP");
    try {
      const r = await openControlClient({
        ...options(server, ["attach-session", "-t", "=S"]),
        startTimeoutMs: 300,
      });
      ok(!r.ok && r.error.kind === "silent", JSON.stringify(r));
    } finally {
      Deno.kill(pid, "SIGCONT");
    }
    await waitFor(async () => (await server.tmux("list-clients")) === "", {
      what: "no client left",
    });
  });
});

test("refused and exited are told apart, with tmux's reason", async (t) => {
  await t.step("attach to a missing session", async () => {
    await withTmuxServer(async (server) => {
      await server.tmux("new-session", "-d", "-s", "S", SHELL);
      const r = await openControlClient(options(server, ["attach-session", "-t", "=nope"]));
      ok(!r.ok && r.error.kind === "refused");
      deepStrictEqual(r.error.lines, ["can't find session: nope"]);
    });
  });
  await t.step("server killed (SIGKILL) under the client", async () => {
    await withTmuxServer(async (server) => {
      const client = value(await openControlClient(options(server, newSession)));
      Deno.kill(
        Number(value(await client.run([["display-message", "-p", "#{pid}"]]))[0][0]),
        "SIGKILL",
      );
      const exit = await client.close();
      strictEqual(exit.reason, "server exited unexpectedly");
      const r = await client.run([["display-message", "-p", "x"]]);
      ok(!r.ok && r.error.kind === "exited");
    });
  });
});

test("our session killed with detach-on-destroy off: it detaches, never follows", async () => {
  await withTmuxServer(async (server) => {
    await server.tmux("new-session", "-d", "-s", "users-own", SHELL);
    await server.tmux("set-option", "-g", "detach-on-destroy", "off");
    const seen: ControlEvent[] = [];
    const client = value(
      await openControlClient(options(server, newSession, { listener: (e) => seen.push(e) })),
    );
    await server.tmux("kill-session", "-t", "=S");
    const exit = await client.close();
    ok(exit.movedTo?.endsWith(" users-own"), JSON.stringify(exit));
    strictEqual(await server.tmux("list-clients"), "");
    ok(
      !seen.some((e) => e.kind === "session-changed" && e.name === "users-own"),
      "no events from their session",
    );
  });
});

test("a config error puts the first pane in view-mode (tmux #3193): seen and undone", async () => {
  await withTmuxServer(async (server) => {
    const conf = `${server.dir}/bad.conf`;
    Deno.writeTextFileSync(conf, "set -g status on\nset\nbogus-command foo\n");
    await using client = value(
      await openControlClient({ ...options(server, newSession), global: ["-f", conf] }),
    );
    const modes = async () =>
      value(await client.run([["list-panes", "-s", "-F", "#{pane_id} #{pane_in_mode}"]]))[0];
    await waitFor(async () => (await modes()).some((l) => l.endsWith(" 1")), { what: "view-mode" });
    value(await client.run([["copy-mode", "-q", "-t", "=S:"]]));
    deepStrictEqual(
      (await modes()).map((l) => l.split(" ")[1]),
      ["0"],
      "keys would reach the shell again",
    );
  });
});
