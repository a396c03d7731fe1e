/** loadConfig(): which file is read (flag, RUNE_CONFIG, XDG, ~/.rune) and how failures look. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { findConfigFile, loadConfig, parseConfig } from "../../src/config/load.ts";
import type { LoadFailure } from "../../src/config/load.ts";
import { checkTemplateFields } from "../../src/config/check_variables.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const GOOD = "rituals:\n  start:\n    global:\n      - name: hi\n        command: echo hi\n";

function world() {
  const dir = Deno.makeTempDirSync({ prefix: "rune-load-" });
  const env = { HOME: `${dir}/home`, XDG_CONFIG_HOME: `${dir}/xdg` };
  const write = (path: string, text = GOOD) => {
    Deno.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    Deno.writeTextFileSync(path, text);
    return path;
  };
  return {
    dir,
    env,
    xdg: `${dir}/xdg/rune/config.yaml`,
    legacy: `${dir}/home/.rune/config.yaml`,
    write,
    [Symbol.dispose]: () => Deno.removeSync(dir, { recursive: true }),
  };
}

async function source(options: Parameters<typeof loadConfig>[0]) {
  const r = await loadConfig(options);
  if (!r.ok) throw new Error(`expected a config, got ${JSON.stringify(r.error)}`);
  return [r.value.file, r.value.source];
}

async function failure(options: Parameters<typeof loadConfig>[0]): Promise<LoadFailure> {
  const r = await loadConfig(options);
  if (r.ok) throw new Error(`expected a failure, loaded ${r.value.file}`);
  return r.error;
}

Deno.test("XDG_CONFIG_HOME/rune/config.yaml wins over ~/.rune/config.yaml", async () => {
  using w = world();
  w.write(w.legacy);
  deepStrictEqual(await source({ env: w.env, cwd: w.dir }), [w.legacy, "~/.rune"]);
  w.write(w.xdg);
  deepStrictEqual(await source({ env: w.env, cwd: w.dir }), [w.xdg, "XDG_CONFIG_HOME"]);
});

Deno.test("without XDG_CONFIG_HOME the XDG place is ~/.config/rune/config.yaml", async () => {
  using w = world();
  const path = w.write(`${w.env.HOME}/.config/rune/config.yaml`);
  deepStrictEqual(await source({ env: { HOME: w.env.HOME }, cwd: w.dir }), [
    path,
    "XDG_CONFIG_HOME",
  ]);
});

Deno.test("RUNE_CONFIG and --config are used alone, relative to the cwd, with ~", async () => {
  using w = world();
  w.write(w.xdg);
  const mine = w.write(`${w.dir}/proj/mine.yaml`);
  const home = w.write(`${w.env.HOME}/other.yaml`);
  const env = { ...w.env, RUNE_CONFIG: "mine.yaml" };
  deepStrictEqual(await source({ env, cwd: `${w.dir}/proj` }), [mine, "RUNE_CONFIG"]);
  deepStrictEqual(await source({ env, cwd: w.dir, flag: "~/other.yaml" }), [home, "--config"]);
});

Deno.test("an explicit path that does not exist is not replaced by the defaults", async () => {
  using w = world();
  w.write(w.xdg);
  deepStrictEqual(await failure({ env: w.env, cwd: w.dir, flag: "/nope.yaml" }), {
    kind: "not-found",
    tried: [{ path: "/nope.yaml", source: "--config", explicit: true }],
  });
});

Deno.test("no config anywhere: every place tried, XDG first (where `rune init` writes)", async () => {
  using w = world();
  deepStrictEqual(await failure({ env: w.env, cwd: w.dir }), {
    kind: "not-found",
    tried: [
      { path: w.xdg, source: "XDG_CONFIG_HOME", explicit: false },
      { path: w.legacy, source: "~/.rune", explicit: false },
    ],
  });
  const found = await findConfigFile({ env: w.env, cwd: w.dir });
  strictEqual(found.ok, false);
});

Deno.test("an invalid file fails with its issues; --strict fails on warnings", async () => {
  using w = world();
  w.write(w.xdg, `${GOOD}        interactve: true\n`);
  const bad = await failure({ env: w.env, cwd: w.dir });
  strictEqual(bad.kind, "invalid");
  deepStrictEqual(bad.kind === "invalid" && bad.issues.map((i) => i.code), ["misspelt-key"]);

  w.write(w.xdg, `${GOOD}        when: always\n`);
  const loaded = await loadConfig({ env: w.env, cwd: w.dir });
  deepStrictEqual(loaded.ok && loaded.value.warnings.map((i) => i.code), ["unknown-key"]);
  const strict = await failure({ env: w.env, cwd: w.dir, strict: true });
  deepStrictEqual(strict.kind === "invalid" && strict.issues.map((i) => i.severity), ["error"]);
});

Deno.test("a directory in place of the file is unreadable, not missing", async () => {
  using w = world();
  Deno.mkdirSync(w.xdg, { recursive: true });
  const f = await failure({ env: w.env, cwd: w.dir });
  strictEqual(f.kind, "unreadable");
});

Deno.test("parseConfig locates values and keys of the loaded config", () => {
  const r = parseConfig(GOOD, "c.yaml");
  ok(r.ok);
  deepStrictEqual(r.value.locate(["rituals", "start", "global", 0, "command"]), {
    file: "c.yaml",
    line: 5,
    column: 18,
  });
  deepStrictEqual(r.value.locateKey(["rituals", "start", "global", 0, "command"]), {
    file: "c.yaml",
    line: 5,
    column: 9,
  });
  // A key that is not there: the nearest parent that is.
  deepStrictEqual(r.value.locate(["rituals", "start", "global", 0, "timeout"]), {
    file: "c.yaml",
    line: 4,
    column: 9,
  });
  strictEqual(r.value.source, "text");
});

const UNKNOWN_VARIABLE = GOOD.replace("echo hi", "echo {{nope}}");
/** True while validate_templates.ts is still the placeholder that finds nothing. */
const variableCheckPending = (() => {
  const r = parseConfig(UNKNOWN_VARIABLE, "t");
  return !r.ok ? false : checkTemplateFields(r.value.config, r.value.locate).length === 0;
})();

Deno.test({
  // Enables itself once src/config/validate_templates.ts reports unknown variables.
  name: "loadConfig checks template variables, unless templates: false (ritual list) " +
    "(pending: the template checker)",
  ignore: variableCheckPending,
  async fn() {
    using w = world();
    w.write(w.xdg, UNKNOWN_VARIABLE);
    const checked = await failure({ env: w.env, cwd: w.dir });
    ok(checked.kind === "invalid" && checked.issues.length > 0, JSON.stringify(checked));
    deepStrictEqual(
      checked.kind === "invalid" && checked.issues.map((i) => i.where?.line),
      checked.kind === "invalid" && checked.issues.map(() => 5),
      "located on the command's line",
    );
    const listed = await loadConfig({ env: w.env, cwd: w.dir, templates: false });
    strictEqual(listed.ok, true, "without the variable check the config loads");
  },
});
