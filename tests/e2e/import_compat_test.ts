/**
 * Every tmuxinator and tmuxp file of ../shared/compat imports through `rune import --write`,
 * and the config it makes validates with no issue at all (NOT_YET lists template keys an
 * importer writes ahead of rune's schema: none now). tests/e2e/compat_build_test.ts then
 * builds each one on a private tmux server. The two tmuxinator files
 * that cannot be imported are refused with their line:col, and nothing is written. Skipped,
 * visibly, where the corpus is absent.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import { sharedDir } from "../helpers/shared.ts";

const shared = sharedDir();

/**
 * Template keys the importers write that rune's schema does not have yet: none since the
 * template features (env, options, window_options, title, shell, synchronize, on_first_start,
 * on_reuse, attach) exist. A key added to an importer before rune has it goes here.
 */
const NOT_YET = new Set<string>([]);

/** Files tmuxinator itself would build, but rune refuses to import, and why. */
const REFUSED: Record<string, RegExp> = {
  // ERB that is Ruby code (`<%= name %>`, `<% if … %>`), which rune never runs.
  "assets-sample.yml": /:\d+:\d+: error: Cannot import the ERB tag /,
  // README's settings example has no windows; tmuxinator refuses it too.
  "readme-erb-settings.yml": /:\d+:\d+: error: Cannot import .*: it has no windows/,
};

function corpus(): [tool: "tmuxinator" | "tmuxp", file: string][] {
  if (!shared) return [];
  const files: [tool: "tmuxinator" | "tmuxp", file: string][] = [];
  for (const tool of ["tmuxinator", "tmuxp"] as const) {
    for (const sub of ["", "/derived"]) {
      const dir = `${shared}/compat/${tool}${sub}`;
      let entries: Deno.DirEntry[] = [];
      try {
        entries = [...Deno.readDirSync(dir)];
      } catch { /* no such folder */ }
      for (const e of entries) {
        if (e.isFile && /\.(ya?ml|json)$/.test(e.name)) files.push([tool, `${dir}/${e.name}`]);
      }
    }
  }
  return files.sort((a, b) => a[1].localeCompare(b[1]));
}

Deno.test({
  name: "every compat tmuxinator and tmuxp file imports and validates with no issue",
  ignore: !shared,
  async fn(t) {
    const files = corpus();
    ok(files.length >= 10, `the corpus has its files (${files.length})`);
    const reported = new Set<string>();
    for (const [tool, file] of files) {
      const name = file.slice(file.lastIndexOf("/") + 1);
      await t.step(`${tool} ${name}`, async () => {
        const home = makeTempHome();
        try {
          const config = `${home.dir}/config.yaml`;
          const r = await runRune(["import", tool, file, "--write", "--config", config], {
            env: home.env,
            cwd: home.dir,
          });
          if (REFUSED[name]) {
            strictEqual(r.code, 2, r.stderr);
            ok(REFUSED[name].test(r.stderr), r.stderr);
            let written = true;
            try {
              Deno.statSync(config);
            } catch {
              written = false;
            }
            strictEqual(written, false, "a refused import writes nothing");
            return;
          }
          strictEqual(r.code, 0, r.stderr);
          const v = await runRune(["--config", config, "config", "validate", "--json"], {
            env: home.env,
          });
          const issues: { severity: string; code: string; problem: string }[] = JSON.parse(
            v.stdout,
          );
          const unexpected = issues.filter((i) =>
            !(i.severity === "warning" && i.code === "unknown-key" &&
              NOT_YET.has(/the key "([^"]+)"/.exec(i.problem)?.[1] ?? ""))
          );
          deepStrictEqual(unexpected, [], v.stderr);
          for (const i of issues) reported.add(/the key "([^"]+)"/.exec(i.problem)![1]);
          strictEqual(v.code, 0, v.stdout);
        } finally {
          home.cleanup();
        }
      });
    }
    // Only keys still to come may be reported, and each of them is.
    deepStrictEqual([...reported].sort(), [...NOT_YET].sort());
  },
});
