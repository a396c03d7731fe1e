/** The session-closed hook against a real private tmux server: quoting survives tmux and sh. */
import { strictEqual } from "node:assert/strict";
import { CLOSE_HOOK_INDEX, closeHookCommand } from "../../src/tmux/close_hook.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

Deno.test("closeHookCommand() reaches rune with the closed session's exact name", async () => {
  await withTmuxServer(async (tmux) => {
    const dir = `${tmux.dir}/it's #1 dir`;
    Deno.mkdirSync(dir);
    const script = `${dir}/record.sh`;
    const out = `${tmux.dir}/args`;
    Deno.writeTextFileSync(script, `for a in "$@"; do printf '[%s]' "$a"; done > '${out}'\n`);
    const name = `a;b $(touch ${tmux.dir}/pwned) 'q' "d"`;
    await tmux.tmux("new-session", "-d", "-s", name);
    await tmux.tmux("new-session", "-d", "-s", "keep");
    await tmux.tmux(
      "set-hook",
      "-g",
      `session-closed[${CLOSE_HOOK_INDEX}]`,
      closeHookCommand(["/bin/sh", script], { path: tmux.socket }, `${dir}/state`),
    );
    await tmux.tmux("kill-session", "-t", `=${name}`);
    await waitFor(() => {
      try {
        return Deno.readTextFileSync(out).length > 0;
      } catch {
        return false;
      }
    }, { what: "the hook to run" });
    strictEqual(
      Deno.readTextFileSync(out),
      `[session][closed][--socket-path][${tmux.socket}][--state-dir][${dir}/state][--][${name}]`,
    );
    let pwned = true;
    try {
      Deno.statSync(`${tmux.dir}/pwned`);
    } catch {
      pwned = false;
    }
    strictEqual(pwned, false, "a session name must never run as a command");
  });
});
