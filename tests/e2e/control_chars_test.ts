/**
 * Control characters in values never reach the terminal raw through the real program: a
 * project directory in `--dry-run`, `session kill`/`attach` arguments, a configured name in the
 * progress lines, a config path in `doctor`, an option in a usage error. Each is shown as
 * `\x1b`, `\r`, `\x07`, `\u202e`; `--json` keeps escaping them its own way.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import { withTmuxServer } from "../helpers/tmux_server.ts";

const H = "x\x1b[8mhidden\rover\x07bell\u202erev";
const SHOWN = String.raw`x\x1b[8mhidden\rover\x07bell\u202erev`;
// deno-lint-ignore no-control-regex
const RAW = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;

function clean(what: string, text: string) {
  ok(
    !RAW.test(text),
    `${what}: a control character reached the terminal raw:\n${JSON.stringify(text)}`,
  );
  ok(text.includes(SHOWN), `${what}: the value is not shown:\n${text}`);
}

const CONFIG = `
rituals:
  start:
    global:
      - {name: "Build \\e[8mhidden\\rover\\abell\\u202erev", command: "true"}
`;

Deno.test("hostile values through the CLI's human output, never raw", async (t) => {
  await withProject(CONFIG, async (home) => {
    const dir = `${home.dir}/${H}`;
    Deno.mkdirSync(dir);
    await t.step("--dry-run prints the project directory visibly", async () => {
      const r = await runRune(["start", "--dry-run"], { env: home.env, cwd: dir });
      strictEqual(r.code, 0, r.stderr);
      clean("dry run", r.stdout + r.stderr);
    });
    await t.step("--dry-run --json escapes it the JSON way", async () => {
      const r = await runRune(["start", "--dry-run", "--json"], { env: home.env, cwd: dir });
      strictEqual(JSON.parse(r.stdout).project.dir, dir);
      // JSON escapes C0 controls (ESC, CR, BEL); other characters are data for a program.
      // deno-lint-ignore no-control-regex
      ok(!/[\u0000-\u001f]/.test(r.stdout.replaceAll("\n", "")), r.stdout);
    });
    await t.step("progress lines show a configured name visibly", async () => {
      const r = await runRune(["start", "app"], { env: home.env, cwd: dir });
      strictEqual(r.code, 0, r.stderr);
      ok(!RAW.test(r.stderr), JSON.stringify(r.stderr));
      ok(r.stderr.includes(String.raw`Build \x1b[8mhidden\rover\x07bell\u202erev: ok`), r.stderr);
    });
    await t.step("config show and ritual list show a configured name visibly", async () => {
      for (const args of [["config", "show"], ["ritual", "list"]]) {
        const r = await runRune(args, { env: home.env, cwd: home.dir });
        strictEqual(r.code, 0, r.stderr);
        ok(!RAW.test(r.stdout + r.stderr), `${args.join(" ")}: ${JSON.stringify(r.stdout)}`);
        ok(/Build \\(x1b|e)\[8mhidden\\rover\\(x07|a)bell\\u202erev/.test(r.stdout), r.stdout);
      }
    });
    await t.step("doctor shows a config path visibly", async () => {
      const config = `${dir}/config.yaml`;
      Deno.writeTextFileSync(config, "version: 1\n");
      const r = await runRune(["doctor", "--config", config], { env: home.env, cwd: home.dir });
      clean("doctor", r.stdout + r.stderr);
    });
    await t.step("a usage error shows the option it refuses visibly", async () => {
      const r = await runRune(["start", `--${H}`], { env: home.env, cwd: home.dir });
      strictEqual(r.code, 2);
      clean("usage error", r.stderr);
    });
    await t.step("session kill and attach echo their argument visibly", async () => {
      await withTmuxServer(async (tmux) => {
        await tmux.tmux("new-session", "-d", "-s", "other");
        const env = { ...home.env, RUNE_TMUX_SOCKET: tmux.socket };
        for (const command of ["kill", "attach"]) {
          const r = await runRune(["session", command, H], { env, cwd: home.dir });
          strictEqual(r.code, 2, r.stderr);
          clean(`session ${command}`, r.stderr);
        }
        deepStrictEqual(await tmux.tmux("list-sessions", "-F", "#{session_name}"), "other");
      });
    });
  });
});
