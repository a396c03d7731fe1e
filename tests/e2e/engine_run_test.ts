/** `rune start|stop` running for real through the bundle, under its own permission set. */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome, type TempHome } from "../helpers/temp_home.ts";
import { killMarked, pidsWithMarker, uniqueMarker } from "../helpers/plan_fixture.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { exists } from "../helpers/files.ts";

function setUp(config: string, extraEnv: Record<string, string> = {}): {
  home: TempHome;
  project: string;
} {
  const home = makeTempHome(extraEnv);
  home.writeConfig(config);
  const project = `${home.dir}/web`;
  Deno.mkdirSync(project);
  return { home, project };
}

const ORDER = `
version: 1
rituals:
  start:
    global:
      - name: Global one
        command: echo global-1 >> order
      - name: Global two
        command: echo global-2 >> order
    per_project:
      web:
        - name: Project one
          command: echo project-1 >> order
  stop:
    global:
      - name: Global bye
        command: echo global-bye >> order
    per_project:
      web:
        - name: Project bye
          command: echo project-bye >> order
`;

Deno.test("start runs global then project commands; stop runs project then global", async () => {
  const { home, project } = setUp(ORDER);
  try {
    const start = await runRune(["start", "web"], { env: home.env, cwd: project });
    strictEqual(start.code, 0, start.stderr);
    strictEqual(start.stdout, "", "progress goes to stderr");
    const stop = await runRune(["stop", "web"], { env: home.env, cwd: project });
    strictEqual(stop.code, 0, stop.stderr);
    strictEqual(
      Deno.readTextFileSync(`${project}/order`),
      "global-1\nglobal-2\nproject-1\nproject-bye\nglobal-bye\n",
    );
    match(start.stderr, /^\[1\/3\] Global one …$/m);
    match(start.stderr, /^\[3\/3\] ✓ Project one: ok · \d+ms$/m);
    match(start.stderr, /^rune start web: 3 ok · /m);
  } finally {
    home.cleanup();
  }
});

const FAILING = `
version: 1
rituals:
  start:
    global:
      - name: Optional check
        command: echo soft-fail; exit 5
        optional: true
      - name: Missing tool
        command: nosuchtool-rune-e2e --version
        optional: true
      - name: Env check
        command: 'echo "secret=\${RUNE_E2E_SECRET_TOKEN-absent} sock=\${SSH_AUTH_SOCK-absent} own=\${OWN-absent}"; exit 3'
        env:
          OWN: mine
      - name: Never
        command: touch never
`;

Deno.test("optional failures warn, a required one stops the ritual and exits 1", async () => {
  const { home, project } = setUp(FAILING, {
    RUNE_E2E_SECRET_TOKEN: "hunter2",
    SSH_AUTH_SOCK: "/tmp/agent.sock",
  });
  try {
    const r = await runRune(["start", "web"], { env: home.env, cwd: project });
    strictEqual(r.code, 1, r.stderr);
    const lines = r.stderr.split("\n");
    const has = (line: string) => ok(lines.includes(line), `missing line ${line}:\n${r.stderr}`);
    has("    | soft-fail");
    match(r.stderr, /\[1\/4\] ! Optional check: failed \(optional, going on\) · exited with 5 · /);
    match(
      r.stderr,
      /\[2\/4\] ! Missing tool: failed \(optional, going on\) · program "nosuchtool-rune-e2e" is not installed or not on PATH/,
    );
    match(r.stderr, /\[3\/4\] ✗ Env check: failed · exited with 3 · /);
    has("    | secret=absent sock=/tmp/agent.sock own=mine");
    has('    "Env check" is required: the ritual stops here');
    has('[4/4] - Never: skipped: required step "Env check" failed');
    has('! "Env check" failed: exited with 3 (required: the ritual stopped here)');
    ok(!r.stderr.includes("hunter2"));
    strictEqual(exists(`${project}/never`), false);
  } finally {
    home.cleanup();
  }
});

Deno.test("settings.env allow and deny change what is withheld; a command's own env passes", async () => {
  const { home, project } = setUp(
    `
settings:
  env: {allow: [MY_TOOL_TOKEN], deny: [INTERNAL_*]}
rituals:
  start:
    global:
      - name: env
        command: env > seen
        env: {OWN_SECRET: "mine"}
`,
    {
      GITHUB_TOKEN: "ghp_x",
      AWS_SECRET_ACCESS_KEY: "aws",
      INTERNAL_URL: "http://i",
      SSH_AUTH_SOCK: "/tmp/agent.sock",
      DBUS_SESSION_BUS_ADDRESS: "unix:path=/run/bus",
      MY_TOOL_TOKEN: "kept",
    },
  );
  try {
    const r = await runRune(["start", "web"], { env: home.env, cwd: project });
    strictEqual(r.code, 0, r.stderr);
    const seen = Deno.readTextFileSync(`${project}/seen`);
    for (const gone of ["GITHUB_TOKEN", "AWS_SECRET_ACCESS_KEY", "INTERNAL_URL"]) {
      ok(!seen.includes(gone), `${gone} leaked`);
    }
    for (
      const kept of [
        "SSH_AUTH_SOCK=/tmp/agent.sock",
        "DBUS_SESSION_BUS_ADDRESS=unix:path=/run/bus",
        "MY_TOOL_TOKEN=kept",
        "OWN_SECRET=mine",
      ]
    ) {
      ok(seen.split("\n").includes(kept), `${kept} missing:\n${seen}`);
    }
    const dry = await runRune(["start", "web", "--dry-run"], { env: home.env, cwd: project });
    match(dry.stdout, /AWS_SECRET_ACCESS_KEY, GITHUB_TOKEN, INTERNAL_URL/);
    ok(!dry.stdout.includes("ghp_x"));
  } finally {
    home.cleanup();
  }
});

Deno.test("--json prints one result object per command on stdout", async () => {
  const { home, project } = setUp(FAILING);
  try {
    const r = await runRune(["start", "web", "--json"], { env: home.env, cwd: project });
    strictEqual(r.code, 1, r.stderr);
    const results = r.stdout.trim().split("\n").map((l) => JSON.parse(l));
    deepStrictEqual(
      results.map((x) => [x.id, x.name, x.status, x.exitCode]),
      [
        [1, "Optional check", "failed", 5],
        [2, "Missing tool", "failed", 127],
        [3, "Env check", "failed", 3],
        [4, "Never", "skipped", null],
      ],
    );
    strictEqual(typeof results[0].durationMs, "number");
    deepStrictEqual(results[0].outputTail, ["soft-fail"]);
    strictEqual(results[3].message, 'required step "Env check" failed');
  } finally {
    home.cleanup();
  }
});

Deno.test("--verbose echoes each command before it runs, with its output", async () => {
  const { home, project } = setUp(`
rituals:
  start:
    global:
      - name: Greet
        command: echo "it's {{.Project}}"
`);
  try {
    const r = await runRune(["start", "web", "--verbose"], { env: home.env, cwd: project });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /^\$ sh -c 'echo "it'\\''s web"'\nit's web\n\[1\/1\] ✓ Greet: ok/m);
  } finally {
    home.cleanup();
  }
});

Deno.test("a timeout ends the command's whole process group and says after how long", async () => {
  const marker = uniqueMarker("e2e-timeout");
  const { home, project } = setUp(`
rituals:
  start:
    global:
      - name: Hangs
        command: |
          sh -c 'sleep 300; : ${marker}' & sh -c 'sleep 301; : ${marker}' & wait
        timeout: 1s
`);
  try {
    const r = await runRune(["start", "web"], { env: home.env, cwd: project });
    strictEqual(r.code, 1, r.stderr);
    match(r.stderr, /✗ Hangs: timed out after 1s · /);
    deepStrictEqual(pidsWithMarker(marker), []);
  } finally {
    killMarked(marker);
    home.cleanup();
  }
});

Deno.test("a background command outlives rune, fills its log, and stop --kill-background ends it", async () => {
  const marker = uniqueMarker("e2e-bg");
  const { home, project } = setUp(`
rituals:
  start:
    global:
      - name: Ticker
        command: |
          exec sh -c 'while :; do echo tick; sleep 0.1; done; : ${marker}'
        background: true
`);
  try {
    const start = await runRune(["start", "web"], { env: home.env, cwd: project });
    strictEqual(start.code, 0, start.stderr);
    const m = start.stderr.match(/▶ Ticker: started · pid (\d+), log (\S+) · /);
    ok(m, start.stderr);
    const log = m[2];
    ok(log.startsWith(`${home.env.XDG_STATE_HOME}/rune/logs/`), log);
    strictEqual(pidsWithMarker(marker).length, 1, "still running after rune exited");
    const ticks = () => Deno.readTextFileSync(log).split("tick").length;
    const before = ticks();
    await waitFor(() => ticks() > before + 2, { what: "the log to keep filling" });

    const report = await runRune(["stop", "web"], { env: home.env, cwd: project });
    strictEqual(report.code, 0, report.stderr);
    match(report.stderr, new RegExp(`still running from rune start: "Ticker" \\(pid ${m[1]}, up `));
    match(report.stderr, /hint: end them with: rune stop --kill-background/);
    strictEqual(pidsWithMarker(marker).length, 1, "reporting ends nothing");

    const kill = await runRune(["stop", "web", "--kill-background"], {
      env: home.env,
      cwd: project,
    });
    strictEqual(kill.code, 0, kill.stderr);
    match(
      kill.stderr,
      new RegExp(`ended background "Ticker" \\(pid ${m[1]}\\); its log stays at `),
    );
    deepStrictEqual(pidsWithMarker(marker), []);
  } finally {
    killMarked(marker);
    home.cleanup();
  }
});
