/**
 * The ritual engine through the real program (the bundle under deno.json's permission set),
 * with real `sh`: order, optional vs required, exit codes, timeouts, background, Ctrl-C,
 * secrets, and what a person sees with and without a terminal.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { processesMatching } from "../helpers/processes.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";

/** A temp HOME with a project dir "app" and a config; the test body gets both. */
async function withProject(
  config: string,
  fn: (home: TempHome, dir: string) => Promise<void>,
  env: Record<string, string> = {},
) {
  const home = makeTempHome(env);
  try {
    const dir = `${home.dir}/app`;
    Deno.mkdirSync(dir);
    home.writeConfig(config);
    await fn(home, dir);
  } finally {
    home.cleanup();
  }
}

const read = (path: string) => {
  try {
    return Deno.readTextFileSync(path);
  } catch {
    return "";
  }
};

Deno.test("start runs global then project commands; an optional failure goes on, a required one stops", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: first, command: "echo first >> log"}
      - {name: flaky, command: "echo flaky >> log; exit 5", optional: true}
    per_project:
      app:
        - {name: build, command: "echo build >> log; echo compile error; exit 2"}
        - {name: deploy, command: "echo deploy >> log"}
`;
  await withProject(config, async (home, dir) => {
    const r = await runRune(["start", "app"], { env: home.env, cwd: dir });
    strictEqual(r.code, 1, r.stderr);
    strictEqual(read(`${dir}/log`), "first\nflaky\nbuild\n");
    match(r.stderr, /flaky: failed \(optional, going on\) · exited with 5/);
    match(r.stderr, /build: failed · exited with 2/);
    match(r.stderr, /\| compile error/);
    match(r.stderr, /deploy: skipped · not run: "build" failed/);
    match(r.stderr, /rune start app: 1 ok, 1 failed \(optional\), 1 failed, 1 skipped/);
  });
});

Deno.test("stop runs the project's commands, then the global ones; --json gives one object per command", async () => {
  const config = `
rituals:
  stop:
    global: [{name: g, command: "echo g >> log"}]
    per_project:
      app: [{name: p, command: "echo p >> log"}]
`;
  await withProject(config, async (home, dir) => {
    const r = await runRune(["stop", "app", "--json"], { env: home.env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    strictEqual(read(`${dir}/log`), "p\ng\n");
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    deepStrictEqual(lines.map((l) => [l.name, l.status, l.exitCode]), [["p", "ok", 0], [
      "g",
      "ok",
      0,
    ]]);
  });
});

Deno.test("a timed-out command is named with its limit and its grandchildren are gone", async () => {
  const marker = `rune-e2e-timeout-${crypto.randomUUID()}`;
  const config = `
rituals:
  start:
    global:
      - name: hang
        command: "sh -c 'sleep 100; :' ${marker} & sleep 100; :"
        timeout: 500ms
`;
  await withProject(config, async (home, dir) => {
    const r = await runRune(["start", "app"], { env: home.env, cwd: dir });
    strictEqual(r.code, 1);
    match(r.stderr, /hang: timed out · timed out after 500ms/);
    await waitFor(async () => (await processesMatching(marker)).length === 0, {
      what: `processes with ${marker} to be gone`,
    });
  });
});

Deno.test("secrets are withheld from commands; what tools need stays", async () => {
  const config = `
settings:
  env: {allow: [MY_TOOL_TOKEN], deny: [INTERNAL_URL]}
rituals:
  start:
    global:
      - name: env
        command: env > seen
        env: {OWN_SECRET: "mine"}
`;
  await withProject(config, async (home, dir) => {
    const r = await runRune(["start", "app"], { env: home.env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    const seen = read(`${dir}/seen`);
    for (const gone of ["GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "INTERNAL_URL"]) {
      ok(!seen.includes(gone), `${gone} leaked`);
    }
    match(seen, /^SSH_AUTH_SOCK=\/tmp\/agent\.sock$/m);
    match(seen, /^MY_TOOL_TOKEN=kept$/m);
    match(seen, /^OWN_SECRET=mine$/m);
  }, {
    GITHUB_TOKEN: "ghp_x",
    AWS_SECRET_ACCESS_KEY: "aws",
    INTERNAL_URL: "http://i",
    SSH_AUTH_SOCK: "/tmp/agent.sock",
    MY_TOOL_TOKEN: "kept",
  });
});

Deno.test("a missing program is named in one line", async () => {
  await withProject(
    `rituals: {start: {global: [{name: tool, command: "nosuchtool-e2e --go"}]}}`,
    async (home, dir) => {
      const r = await runRune(["start", "app"], { env: home.env, cwd: dir });
      strictEqual(r.code, 1);
      match(r.stderr, /tool: failed · program "nosuchtool-e2e" is not installed or not on PATH/);
    },
  );
});

Deno.test("a background command outlives rune, logs to its file, and stop --kill-background ends it", async () => {
  const marker = `rune-e2e-bg-${crypto.randomUUID()}`;
  const config = `
rituals:
  start:
    global:
      - name: server
        command: "while :; do echo tick-${marker}; sleep 0.1; done"
        background: true
`;
  await withProject(config, async (home, dir) => {
    const r = await runRune(["start", "app"], { env: home.env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    const log = r.stderr.match(/log (\S+\.log)/)?.[1];
    ok(log?.startsWith(`${home.dir}/state/rune/logs/app/`), r.stderr);
    await waitFor(() => read(log!).includes(`tick-${marker}`), { what: "the log to fill" });
    ok((await processesMatching(marker)).length > 0, "background process should still run");
    strictEqual(Deno.statSync(log!).mode! & 0o777, 0o600);

    const stop = await runRune(["stop", "app"], { env: home.env, cwd: dir });
    match(stop.stderr, /still running in the background: "server"/);
    const kill = await runRune(["stop", "app", "--kill-background"], { env: home.env, cwd: dir });
    match(kill.stderr, /ended background "server"/);
    await waitFor(async () => (await processesMatching(marker)).length === 0, {
      what: "the background process to end",
    });
  });
});

Deno.test("Ctrl-C stops the ritual: the running command gets SIGINT, nothing else starts, exit 130", async () => {
  const config = `
rituals:
  start:
    global:
      - name: long
        command: "trap 'echo got-int > int; exit 130' INT; touch started; sleep 30 & wait"
      - name: after
        command: "touch after"
`;
  await withProject(config, async (home, dir) => {
    const argv = runeArgv(["start", "app"]);
    const child = new Deno.Command(argv[0], {
      args: argv.slice(1),
      cwd: dir,
      env: home.env,
      clearEnv: true,
      stdout: "piped",
      stderr: "piped",
    }).spawn();
    await waitFor(() => read(`${dir}/started`) !== "" || exists(`${dir}/started`), {
      what: "the first command to start",
    });
    child.kill("SIGINT");
    const out = await child.output();
    const stderr = new TextDecoder().decode(out.stderr);
    strictEqual(out.code, 130, stderr);
    strictEqual(read(`${dir}/int`), "got-int\n");
    ok(!exists(`${dir}/after`), "no command may start after Ctrl-C");
    match(stderr, /long: interrupted/);
    match(stderr, /after: skipped · not run: interrupted/);
  });
});

Deno.test("on a terminal rune draws live progress; the screen shows each step's state", async () => {
  const config = `
rituals:
  start:
    global:
      - {name: quick, command: "true"}
      - {name: broken, command: "echo why-it-broke; exit 3", optional: true}
`;
  await withProject(config, async (home, dir) => {
    await withTmuxServer(async (tmux) => {
      const envArgs = Object.entries({ ...home.env, NO_COLOR: "" })
        .filter(([k]) => k !== "NO_COLOR")
        .flatMap(([k, v]) => ["-e", `${k}=${v}`]);
      const cmd = runeArgv(["start", "app"]).map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(" ");
      await tmux.tmux(
        "new-session",
        "-d",
        "-s",
        "live",
        "-x",
        "100",
        "-y",
        "20",
        "-c",
        dir,
        ...envArgs,
        `${cmd}; echo "exit=$?"; sleep 30`,
      );
      const screen = await tmux.waitForText("live", /exit=\d+/, 20_000);
      match(screen, /✓ quick/);
      match(screen, /✗ broken \(optional\)\s+exited with 3/);
      match(screen, /│ why-it-broke/);
      match(screen, /rune start app: 1 ok, 1 failed \(optional\)/);
      match(screen, /exit=0/);
      ok(!screen.includes("…"), "no step may be left drawn as running");
    });
  });
});

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch {
    return false;
  }
}
