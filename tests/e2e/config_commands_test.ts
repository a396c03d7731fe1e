/** `rune config …` and `rune ritual list` through the bundle, with a throwaway HOME and XDG. */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { REPO_ROOT, runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";

const GOOD = `version: 1
x-quiet: &quiet
  optional: true
rituals:
  start:
    global:
      - <<: *quiet
        name: Fetch
        command: git fetch
  stop:
    global:
      - name: Bye
        command: echo bye
`;

Deno.test("the config is found in $XDG_CONFIG_HOME/rune, else ~/.rune", async () => {
  const home = makeTempHome();
  try {
    const legacy = home.writeConfig(GOOD, "home/.rune/config.yaml");
    let r = await runRune(["config", "path"], { env: home.env });
    deepStrictEqual([r.code, r.stdout], [0, `${legacy}\n`], r.stderr);
    match(r.stderr, /Rune's own ~\/\.rune\/config\.yaml/);

    const xdg = home.writeConfig(GOOD);
    r = await runRune(["config", "path"], { env: home.env });
    deepStrictEqual([r.code, r.stdout], [0, `${xdg}\n`], r.stderr);
    strictEqual(r.stderr, "rune: using it because it is $XDG_CONFIG_HOME/rune/config.yaml\n");
  } finally {
    home.cleanup();
  }
});

Deno.test("RUNE_CONFIG is used in place of the defaults, and --config beats it", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(GOOD);
    const viaEnv = home.writeConfig(GOOD, "elsewhere/env.yaml");
    const viaFlag = home.writeConfig(GOOD, "elsewhere/flag.yaml");
    const env = { ...home.env, RUNE_CONFIG: viaEnv };
    let r = await runRune(["config", "path", "--json"], { env });
    deepStrictEqual(JSON.parse(r.stdout), { path: viaEnv, source: "RUNE_CONFIG", exists: true });
    r = await runRune(["--config", "flag.yaml", "config", "path"], {
      env,
      cwd: `${home.dir}/elsewhere`,
    });
    deepStrictEqual([r.code, r.stdout], [0, `${viaFlag}\n`], r.stderr);
    r = await runRune(["ritual", "list", "--json"], { env });
    strictEqual(JSON.parse(r.stdout).file, viaEnv);
  } finally {
    home.cleanup();
  }
});

Deno.test("no config at all: where one belongs, how to write it today, and exit 2", async () => {
  const home = makeTempHome();
  try {
    const wouldBe = `${home.dir}/config/rune/config.yaml`;
    let r = await runRune(["config", "path"], { env: home.env });
    deepStrictEqual([r.code, r.stdout], [2, `${wouldBe}\n`]);
    match(r.stderr, /cannot find a config/);
    match(r.stderr, new RegExp(`hint: run \`rune init\` to write a starter config to ${wouldBe} `));
    // The hinted command works: it writes a config that loads.
    const init = await runRune(["init"], { env: home.env });
    strictEqual(init.code, 0, init.stderr);
    const check = await runRune(["config", "validate"], { env: home.env });
    strictEqual(check.code, 0, check.stderr);
    Deno.removeSync(wouldBe);

    r = await runRune(["ritual", "list"], { env: home.env });
    strictEqual(r.code, 2);
    strictEqual(r.stdout, "");
    ok(r.stderr.includes(wouldBe), r.stderr);

    r = await runRune(["config", "validate"], { env: home.env });
    strictEqual(r.code, 2);
    match(r.stderr, /cannot find a config/);

    r = await runRune(["--config", `${home.dir}/nope.yaml`, "config", "show"], { env: home.env });
    strictEqual(r.code, 2);
    match(r.stderr, /nope\.yaml" does not exist\n {2}hint: check the path given with --config/);
  } finally {
    home.cleanup();
  }
});

Deno.test("config validate on a broken file: every problem located on stderr, exit 2", async () => {
  const home = makeTempHome();
  try {
    const path = home.writeConfig(`version: 1
rituals:
  start:
    global:
      - name: a
        command: x
        interactve: true
      - name: b
        optional: "yes"
    templates:
      t:
        session_name: s
        windows: []
settings:
  timezone: UTC
`);
    const r = await runRune(["config", "validate"], { env: home.env });
    strictEqual(r.code, 2);
    strictEqual(r.stdout, "");
    const heads = r.stderr.split("\n").filter((l) => l.startsWith(path));
    deepStrictEqual(heads.map((l) => l.slice(path.length)), [
      ':7:9: error: Cannot use the key "interactve" in rituals.start.global[0]: rune knows no such key',
      ':8:9: error: Cannot run "b": it has neither command nor tmux_template',
      ':9:19: error: Cannot use rituals.start.global[1].optional: expected true or false, got the string "yes"',
      ':13:9: error: Cannot open the template "t": it has no windows',
      ':15:3: warning: Ignoring the key "timezone" in settings: rune does not use it',
      ": 4 errors, 1 warning",
    ]);
    match(r.stderr, /hint: Did you mean "interactive"\? Rename the key/);

    const json = await runRune(["config", "validate", "--json"], { env: home.env });
    strictEqual(json.code, 2);
    deepStrictEqual(
      JSON.parse(json.stdout).map((i: { code: string }) => i.code),
      ["misspelt-key", "missing-command", "wrong-type", "empty-windows", "unknown-key"],
    );

    // Nothing runs on a broken config.
    const start = await runRune(["start", "x", "--dry-run"], { env: home.env, cwd: home.dir });
    strictEqual(start.code, 2);
    match(start.stderr, /4 errors, 1 warning; nothing ran/);
  } finally {
    home.cleanup();
  }
});

Deno.test("--strict turns warnings into errors, before or after the command", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(`${GOOD}settings:\n  timezone: UTC\n`);
    let r = await runRune(["config", "validate"], { env: home.env });
    strictEqual(r.code, 0, r.stderr);
    match(r.stderr, /: 0 errors, 1 warning\n$/);
    r = await runRune(["config", "validate", "--strict"], { env: home.env });
    strictEqual(r.code, 2);
    match(r.stderr, /error: Ignoring the key "timezone"/);
    match(r.stderr, /: 1 error, 0 warnings \(--strict\)\n$/);
    r = await runRune(["--strict", "ritual", "list"], { env: home.env });
    strictEqual(r.code, 2);
  } finally {
    home.cleanup();
  }
});

Deno.test("config schema prints the committed JSON Schema", async () => {
  const r = await runRune(["config", "schema"], { permissions: [] });
  strictEqual(r.code, 0, r.stderr);
  strictEqual(r.stdout, Deno.readTextFileSync(`${REPO_ROOT}/templates/config.schema.json`));
  strictEqual(JSON.parse(r.stdout).title, "rune config");
});

Deno.test("config show prints the config as read: merges resolved, own keys dropped", async () => {
  const home = makeTempHome();
  try {
    const path = home.writeConfig(GOOD);
    const json = await runRune(["config", "show", "--json"], { env: home.env });
    strictEqual(json.code, 0, json.stderr);
    deepStrictEqual(JSON.parse(json.stdout), {
      version: 1,
      rituals: {
        start: { global: [{ optional: true, name: "Fetch", command: "git fetch" }] },
        stop: { global: [{ name: "Bye", command: "echo bye" }] },
      },
    });
    const yaml = await runRune(["config", "show"], { env: home.env });
    strictEqual(yaml.code, 0, yaml.stderr);
    deepStrictEqual(yaml.stdout.split("\n").slice(0, 8), [
      `# ${path}, as rune reads it (merges resolved, keys rune does not use left out)`,
      "version: 1",
      "rituals:",
      "  start:",
      "    global:",
      "      - name: Fetch",
      "        command: git fetch",
      "        optional: true",
    ]);
  } finally {
    home.cleanup();
  }
});

Deno.test("ritual list prints the rituals; --json for scripts; help has examples", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(GOOD);
    const text = await runRune(["ritual", "list"], { env: home.env });
    strictEqual(text.code, 0, text.stderr);
    match(text.stdout, /start ritual \(1 global\)\n {2}global\n {4}1\. Fetch {2}\[optional\]/);
    const json = await runRune(["ritual", "list", "--json"], { env: home.env });
    const listing = JSON.parse(json.stdout);
    deepStrictEqual(listing.stop.global.map((c: { name: string }) => c.name), ["Bye"]);
    for (const args of [["ritual", "list"], ["config", "validate"], ["config", "path"]]) {
      const help = await runRune([...args, "--help"], { permissions: [] });
      strictEqual(help.code, 0, help.stderr);
      match(help.stdout, /Examples:\n {2}rune /);
    }
  } finally {
    home.cleanup();
  }
});
