import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { decideTmuxWorld } from "../../src/tmux/world.ts";
import type { TmuxWorldFacts } from "../../src/tmux/world.ts";
import { finishAttach } from "../../src/tmux/attach.ts";
import { fakeRuntime } from "../helpers/fake_runtime.ts";

const facts = (extra: Partial<TmuxWorldFacts>): TmuxWorldFacts => ({
  env: { PATH: "/bin", GITHUB_TOKEN: "x" },
  baseEnv: { PATH: "/bin" },
  terminal: { stdin: false, stdout: false },
  detach: false,
  uid: 1000,
  ...extra,
});

Deno.test("decideTmuxWorld(): withheld names hidden, 200x50 unless rune attaches from a terminal", () => {
  const detached = decideTmuxWorld(facts({}));
  deepStrictEqual(detached.hide, ["GITHUB_TOKEN"]);
  deepStrictEqual(detached.size, { columns: 200, rows: 50 });
  strictEqual(detached.show, "print");
  const attached = decideTmuxWorld(facts({
    terminal: { stdin: true, stdout: true },
    terminalSize: { columns: 120, rows: 40 },
  }));
  strictEqual(attached.show, "attach");
  deepStrictEqual(attached.size, { columns: 120, rows: 39 }, "the status line takes a row");
  deepStrictEqual(
    decideTmuxWorld(facts({
      terminal: { stdin: true, stdout: true },
      terminalSize: { columns: 40, rows: 10 },
    })).size,
    { columns: 80, rows: 24 },
    "never smaller than 80x24",
  );
});

Deno.test("decideTmuxWorld(): inside tmux the client switches; TMUX never reaches a client", () => {
  const env = {
    PATH: "/bin",
    TMUX: "/tmp/tmux-1000/default,123,0",
    TMUX_PANE: "%3",
  };
  const w = decideTmuxWorld(facts({ env, baseEnv: env, terminal: { stdin: true, stdout: true } }));
  strictEqual(w.show, "switch");
  deepStrictEqual(w.socket, { path: "/tmp/tmux-1000/default" });
  deepStrictEqual(w.clientEnv, { PATH: "/bin" });
  deepStrictEqual(w.callerEnv, { TMUX: env.TMUX, TMUX_PANE: "%3" });
  const other = decideTmuxWorld(facts({
    env,
    baseEnv: env,
    flags: { name: "work" },
    terminal: { stdin: true, stdout: true },
  }));
  strictEqual(other.show, "elsewhere", "another server: attaching would nest");
  deepStrictEqual(other.socketArgs, ["-u", "-L", "work"]);
});

Deno.test("finishAttach(), detached: inside this server switch, elsewhere attach from outside", async () => {
  const env = { PATH: "/bin", TMUX: "/tmp/tmux-1000/default,123,0", TMUX_PANE: "%3" };
  const hint = (extra: Partial<TmuxWorldFacts>) =>
    finishAttach("dev-web", decideTmuxWorld(facts({ detach: true, ...extra })), fakeRuntime());
  deepStrictEqual(await hint({ env, baseEnv: env }), [
    'tmux session "dev-web" is ready (detached); switch to it with: ' +
    "tmux -S /tmp/tmux-1000/default switch-client -t '=dev-web'",
  ]);
  deepStrictEqual(await hint({ env, baseEnv: env, flags: { name: "work" } }), [
    'tmux session "dev-web" is ready (detached) on another tmux server; from outside tmux ' +
    "attach with: tmux -L work attach-session -t '=dev-web'",
  ]);
  deepStrictEqual(await hint({}), [
    "tmux session \"dev-web\" is ready (detached); attach with: tmux attach-session -t '=dev-web'",
  ]);
});
