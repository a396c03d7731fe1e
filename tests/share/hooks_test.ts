import { deepStrictEqual, ok as assertOk } from "node:assert/strict";
import { EVENT_COMMAND, shareHooks } from "../../src/share/hooks.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

// What a sanitized rune session name may still hold (never `#`, `$`, `.`, `:`).
const HOSTILE = `ev'il "x" _(touch /tmp/p) {a,b} y;`;

Deno.test({
  name: "the share server's hooks: a join reaches rune with the client's fields, literal; " +
    "only the shared session's end removes the share dir" +
    (hasTmux ? "" : " (skipped: tmux is not installed)"),
  ignore: !hasTmux,
  fn: () =>
    withTmuxServer(async (tmux) => {
      const dir = `${tmux.dir}/share`;
      const out = `${tmux.dir}/args`;
      Deno.mkdirSync(dir);
      // The "rune" the hook starts: prints its arguments, one per line.
      const runeArgv = ["sh", "-c", `printf '%s\\n' "$@" > '${out}'`, "rune"];
      // "keep" outlives both: the server must not exit before the hook's job runs (when
      // the shared session is a server's last, rune's pruning removes the dir instead).
      await tmux.tmux("new-session", "-d", "-s", "keep");
      await tmux.tmux("new-session", "-d", "-s", "other");
      await tmux.tmux("new-session", "-d", "-s", HOSTILE);
      for (
        const hook of shareHooks({
          session: HOSTILE,
          project: "p;",
          dir,
          socket: tmux.socket,
          runeArgv,
          env: { HOME: tmux.dir, GONE: null },
        })
      ) {
        await tmux.tmux(...hook);
      }
      // A control-mode client attaching fires client-attached (no terminal needed).
      const client = new Deno.Command("tmux", {
        args: ["-S", tmux.socket, "-C", "attach", "-t", "=other"],
        stdin: "piped",
        stdout: "null",
        stderr: "null",
      }).spawn();
      await waitFor(() => {
        try {
          return Deno.readTextFileSync(out).includes("--client");
        } catch {
          return false;
        }
      }, { what: "the client-attached hook's rune" });
      await client.stdin.close();
      await client.status;
      const args = Deno.readTextFileSync(out).trimEnd().split("\n");
      deepStrictEqual(args.slice(0, 8), [
        ...EVENT_COMMAND,
        "--session",
        HOSTILE,
        "--project",
        "p;",
        "--share-socket",
        tmux.socket,
      ]);
      const field = (flag: string) => args[args.indexOf(flag) + 1];
      deepStrictEqual(field("--uid"), String(Deno.uid()));
      deepStrictEqual(field("--control"), "1");
      deepStrictEqual(field("--readonly"), "0");
      assertOk(/^client-\d+$/.test(field("--client")), field("--client"));
      assertOk(field("--user").length > 0);
      await tmux.tmux("kill-session", "-t", "=other");
      await tmux.tmux("display-message", "-p", "x"); // the hook's job has had its turn
      assertOk(Deno.statSync(dir).isDirectory, "another session's end leaves the share");
      await tmux.tmux("kill-session", "-t", `=${HOSTILE}`);
      await waitFor(() => {
        try {
          Deno.statSync(dir);
          return false;
        } catch {
          return true;
        }
      }, { what: "the share dir removed by session-closed" });
    }),
});
