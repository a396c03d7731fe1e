/**
 * Interactive commands under `script`, through the bundle, in a real terminal (a pane of a
 * private tmux server): typing answers, a terminal even with rune's stdout piped, Ctrl-C going
 * to the command, and the user's terminal modes back as they were on every way out.
 */
import { match, notStrictEqual, ok, strictEqual } from "node:assert/strict";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { readOr, runInPane, sttyOf } from "./pty_pane.ts";

async function withPty(
  config: string,
  fn: (c: { home: TempHome; dir: string; tmux: TmuxServer }) => Promise<void>,
) {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/app`;
    Deno.mkdirSync(dir);
    home.writeConfig(config);
    await withTmuxServer((tmux) => fn({ home, dir, tmux }));
  } finally {
    home.cleanup();
  }
}

Deno.test("a read prompt is answered by typing; its exit status is the step's result", async () => {
  const config = `
rituals:
  start:
    global:
      - name: ask
        interactive: true
        command: "printf 'your name? '; read name; echo \\"hello [$name]\\"; exit 4"
      - {name: after, command: "echo after"}
`;
  await withPty(config, async ({ home, dir, tmux }) => {
    const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app"] });
    await tmux.waitForText(run.pane, "your name?", 20_000);
    await tmux.tmux("send-keys", "-t", run.pane, "-l", "Ada Lovelace");
    await tmux.tmux("send-keys", "-t", run.pane, "Enter");
    strictEqual(await run.exitCode(), 1);
    const screen = await tmux.capture(run.pane);
    match(screen, /hello \[Ada Lovelace\]/);
    match(screen, /✗ ask: failed · exited with 4/);
    match(screen, /- after: skipped: .*"ask" failed/);
    strictEqual(run.sttyAfter(), run.sttyBefore());
  });
});

Deno.test("under script the command sees a terminal even when rune's stdout is piped", async () => {
  const config = `
rituals:
  start:
    global:
      - name: check
        interactive: true
        command: "[ -t 0 ] && echo stdin-is-a-tty; [ -t 1 ] && echo stdout-is-a-tty; tty >/dev/null && echo has-tty"
`;
  await withPty(config, async ({ home, dir, tmux }) => {
    const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app"], pipeStdout: true });
    strictEqual(await run.exitCode(), 0);
    const screen = await tmux.capture(run.pane);
    match(screen, /stdin-is-a-tty/);
    match(screen, /stdout-is-a-tty/);
    match(screen, /has-tty/);
  });
});

Deno.test("Ctrl-C goes to the interactive command; rune survives and goes on", async (t) => {
  // A REPL-like command: counts Ctrl-Cs, ends by itself after the second one.
  const repl = `n=0; trap 'n=$((n+1)); echo caught-$n' INT; echo ready; ` +
    `while [ $n -lt 2 ]; do sleep 0.1; done; echo survived; exit 0`;
  for (const args of [["start", "app"], ["start", "app", "--no-pty"]]) {
    await t.step(args.includes("--no-pty") ? "directly (--no-pty)" : "under script", async () => {
      const config = `
rituals:
  start:
    global:
      - {name: repl, interactive: true, command: "${repl.replace(/"/g, '\\"')}"}
      - {name: after, command: "echo after-ran > after.txt"}
`;
      await withPty(config, async ({ home, dir, tmux }) => {
        const run = await runInPane(tmux, { home, cwd: dir, args });
        await tmux.waitForText(run.pane, "ready", 20_000);
        await tmux.tmux("send-keys", "-t", run.pane, "C-c");
        await tmux.waitForText(run.pane, "caught-1");
        await tmux.tmux("send-keys", "-t", run.pane, "C-c");
        strictEqual(await run.exitCode(), 0);
        const screen = await tmux.capture(run.pane);
        match(screen, /caught-2/);
        match(screen, /survived/);
        strictEqual(readOr(`${dir}/after.txt`), "after-ran\n");
        strictEqual(run.sttyAfter(), run.sttyBefore());
      });
    });
  }
});

Deno.test("the command's own Ctrl-C exit status is the step's result, not rune's 130", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: stops, interactive: true, command: "trap 'echo child-got-INT; exit 5' INT; echo ready; while :; do sleep 0.1; done"}
`;
  await withPty(config, async ({ home, dir, tmux }) => {
    const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app"] });
    await tmux.waitForText(run.pane, "ready", 20_000);
    await tmux.tmux("send-keys", "-t", run.pane, "C-c");
    strictEqual(await run.exitCode(), 1);
    const screen = await tmux.capture(run.pane);
    match(screen, /child-got-INT/);
    match(screen, /✗ stops: failed · exited with 5/);
  });
});

/**
 * The command puts a file with its pid and script's pid, then waits; the test kills one of
 * them. While it waits, the pane's terminal is raw (so a missing restore would show).
 */
const WAITER = `echo "$$ $PPID" > pids; echo waiting; while :; do sleep 0.1; done`;

async function killDuring(
  which: "child" | "script" | "rune",
  signal: "KILL" | "TERM",
  want: { exit: number; screen: RegExp },
) {
  const config = `
rituals:
  start:
    global:
      - {name: waits, interactive: true, command: "${WAITER.replace(/"/g, '\\"')}"}
      - {name: after, command: "echo after-ran > after.txt"}
`;
  await withPty(config, async ({ home, dir, tmux }) => {
    const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app"] });
    await tmux.waitForText(run.pane, "waiting", 20_000);
    const [child, script] = readOr(`${dir}/pids`).trim().split(" ").map(Number);
    const before = run.sttyBefore();
    // Under script the user's terminal is raw now: the check below could fail.
    notStrictEqual(await sttyOf(run.tty), before);
    const target = which === "child" ? child : which === "script" ? script : await parentOf(script);
    Deno.kill(target, `SIG${signal}`);
    strictEqual(await run.exitCode(), want.exit);
    match(await tmux.capture(run.pane), want.screen);
    strictEqual(run.sttyAfter(), before);
    strictEqual(await sttyOf(run.tty), before);
    // Nothing of the command is left running.
    await waitFor(() => !alive(child), { what: `the command (pid ${child}) to end` });
  });
}

Deno.test("terminal modes are restored when the command is killed", async () => {
  await killDuring("child", "KILL", { exit: 1, screen: /✗ waits: failed · exited with 137/ });
});

Deno.test("terminal modes are restored when `script` itself is killed with KILL", async () => {
  await killDuring("script", "KILL", {
    exit: 1,
    screen: /✗ waits: failed · `script` was killed by SIGKILL/,
  });
});

Deno.test("rune killed with TERM ends the command, restores the terminal and stops", async () => {
  await killDuring("rune", "TERM", {
    exit: 130,
    screen: /waits: interrupted · ended: rune got SIGTERM/,
  });
});

async function parentOf(pid: number): Promise<number> {
  const out = await new Deno.Command("ps", {
    args: ["-o", "ppid=", "-p", String(pid)],
    stdout: "piped",
  })
    .output();
  const ppid = Number(new TextDecoder().decode(out.stdout).trim());
  ok(ppid > 1, `parent of ${pid}`);
  return ppid;
}

function alive(pid: number): boolean {
  try {
    Deno.kill(pid, "SIGCONT");
    return true;
  } catch {
    return false;
  }
}
