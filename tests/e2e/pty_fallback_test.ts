/**
 * The fallback chain through the bundle: no terminal at all (CI, pipes) gives a clear error or
 * a skip, never a hang; --no-tmux and --no-pty pick the later steps; PTY children get the
 * filtered environment.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome, withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";
import { sharedDir } from "../helpers/shared.ts";
import { exists, readOr, runInPane } from "./pty_pane.ts";

Deno.test("no terminal: a required interactive command fails clearly, nothing after it runs", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: psql, interactive: true, command: "touch ran.txt"}
      - {name: after, command: "touch after.txt"}
`;
  await withProject(config, async (home, dir) => {
    const r = await runRune(["start", "app"], { env: home.env, cwd: dir, stdin: "" });
    strictEqual(r.code, 1, r.stderr);
    match(
      r.stderr,
      /✗ psql: failed · needs a terminal, and rune's stdin is not one: run rune from a terminal, or set optional: true/,
    );
    ok(!exists(`${dir}/ran.txt`));
    ok(!exists(`${dir}/after.txt`));
    ok(!exists(`${home.dir}/state/rune/audit.jsonl`), "a run that never started is not audited");
  });
});

const SHARED = sharedDir();

Deno.test({
  name: "no terminal: Rune's api-doc example (optional zsh, tmux steps) is skipped, no hang",
  ignore: !SHARED,
  fn: async () => {
    const home = makeTempHome();
    try {
      const dir = `${home.dir}/webapp`;
      Deno.mkdirSync(dir);
      Deno.writeTextFileSync(`${dir}/package.json`, "{}");
      const source = Deno.readTextFileSync(
        `${SHARED}/compat/rune/api-doc-complete-example.yaml`,
      );
      const config = home.writeConfig(source);
      const r = await runRune(["--config", config, "start", "--no-tmux"], {
        env: home.env,
        cwd: dir,
        timeoutMs: 30_000,
      });
      strictEqual(r.code, 0, r.stderr);
      match(
        r.stderr,
        /- Interactive Shell: skipped: needs a terminal, and rune's stdin is not one/,
      );
      match(r.stderr, /note: --no-tmux: running "Development Session" in this terminal instead/);
      match(r.stderr, /- Development Session: skipped: needs a terminal/);
      match(r.stderr, /- Full Environment: skipped: --no-tmux, and "Full Environment" is a tmux/);
    } finally {
      home.cleanup();
    }
  },
});

Deno.test("--json: a skipped interactive command says why", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: shell, interactive: true, optional: true, command: "sh"}
`;
  await withProject(config, async (home, dir) => {
    const r = await runRune(["start", "app", "--json"], { env: home.env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    const line = r.stdout.split("\n").find((l) => l.includes('"shell"'))!;
    const result = JSON.parse(line);
    deepStrictEqual(
      [result.status, result.message],
      ["skipped", "needs a terminal, and rune's stdin is not one"],
    );
  });
});

Deno.test("PTY children get the filtered environment plus the command's own env", async () => {
  const config = `
rituals:
  start:
    global:
      - name: envcheck
        interactive: true
        env: {MINE: "from-config"}
        command: "echo \\"[$GITHUB_TOKEN][$SSH_AUTH_SOCK][$MINE]\\" > env.txt"
`;
  await withProject(config, async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const run = await runInPane(tmux, {
        home,
        cwd: dir,
        args: ["start", "app"],
        env: { GITHUB_TOKEN: "ghp_secret", SSH_AUTH_SOCK: "/run/agent.sock" },
      });
      strictEqual(await run.exitCode(), 0);
      strictEqual(readOr(`${dir}/env.txt`), "[][/run/agent.sock][from-config]\n");
    });
  });
});

Deno.test("--no-pty in a terminal: the command runs on rune's terminal, said in one line", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: direct, interactive: true, command: "[ -t 0 ] && echo tty-ok > out.txt"}
`;
  await withProject(config, async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const run = await runInPane(tmux, { home, cwd: dir, args: ["start", "app", "--no-pty"] });
      strictEqual(await run.exitCode(), 0);
      strictEqual(readOr(`${dir}/out.txt`), "tty-ok\n");
      match(
        await tmux.capture(run.pane),
        /note: --no-pty: "direct" uses rune's terminal directly \(no pseudo-terminal, no transcript\)/,
      );
      const audit = readOr(`${home.dir}/state/rune/audit.jsonl`);
      strictEqual(JSON.parse(audit).via, "direct");
    });
  });
});
