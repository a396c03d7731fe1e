/** `rune doctor` through the bundle, under the real permission set and under none. */
import { doesNotMatch, match, strictEqual } from "node:assert/strict";
import { exists } from "../helpers/files.ts";
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

Deno.test("rune doctor without tmux says tmux is not installed, not that a permission is missing", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig("version: 1\n");
    // A PATH with every program rune runs but tmux.
    const bin = `${home.dir}/bin`;
    Deno.mkdirSync(bin);
    for (const p of ["sh", "script", "stty", "kill", "ps", "scriptreplay"]) {
      const found = ["/usr/bin", "/bin"].map((d) => `${d}/${p}`).find((f) => exists(f));
      if (found) Deno.symlinkSync(found, `${bin}/${p}`);
    }
    const env = { ...home.env, PATH: bin };
    const r = await runRune(["doctor"], { env, cwd: home.dir });
    strictEqual(r.code, 0, r.stdout + r.stderr);
    match(r.stdout, /^! tmux +not found on PATH$/m);
    match(r.stdout, /fix: install tmux \(apt install tmux \/ brew install tmux\)/);
    match(r.stdout, /^✓ permissions +all granted/m);
    doesNotMatch(r.stdout, /not checked|may not run|missing: /);
  } finally {
    home.cleanup();
  }
});
