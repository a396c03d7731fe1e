/** Ctrl-C (SIGINT) to a running `rune start`, through the bundle under its permission set. */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { runeArgv } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { killMarked, pidsWithMarker, uniqueMarker } from "../helpers/plan_fixture.ts";
import { exists } from "../helpers/files.ts";

Deno.test("SIGINT mid-ritual: the command gets it, nothing more starts, background stays, exit 130", async () => {
  const home = makeTempHome();
  const marker = uniqueMarker("e2e-sigint");
  const project = `${home.dir}/web`;
  Deno.mkdirSync(project);
  home.writeConfig(`
rituals:
  start:
    global:
      - name: Quick
        command: touch quick
      - name: Server
        command: |
          exec sh -c 'while :; do sleep 0.2; done; : ${marker}'
        background: true
      - name: Long
        command: |
          trap 'echo got-INT > got-int; exit 130' INT
          touch long-started
          while :; do sleep 0.05; done
      - name: After
        command: touch after
`);
  const argv = runeArgv(["start", "web"]);
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    cwd: project,
    env: { ...home.env, ...denoDir() },
    clearEnv: true,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  try {
    await waitFor(() => exists(`${project}/long-started`), {
      timeoutMs: 30_000,
      what: "the long step to start",
    });
    child.kill("SIGINT");
    const out = await child.output();
    const stderr = new TextDecoder().decode(out.stderr);
    strictEqual(out.code, 130, stderr);
    strictEqual(Deno.readTextFileSync(`${project}/got-int`), "got-INT\n");
    strictEqual(exists(`${project}/after`), false, "no command starts after Ctrl-C");
    strictEqual(pidsWithMarker(marker).length, 1, "the background command is left alone");
    match(stderr, /^\[3\/4\] ✗ Long: interrupted · [\d.]+m?s$/m);
    match(stderr, /\[4\/4\] - After: skipped: interrupted/);
    match(stderr, /! "Long" was interrupted after /);
    match(stderr, /left running: "Server" \(pid \d+\), log /);
    const summary = stderr.trim().split("\n").at(-1) ?? "";
    match(
      summary,
      /^rune start web: 1 ok, 1 started, 1 interrupted, 1 skipped · [\d.]+m?s$/,
    );
    deepStrictEqual(new TextDecoder().decode(out.stdout), "");
  } finally {
    try {
      child.kill("SIGKILL");
    } catch { /* exited */ }
    killMarked(marker);
    home.cleanup();
  }
});

function denoDir(): Record<string, string> {
  const dir = Deno.env.get("DENO_DIR");
  return dir ? { DENO_DIR: dir } : {};
}
