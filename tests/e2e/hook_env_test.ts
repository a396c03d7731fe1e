/**
 * `rune __hook-env SHELL` (the hook's fast path) and `rune prompt`: the variables for the
 * project here and the open work session, enter and leave rituals (their env, their output
 * kept off stdout and cut to one line, their timeout), and the prompt segment.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { readOr } from "../helpers/files.ts";

const CONFIG = (dir: string, enterLeave = true) =>
  `settings:
  hooks: { enter_leave: ${enterLeave}, timeout: 1s }
projects:
  - name: web
    detect: ["dir:${dir}"]
rituals:
  enter:
    per_project:
      web:
        - name: env
          command: printf '%s|%s|%s' "$RUNE_PROJECT" "$RUNE_PROJECT_DIR" "$PWD" > "$RUNE_PROJECT_DIR/entered"
        - { name: chatty, command: "echo one; echo two >&2; echo 'export PWNED=1'; echo last line" }
  leave:
    per_project:
      web:
        - { name: bye, command: "touch $RUNE_PROJECT_DIR/left; sleep 20", optional: true }
`;

Deno.test("__hook-env: entering runs enter (project env, output off stdout, one line)", async () => {
  await withProject("", async (home, dir) => {
    home.writeConfig(CONFIG(dir));
    const r = await runRune(["__hook-env", "bash"], { env: home.env, cwd: dir });
    strictEqual(r.code, 0, r.stderr);
    deepStrictEqual(r.stdout.split("\n").filter(Boolean), [
      "export RUNE_PROJECT='web'",
      `export RUNE_PROJECT_DIR='${dir}'`,
      "unset RUNE_SESSION_PROJECT",
      "unset RUNE_SESSION_START",
      "unset RUNE_SESSION_PAUSED",
      "unset RUNE_SESSION_PAUSED_SECONDS",
    ]);
    strictEqual(readOr(`${dir}/entered`), `web|${dir}|${dir}`);
    // One line: the last one the commands printed (stdout and stderr are read as they come).
    const said = r.stderr.trim().split("\n");
    strictEqual(said.length, 1, r.stderr);
    match(said[0], /^rune: enter web: (last line|two)$/);
    // Already there: nothing runs again.
    Deno.removeSync(`${dir}/entered`);
    const again = await runRune(["__hook-env", "zsh"], {
      env: { ...home.env, RUNE_PROJECT: "web", RUNE_PROJECT_DIR: dir },
      cwd: dir,
    });
    strictEqual(again.stderr, "");
    strictEqual(readOr(`${dir}/entered`), "");
  });
});

Deno.test("__hook-env: leaving runs leave, its timeout ends it; fish code", async () => {
  await withProject("", async (home, dir) => {
    home.writeConfig(CONFIG(dir));
    const r = await runRune(["__hook-env", "fish"], {
      env: { ...home.env, RUNE_PROJECT: "web", RUNE_PROJECT_DIR: dir },
      cwd: home.home,
    });
    strictEqual(r.code, 0, r.stderr);
    match(r.stdout, /^set -eg RUNE_PROJECT$/m);
    ok(readOr(`${dir}/left`) === "" && Deno.statSync(`${dir}/left`).isFile);
    match(r.stderr, /^rune: leave web: "bye" timed out after 1s$/m);
  });
});

Deno.test("__hook-env: without enter_leave nothing runs; the open session is exported", async () => {
  await withProject("", async (home, dir) => {
    home.writeConfig(CONFIG(dir, false));
    const env = home.env;
    strictEqual(
      (await runRune(["start", "--skip-rituals", "--at", "-90m"], { env, cwd: dir })).code,
      0,
    );
    strictEqual((await runRune(["pause", "--at", "-30m"], { env, cwd: dir })).code, 0);
    strictEqual((await runRune(["resume", "--at", "-20m"], { env, cwd: dir })).code, 0);
    const r = await runRune(["__hook-env", "bash"], { env, cwd: dir });
    strictEqual(readOr(`${dir}/entered`), "");
    const vars = Object.fromEntries(
      [...r.stdout.matchAll(/^export (\w+)='([^']*)'$/gm)].map((m) => [m[1], m[2]]),
    );
    strictEqual(vars.RUNE_SESSION_PROJECT, "web");
    strictEqual(vars.RUNE_SESSION_PAUSED_SECONDS, "600");
    const start = Number(vars.RUNE_SESSION_START);
    ok(Math.abs(Date.now() / 1000 - 90 * 60 - start) < 600, `start ${start}`);
    match(r.stdout, /^unset RUNE_SESSION_PAUSED$/m);

    const prompt = await runRune(["prompt"], { env, cwd: "/" });
    match(prompt.stdout, /^web 1h2[01]m\n$/);
    strictEqual((await runRune(["pause"], { env, cwd: dir })).code, 0);
    const paused = await runRune(["__hook-env", "bash"], { env, cwd: dir });
    match(paused.stdout, /^export RUNE_SESSION_PAUSED='\d+'$/m);
    const shown = await runRune(["prompt", "--format", "[{project}|{state}]"], { env });
    strictEqual(shown.stdout, "[web|paused]\n");
  });
});

Deno.test("rune prompt: $RUNE_PROJECT without a session, nothing with neither", async () => {
  await withProject("", async (home) => {
    const none = await runRune(["prompt"], { env: home.env });
    strictEqual(`${none.code}|${none.stdout}|${none.stderr}`, "0||");
    const hooked = await runRune(["prompt"], { env: { ...home.env, RUNE_PROJECT: "api" } });
    strictEqual(hooked.stdout, "api\n");
  });
});

Deno.test("__hook-env: no config, or a broken one, still answers (one line for the broken)", async () => {
  await withProject("", async (home, dir) => {
    Deno.removeSync(`${home.dir}/config/rune/config.yaml`);
    const none = await runRune(["__hook-env", "bash"], { env: home.env, cwd: dir });
    strictEqual(`${none.code}|${none.stderr}`, "0|");
    match(none.stdout, /^unset RUNE_PROJECT$/m);
    home.writeConfig("projects: [{ name: web, detect: [\n");
    const broken = await runRune(["__hook-env", "bash"], { env: home.env, cwd: dir });
    strictEqual(broken.code, 0);
    match(broken.stderr, /^rune: the shell hook cannot use the config .*: it has errors/);
    strictEqual(broken.stderr.trim().split("\n").length, 1);
  });
});
