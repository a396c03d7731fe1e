/**
 * What the bundle makes Deno read, checked on dist/ itself (statically: no strace here). Deno
 * reads every file reachable from rune.js through static and string-literal imports before it
 * runs a line; `importLazy` keeps the rest out. So `--version` and `--help` read the command
 * tree and nothing of YAML, zod, the template engine or Node's compatibility modules, and the
 * hot commands load no YAML parser or schema until the config cache misses.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { graphOf, readBundle } from "../helpers/bundle_graph.ts";
import { REPO_ROOT } from "../helpers/run_rune.ts";
import { LAZY_MODULES } from "../../src/base/mod.ts";

const DIST = `${REPO_ROOT}/dist`;
const bundle = readBundle(DIST);
const HEAVY = ["npm:yaml", "npm:zod", "npm:handlebars"];
const heavyIn = (modules: string[]) => modules.filter((m) => HEAVY.includes(m));
/** node:sqlite is native (no compatibility layer): the only node: module allowed anywhere. */
const nodeModules = (external: string[]) => external.filter((e) => e !== "node:sqlite");

Deno.test("every module importLazy names is a file of the bundle, in the source layout", () => {
  for (const path of LAZY_MODULES) {
    ok(bundle.has(`${path}.js`), `dist/${path}.js is missing: is it a bundle entry (Makefile)?`);
    ok(Deno.statSync(`${REPO_ROOT}/${path}.ts`).isFile);
  }
});

Deno.test("every importLazy call in src/ names one of LAZY_MODULES", () => {
  const called = new Set<string>();
  const walk = (dir: string) => {
    for (const e of Deno.readDirSync(dir)) {
      const path = `${dir}/${e.name}`;
      if (e.isDirectory) walk(path);
      else if (e.name.endsWith(".ts")) {
        const text = Deno.readTextFileSync(path).replace(/\/\*[\s\S]*?\*\//g, "");
        for (const m of text.matchAll(/importLazy<[^>]*>\(\s*"([^"]+)"/g)) called.add(m[1]);
      }
    }
  };
  walk(`${REPO_ROOT}/src`);
  ok(called.size >= 8, `found only ${called.size} importLazy calls`);
  deepStrictEqual([...called].filter((p) => !(LAZY_MODULES as readonly string[]).includes(p)), []);
});

Deno.test("`rune --version` evaluates rune.js alone", () => {
  deepStrictEqual(graphOf(bundle, "rune.js", { literalDynamic: false }).files, ["rune.js"]);
});

Deno.test("`rune --help` evaluates the command tree and none of the layers that do the work", () => {
  const [cli] = bundle.get("rune.js")!.literalDynamic;
  ok(cli, "rune.js loads src/cli with a literal import(): --help needs no permission");
  const graph = graphOf(bundle, cli, { literalDynamic: false });
  const working = graph.modules.filter((m) =>
    m.startsWith("npm:") ||
    /^src\/(config|templates|planning|project|state|exec|tmux|pty|output|runner)\//.test(m)
  );
  deepStrictEqual(working, []);
  deepStrictEqual(graph.external, []);
});

Deno.test("Deno's graph of rune.js (--version, --help) holds no lazy module and nothing heavy", () => {
  const graph = graphOf(bundle, "rune.js");
  deepStrictEqual(heavyIn(graph.modules), []);
  deepStrictEqual(nodeModules(graph.external), []);
  const lazyCode = graph.modules.filter((m) =>
    LAZY_MODULES.some((p) => m === `${p}.ts`) || /^src\/(config|templates|planning)\//.test(m)
  );
  deepStrictEqual(lazyCode, [], "modules only importLazy should load");
  ok(!graph.files.some((f) => f.startsWith("src/")), "no lazy entry file in the graph");
});

Deno.test("the hot commands load no YAML parser, schema or template engine before they need one", () => {
  const hot = ["ritual_run", "ritual_list", "session", "completion", "ls", "config"];
  // The work-session and shell-hook commands a prompt or `cd` runs.
  hot.push("status", "track_event", "hook_env", "prompt_segment");
  for (const entry of hot) {
    const graph = graphOf(bundle, `src/cli/actions/${entry}.js`, { literalDynamic: false });
    deepStrictEqual(
      graph.modules.filter((m) =>
        m === "npm:yaml" || m === "npm:zod" || m === "npm:handlebars" ||
        m.startsWith("src/config/")
      ),
      [],
      `${entry}: loads on every run`,
    );
    deepStrictEqual(nodeModules(graph.external), [], `${entry}: node: modules`);
  }
});

Deno.test("no chunk carries the createRequire shim or a dynamic require", () => {
  for (const [name] of bundle) {
    const text = Deno.readTextFileSync(`${DIST}/${name}`);
    strictEqual(/createRequire|__require\("/.test(text), false, name);
  }
});
