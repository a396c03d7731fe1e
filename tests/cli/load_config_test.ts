/**
 * loadConfigCached from source: no one file tells builds apart there, so it never reads or
 * writes the cache and answers as loadConfig does. (The bundle's cache: tests/e2e.)
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { loadConfigCached, runeBuild } from "../../src/cli/load_config.ts";
import { loadConfig } from "../../src/config/mod.ts";

Deno.test("from source rune names no build, so the config cache is never used", async () => {
  strictEqual(runeBuild(), undefined);
  const dir = Deno.makeTempDirSync({ prefix: "rune-load-" });
  try {
    const file = `${dir}/config.yaml`;
    Deno.writeTextFileSync(file, "rituals:\n  start:\n    global: [{name: a, command: 'true'}]\n");
    const env = { HOME: dir, XDG_CACHE_HOME: `${dir}/cache` };
    const options = { flag: file, env, cwd: dir };
    const cached = await loadConfigCached(options);
    const fresh = await loadConfig(options);
    ok(cached.ok && fresh.ok);
    deepStrictEqual(cached.value.config, fresh.value.config);
    strictEqual(cached.value.texts?.[0].path, file, "parsed now, not read from a cache");
    deepStrictEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["config.yaml"]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
