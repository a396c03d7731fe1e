/**
 * The validated-config cache, through the real bundle. An unchanged config is answered without
 * src/config at all (here made unreadable with --deny-read, so a miss would fail loudly), with
 * the same output, warnings and located errors as a fresh load; and a stale entry never runs
 * an old command: an edit in the same second of the same size, an mtime set back, a file
 * replaced by rename, a damaged cache file.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { REPO_ROOT, runRune } from "../helpers/run_rune.ts";
import type { RuneResult } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { readOr } from "../helpers/files.ts";

/** rune's permission set, but src/config may not be read: only a cache hit can succeed. */
const NO_CONFIG_MODULE = ["-P", `--deny-read=${REPO_ROOT}/dist/src/config/mod.js`];

const run = (home: TempHome, dir: string, args: string[], permissions?: string[]) =>
  runRune(args, { env: home.env, cwd: dir, permissions });

function cacheFiles(home: TempHome): string[] {
  try {
    return [...Deno.readDirSync(`${home.dir}/cache/rune`)].map((e) => e.name)
      .filter((n) => n.endsWith(".json")).map((n) => `${home.dir}/cache/rune/${n}`);
  } catch {
    return [];
  }
}

/** Equal but for the pane-marker dir, which every run draws at random. */
const same = (fresh: RuneResult, cached: RuneResult, what: string) => {
  const plain = (r: RuneResult) =>
    JSON.parse(JSON.stringify(r).replace(/rune-panes-[0-9a-f]+/g, "rune-panes-X"));
  deepStrictEqual(plain(cached), plain(fresh), what);
};

const CONFIG = `projects:
  - name: app
    detect: [package.json]
rituals:
  start:
    global:
      - {name: hello, command: "echo hi", colour: red}
    per_project:
      app:
        - {name: work, interactive: true, tmux_template: dev}
  templates:
    dev:
      session_name: "{{.Project}}"
      windows: [{name: code, panes: [vim, make]}]
`;

Deno.test("an unchanged config is answered from the cache, as a fresh load answers", async () => {
  await withProject(CONFIG, async (home, dir) => {
    const commands = [
      ["start", "app", "--dry-run"],
      ["start", "app", "--dry-run", "--json"],
      ["ritual", "list"],
      ["ritual", "list", "--json"],
      ["config", "validate"],
      ["__complete", "--", "start", ""],
    ];
    const fresh = [];
    for (const args of commands) fresh.push(await run(home, dir, args));
    strictEqual(fresh[0].code, 0, fresh[0].stderr);
    match(fresh[0].stderr, /config\.yaml:7:\d+.*colour/, "the unknown key's warning, located");
    strictEqual(cacheFiles(home).length, 1);
    for (const [i, args] of commands.entries()) {
      same(fresh[i], await run(home, dir, args, NO_CONFIG_MODULE), args.join(" "));
    }
    const file = cacheFiles(home)[0];
    strictEqual(Deno.statSync(file).mode! & 0o777, 0o600);
    strictEqual(Deno.statSync(`${home.dir}/cache/rune`).mode! & 0o777, 0o700);
  });
});

Deno.test("without the cache, the same commands do need src/config (the check above can fail)", async () => {
  await withProject(CONFIG, async (home, dir) => {
    const r = await run(home, dir, ["ritual", "list"], NO_CONFIG_MODULE);
    strictEqual(r.code, 3, r.stderr);
    match(r.stderr, /read permission for ".*dist\/src\/config\/mod\.js" is not granted/);
  });
});

const WRITES = (text: string) =>
  `rituals:
  start:
    global:
      - {name: mark, command: "echo ${text} > mark.txt"}
`;

Deno.test("a stale cache never runs an old command", async (t) => {
  await withProject(WRITES("AAAA"), async (home, dir) => {
    const config = `${home.dir}/config/rune/config.yaml`;
    const start = async (want: string) => {
      const r = await run(home, dir, ["start", "app"]);
      strictEqual(r.code, 0, r.stderr);
      strictEqual(readOr(`${dir}/mark.txt`), `${want}\n`);
    };
    await start("AAAA");
    await t.step("an edit in the same second, of the same size", async () => {
      Deno.writeTextFileSync(config, WRITES("BBBB"));
      await start("BBBB");
    });
    await t.step("an edit with the mtime set back (touch -d)", async () => {
      const old = new Date("2021-06-01T00:00:00Z");
      Deno.utimeSync(config, old, old);
      await start("BBBB");
      Deno.writeTextFileSync(config, WRITES("CCCC"));
      Deno.utimeSync(config, old, old);
      await start("CCCC");
    });
    await t.step("the file replaced by rename, same size and mtime", async () => {
      const mtime = Deno.statSync(config).mtime!;
      Deno.writeTextFileSync(`${config}.new`, WRITES("DDDD"));
      Deno.utimeSync(`${config}.new`, mtime, mtime);
      Deno.renameSync(`${config}.new`, config);
      await start("DDDD");
    });
    await t.step("a damaged cache file", async () => {
      const [file] = cacheFiles(home);
      ok(file, "a cache file to damage");
      const good = Deno.readTextFileSync(file);
      Deno.writeTextFileSync(file, good.replace("DDDD", "EEEE").slice(0, -10));
      Deno.writeTextFileSync(config, WRITES("FFFF"));
      await start("FFFF");
      ok(JSON.parse(Deno.readTextFileSync(file)), "rewritten whole");
    });
  });
});

Deno.test("a planning error from a cached config names the same file:line:col", async () => {
  const config = `rituals:
  start:
    global:
      - name: build
        command: make
        working_dir: /nonexistent/rune-test-dir
`;
  await withProject(config, async (home, dir) => {
    const fresh = await run(home, dir, ["start", "app", "--dry-run"]);
    strictEqual(fresh.code, 2, fresh.stderr);
    match(fresh.stderr, /config\.yaml:6:22: .*does not exist/);
    same(fresh, await run(home, dir, ["start", "app", "--dry-run"], NO_CONFIG_MODULE), "cached");
  });
});

Deno.test("--strict turns a cached warning into an error, as without the cache", async () => {
  await withProject(CONFIG, async (home, dir) => {
    const plain = await run(home, dir, ["start", "app", "--dry-run"]);
    strictEqual(plain.code, 0, plain.stderr);
    const strict = await run(home, dir, ["--strict", "start", "app", "--dry-run"]);
    strictEqual(strict.code, 2, strict.stderr);
    match(strict.stderr, /colour[\s\S]*--strict/);
  });
});

Deno.test("an entry made without the template check does not let start skip it", async () => {
  const config = `rituals:
  start:
    global:
      - {name: greet, command: "echo {{.Nope}}"}
`;
  await withProject(config, async (home, dir) => {
    const list = await run(home, dir, ["ritual", "list"]);
    strictEqual(list.code, 0, list.stderr);
    const start = await run(home, dir, ["start", "app", "--dry-run"]);
    strictEqual(start.code, 2, start.stderr);
    match(start.stderr, /Nope/);
  });
});
