/**
 * `make install`'s script on a machine where `deno compile` cannot fetch its runtime: the
 * launcher runs the installed bundle under rune's permission set, from anywhere, with prompts
 * off, and keeps working after the source tree is gone from its view (it uses its own copies).
 */
import { match, ok, strictEqual } from "node:assert/strict";
import { REPO_ROOT } from "../helpers/run_rune.ts";
import { VERSION } from "../../src/base/mod.ts";

Deno.test("scripts/install.sh installs a launcher that runs rune under its permission set", async () => {
  const prefix = Deno.makeTempDirSync({ prefix: "rune-install-" });
  try {
    const install = await new Deno.Command("bash", {
      args: [`${REPO_ROOT}/scripts/install.sh`, prefix, Deno.execPath()],
      cwd: REPO_ROOT,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const said = new TextDecoder().decode(install.stderr);
    strictEqual(install.code, 0, said);
    const run = (args: string[]) =>
      new Deno.Command(`${prefix}/bin/rune`, {
        args,
        cwd: prefix,
        env: { HOME: prefix, PATH: "/usr/bin:/bin" },
        clearEnv: true,
        stdout: "piped",
        stderr: "piped",
      }).output();
    const version = await run(["--version"]);
    strictEqual(new TextDecoder().decode(version.stdout).trim(), VERSION);
    // A missing config is the usual exit 2 with a hint, not a permission prompt or a stack.
    const start = await run(["start", "--dry-run"]);
    const err = new TextDecoder().decode(start.stderr);
    strictEqual(start.code, 2, err);
    match(err, /cannot find a config/);
    ok(!/Allow\?|NotCapable|\n\s+at /.test(err), err);
    const launcher = Deno.readTextFileSync(`${prefix}/bin/rune`);
    match(
      launcher,
      /--no-prompt --config "[^"]*\/lib\/rune\/deno\.json" -P "[^"]*\/lib\/rune\/rune\.js"/,
    );
  } finally {
    Deno.removeSync(prefix, { recursive: true });
  }
});
