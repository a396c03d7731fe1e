/**
 * settings.tmux.autosave through the bundle, on a private server: the build's timer saves the
 * session and keeps saving it as it changes; a client detaching saves it (the global hook);
 * `rune stop` turns it off: the mark and the hook go, and the timer ends by itself.
 */
import { match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";

const config = (every: string) =>
  `settings:
  tmux: {autosave: ${every}}
rituals:
  start:
    global:
      - {name: dev, interactive: true, tmux_template: dev}
  templates:
    dev:
      session_name: dev
      windows: [{name: one, panes: [null, null]}]
`;

/** The processes whose command line mentions `text` (the timer's loop holds its socket). */
async function processesWith(text: string): Promise<string[]> {
  const out = await new Deno.Command("ps", { args: ["-ww", "-A", "-o", "args="], stdout: "piped" })
    .output();
  return new TextDecoder().decode(out.stdout).split("\n").filter((l) => l.includes(text));
}

Deno.test("autosave: the timer saves, and rune stop ends it", async () => {
  await withProject(config("1s"), async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      strictEqual((await runRune(["start", "--detach"], { env, cwd: dir })).code, 0);
      const file = `${home.env.XDG_DATA_HOME}/rune/saved/dev.yaml`;
      const read = () => Deno.readTextFileSync(file);
      await waitFor(() => {
        try {
          return read().includes('name: "one"');
        } catch {
          return false;
        }
      }, { timeoutMs: 30_000, what: "the timer's first save" });
      await tmux.tmux("rename-window", "-t", "=dev:one", "renamed");
      await waitFor(() => read().includes('name: "renamed"'), {
        timeoutMs: 30_000,
        what: "a save of the change",
      });
      strictEqual(
        (await processesWith(`while sleep 1; do tmux -S ${tmux.socket}`)).length > 0,
        true,
      );

      const stop = await runRune(["stop"], { env, cwd: dir });
      strictEqual(stop.code, 0, stop.stderr);
      strictEqual(await tmux.tmux("show-options", "-qv", "-t", "=dev:", "@rune-autosave"), "");
      strictEqual(
        (await tmux.tmux("show-hooks", "-g")).includes("client-detached[2000000000]"),
        false,
      );
      await waitFor(
        async () => (await processesWith(`while sleep 1; do tmux -S ${tmux.socket}`)).length === 0,
        {
          timeoutMs: 30_000,
          what: "the timer to end",
        },
      );
    });
  });
});

Deno.test("autosave: a client detaching saves the session (the global hook)", async () => {
  await withProject(config("1h"), async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
      strictEqual((await runRune(["start", "--detach"], { env, cwd: dir })).code, 0);
      const file = `${home.env.XDG_DATA_HOME}/rune/saved/dev.yaml`;
      match(await tmux.tmux("show-hooks", "-g"), /client-detached\[2000000000\] run-shell -b/);
      // A real client, in a pseudo-terminal made by script.
      const client = new Deno.Command("script", {
        args: ["-q", "-c", `tmux -S ${tmux.socket} attach -t =dev`, "/dev/null"],
        stdin: "piped",
        stdout: "null",
        stderr: "null",
      }).spawn();
      try {
        await waitFor(async () => (await tmux.tryTmux("list-clients")).stdout.includes("dev"), {
          what: "the client to attach",
        });
        await tmux.tmux("detach-client", "-s", "=dev");
        await waitFor(() => {
          try {
            return Deno.readTextFileSync(file).includes('session_name: "dev"');
          } catch {
            return false;
          }
        }, { timeoutMs: 30_000, what: "the hook's save" });
      } finally {
        try {
          client.kill();
        } catch { /* gone */ }
        await client.status;
      }
    });
  });
});
