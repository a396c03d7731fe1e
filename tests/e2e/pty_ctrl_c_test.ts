/**
 * Ctrl-C inside an interactive program that survives it (a REPL): the step's result is the
 * program's own exit status, not the 130 of a shell that also saw the SIGINT. Typed in a pane
 * of a private tmux server, as a person would.
 */
import { match, strictEqual } from "node:assert/strict";
import { withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { readOr, runInPane } from "./pty_pane.ts";

const hasPython = (() => {
  try {
    return new Deno.Command("python3", { args: ["-c", ""], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch {
    return false;
  }
})();

const REPL_CONFIG = `
rituals:
  start:
    global:
      - {name: repl, interactive: true, command: "python3 -q"}
      - {name: then, interactive: true, command: "python3 -q && echo back-in-the-shell > back.txt"}
      - {name: after, command: "echo after-ran > after.txt"}
`;

for (const args of [["start", "app", "--no-tmux"], ["start", "app", "--no-tmux", "--no-pty"]]) {
  const how = args.includes("--no-pty") ? "directly (--no-pty)" : "under script";
  Deno.test({
    name: `Ctrl-C at a REPL's prompt, then exit(): the step is ok and the ritual goes on (${how})`,
    ignore: !hasPython,
    fn: () =>
      withProject(REPL_CONFIG, (home, dir) =>
        withTmuxServer(async (tmux) => {
          const run = await runInPane(tmux, { home, cwd: dir, args });
          for (const step of ["repl", "then"]) {
            const n = step === "repl" ? 1 : 2;
            await waitForCount(tmux, run.pane, ">>>", 2 * n - 1, `${step}'s first prompt`);
            await tmux.tmux("send-keys", "-t", run.pane, "C-c");
            await waitForCount(tmux, run.pane, "KeyboardInterrupt", n, `${step}'s ^C`);
            await tmux.tmux("send-keys", "-t", run.pane, "-l", "exit()");
            await tmux.tmux("send-keys", "-t", run.pane, "Enter");
          }
          const code = await run.exitCode();
          const screen = await tmux.capture(run.pane);
          strictEqual(code, 0, screen);
          match(screen, /✓ repl: ok/);
          match(screen, /✓ then: ok/);
          strictEqual(readOr(`${dir}/back.txt`), "back-in-the-shell\n", screen);
          strictEqual(readOr(`${dir}/after.txt`), "after-ran\n", screen);
          strictEqual(run.sttyAfter(), run.sttyBefore());
        })),
  });
}

/** Waits until `text` shows at least `n` times on the pane's screen. */
async function waitForCount(tmux: TmuxServer, pane: string, text: string, n: number, what: string) {
  let screen = "";
  await waitFor(async () => {
    screen = await tmux.capture(pane).catch(() => "");
    return screen.split(text).length > n;
  }, { timeoutMs: 20_000, what: () => `${what}; screen:\n${screen}` });
}

Deno.test("Ctrl-C that kills the program still stops the rest of the step's command", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: waits, interactive: true, command: "echo ready; sleep 30; echo rest-ran > rest.txt"}
`;
  await withProject(config, (home, dir) =>
    withTmuxServer(async (tmux) => {
      const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app", "--no-tmux"] });
      await tmux.waitForText(run.pane, "ready", 20_000);
      await tmux.tmux("send-keys", "-t", run.pane, "C-c");
      strictEqual(await run.exitCode(), 1);
      match(await tmux.capture(run.pane), /✗ waits: failed · exited with 130/);
      strictEqual(readOr(`${dir}/rest.txt`), "");
    }));
});

for (const args of [["start", "app"], ["start", "app", "--no-pty"]]) {
  const how = args.includes("--no-pty") ? "directly (--no-pty)" : "under script";
  Deno.test({
    name: `Ctrl-Z at a REPL's prompt suspends nothing: the REPL goes on (${how})`,
    ignore: !hasPython,
    fn: () =>
      withProject(REPL_CONFIG, (home, dir) =>
        withTmuxServer(async (tmux) => {
          const run = await runInPane(tmux, { home, cwd: dir, args });
          await waitForCount(tmux, run.pane, ">>>", 1, "the first prompt");
          await tmux.tmux("send-keys", "-t", run.pane, "C-z");
          await tmux.tmux("send-keys", "-t", run.pane, "-l", "print(6 * 7)");
          await tmux.tmux("send-keys", "-t", run.pane, "Enter");
          await tmux.waitForText(run.pane, /^42$/m);
          for (let n = 2; n <= 3; n++) {
            await tmux.tmux("send-keys", "-t", run.pane, "-l", "exit()");
            await tmux.tmux("send-keys", "-t", run.pane, "Enter");
            if (n === 2) await waitForCount(tmux, run.pane, ">>>", 3, "the second step's prompt");
          }
          strictEqual(await run.exitCode(), 0, await tmux.capture(run.pane));
          strictEqual(run.sttyAfter(), run.sttyBefore());
        })),
  });
}
