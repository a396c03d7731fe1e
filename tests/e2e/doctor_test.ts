/** `rune doctor` through the bundle, under the real permission set and under none. */
import { match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";

Deno.test("rune doctor --json reports tmux, script and a loaded config", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig("version: 1\n");
    const r = await runRune(["doctor", "--json"], { env: home.env, cwd: home.dir });
    strictEqual(r.code, 0, r.stdout + r.stderr);
    const report = JSON.parse(r.stdout);
    const byName = Object.fromEntries(
      report.checks.map((c: { name: string; status: string }) => [c.name, c.status]),
    );
    strictEqual(byName.config, "ok");
    strictEqual(byName.tmux, "ok");
    strictEqual(byName.script, "ok");
    strictEqual(byName.permissions, "ok");
    strictEqual(report.facts.script, "util-linux");
  } finally {
    home.cleanup();
  }
});

Deno.test("rune doctor without permissions names the flags and exits 3", async () => {
  const r = await runRune(["doctor"], { permissions: [] });
  strictEqual(r.code, 3, r.stderr);
  match(r.stdout, /missing: read, write, env, run:sh/);
  match(r.stdout, /--allow-run=sh,tmux,script,stty,kill,ps,scriptreplay/);
});

Deno.test("rune doctor -c FILE: the fix names the same -c FILE", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig("rituals: {start: {global: [{name: a}]}}\n", "work/typo.yaml");
    const r = await runRune(["doctor", "-c", "typo.yaml"], {
      env: home.env,
      cwd: `${home.dir}/work`,
    });
    strictEqual(r.code, 3, r.stdout + r.stderr);
    match(r.stdout, /fix: see them with: rune config validate -c typo\.yaml$/m);
  } finally {
    home.cleanup();
  }
});
