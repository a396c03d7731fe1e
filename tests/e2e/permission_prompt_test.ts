/**
 * rune never stops in Deno's permission prompt. Programs are found on rune's own PATH, where
 * their run permission was granted by name, even when another `stty` comes first there; a run
 * permission that is missing is the one-line message and exit 3, even for a launcher that
 * forgot --no-prompt. In a pane of a private tmux server, where a prompt would show.
 */
import { doesNotMatch, match, strictEqual } from "node:assert/strict";
import { BUNDLE, DENO_CONFIG, runeArgv } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { readOr, runInPane } from "./pty_pane.ts";
import { currentRuneArgv } from "../../src/tmux/close_hook.ts";

const CONFIG = `
rituals:
  start:
    global:
      - {name: ask, interactive: true, command: "echo asked"}
      - {name: after, command: "echo after-ran > after.txt"}
`;

/** A `stty` that logs its arguments, then runs the real one: first on the pane's PATH. */
function fakeStty(home: TempHome): { env: Record<string, string>; log: string } {
  const bin = `${home.dir}/fakebin`;
  Deno.mkdirSync(bin);
  const log = `${home.dir}/fake-stty.log`;
  Deno.writeTextFileSync(`${bin}/stty`, `#!/bin/sh\necho "$*" >> '${log}'\nexec /bin/stty "$@"\n`);
  Deno.chmodSync(`${bin}/stty`, 0o755);
  return { env: { PATH: `${bin}:${home.env.PATH}` }, log };
}

Deno.test("another stty first on PATH: rune runs that one, as it was allowed, and goes on", async () => {
  await withProject(CONFIG, (home, dir) =>
    withTmuxServer(async (tmux) => {
      const fake = fakeStty(home);
      const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app"], env: fake.env });
      const code = await run.exitCode();
      const screen = await tmux.capture(run.pane);
      strictEqual(code, 0, screen);
      match(screen, /✓ ask: ok/);
      match(readOr(fake.log), /^-g$/m, "the terminal modes were read with the stty on PATH");
      strictEqual(readOr(`${dir}/after.txt`), "after-ran\n");
    }));
});

Deno.test("a run permission not granted: one line and exit 3, never Deno's prompt", async () => {
  await withProject(CONFIG, (home, dir) =>
    withTmuxServer(async (tmux) => {
      // No --no-prompt, and a run list without stty: Deno would ask "Allow?" and wait.
      const argv = [
        Deno.execPath(),
        "run",
        "-q",
        "--config",
        DENO_CONFIG,
        "--allow-read",
        "--allow-write",
        "--allow-env",
        "--allow-sys=uid",
        "--allow-run=sh,tmux,script,kill,ps",
        BUNDLE,
        "start",
        "app",
      ];
      const run = await runInPane(tmux, { home, cwd: dir, args: [], argv });
      const code = await run.exitCode(20_000);
      const screen = await tmux.capture(run.pane);
      strictEqual(code, 3, screen);
      doesNotMatch(screen, /Deno requests|Allow\?/);
      match(screen, /^rune: cannot continue: the run permission for "stty" is not granted$/m);
      match(screen, /hint: run with --allow-run=stty/);
      strictEqual(readOr(`${dir}/after.txt`), "");
    }));
});

Deno.test("every way rune is started turns prompts off", () => {
  const make = Deno.readTextFileSync(new URL("../../Makefile", import.meta.url));
  for (const line of make.split("\n").filter((l) => /\$\(DENO\) (run|compile) /.test(l))) {
    match(line, /--no-prompt/, line);
  }
  match(make, /^RUN := .*--no-prompt/m);
  const tasks = JSON.parse(Deno.readTextFileSync(DENO_CONFIG)).tasks as Record<string, string>;
  for (const [name, task] of Object.entries(tasks)) {
    if (/deno run/.test(task)) match(task, /--no-prompt/, `deno.json task ${name}`);
  }
  match(runeArgv([]).join(" "), /--no-prompt/);
  // The close hook and auto_tmux start this same rune again with this argv.
  match(currentRuneArgv().join(" "), / run -q --no-prompt /);
});
