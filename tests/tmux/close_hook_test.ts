/** The session-closed hook against a real private tmux server: quoting survives tmux and sh. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  closeHookIndex,
  closeHookName,
  setCloseHook,
  unsetCloseHook,
} from "../../src/tmux/close_hook.ts";
import type { CloseHookSpec } from "../../src/tmux/close_hook.ts";
import { literalFormat } from "../../src/tmux/escape.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

Deno.test("closeHookIndex() gives each name its own slot, within tmux's range", () => {
  const names = ["dev-web", "dev-api", "dev-web2", "a", "", "a,b}c"];
  const slots = names.map(closeHookIndex);
  strictEqual(new Set(slots).size, names.length);
  for (const s of slots) ok(s >= 1_000_000 && s < 2 ** 31, String(s));
  strictEqual(closeHookIndex("dev-web"), closeHookIndex("dev-web"));
  deepStrictEqual(unsetCloseHook("dev-web"), ["set-hook", "-gu", closeHookName("dev-web")]);
});

Deno.test("the close hook runs rune stop for its session only, once, with the start's env", async () => {
  await withTmuxServer(async (tmux) => {
    const dir = `${tmux.dir}/it's #1 $(touch PWNED) dir`;
    Deno.mkdirSync(dir);
    const record = `${tmux.dir}/record.sh`;
    const out = `${tmux.dir}/calls`;
    Deno.writeTextFileSync(
      record,
      `{ printf 'cwd=[%s] home=[%s] state=[%s] data=[%s]' "$PWD" "$HOME" "$XDG_STATE_HOME" ` +
        `"\${XDG_DATA_HOME-unset}"; ` +
        `for a in "$@"; do printf ' [%s]' "$a"; done; echo; } >> '${out}'; echo ran-stop\n`,
    );
    const session = `a,b}c{d #{x} 'q' $(touch PWNED2);`;
    const spec: CloseHookSpec = {
      session,
      project: `p'; touch PWNED3 #(touch PWNED4)`,
      projectDir: dir,
      configFile: `${dir}/rune's.yaml`,
      stateDir: `${dir}/state #2/rune`,
      runeArgv: ["/bin/sh", record],
      env: { HOME: `${dir}/home`, XDG_STATE_HOME: `${dir}/state #2`, XDG_DATA_HOME: null },
    };
    await tmux.tmux("new-session", "-d", "-s", "keep");
    // The server's own values, which the hook must not use.
    await tmux.tmux("set-environment", "-g", "XDG_DATA_HOME", "/server/data");
    await tmux.tmux("set-environment", "-g", "XDG_STATE_HOME", "/server/state");
    await tmux.tmux("new-session", "-d", "-s", literalFormat(session));
    await tmux.tmux("new-session", "-d", "-s", "a,b");
    await tmux.tmux(...setCloseHook(spec));
    // Another session closing runs nothing: the filter is in tmux.
    await tmux.tmux("kill-session", "-t", "=a,b");
    // (A hook that fired removes itself first thing, so it must still be set.)
    ok((await tmux.tmux("show-hooks", "-g")).includes(closeHookName(session)), "fired for a,b");
    await tmux.tmux("kill-session", "-t", `=${session}`);
    await waitFor(() => readOr(out) !== "", { what: "the hook to run rune stop" });
    // Other sessions closing later, and the name reappearing, run nothing more.
    await tmux.tmux("new-session", "-d", "-s", literalFormat(session));
    await tmux.tmux("kill-session", "-t", `=${session}`);
    await tmux.tmux("new-session", "-d", "-s", "sync"); // a round trip after the kill
    strictEqual(
      readOr(out),
      `cwd=[${dir}] home=[${dir}/home] state=[${dir}/state #2] data=[unset] [stop] ` +
        `[${spec.project}] [--config] ` +
        `[${spec.configFile}] [--socket-path] [${tmux.socket}]\n`,
    );
    await waitFor(() => readOr(`${spec.stateDir}/logs/tmux-close-hook.log`) === "ran-stop\n", {
      what: "the stop output in the hook's log",
    });
    const hooks = await tmux.tmux("show-hooks", "-g");
    ok(!hooks.includes(String(closeHookIndex(session))), `hook left behind:\n${hooks}`);
    for (const d of [tmux.dir, dir]) {
      for (const e of Deno.readDirSync(d)) ok(!e.name.startsWith("PWNED"), `${d}/${e.name}`);
    }
  });
});

function readOr(path: string): string {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return "";
  }
}
