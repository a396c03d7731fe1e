/**
 * The validated-config cache answers only for the very files it was made from: an edit within
 * the same second and of the same size, an mtime set back with touch -d, a file replaced by
 * rename, an earlier candidate that appears, another build or size limit, a damaged entry —
 * each is a miss. A hit gives back the config, its warnings and its locations.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parseConfig } from "../../src/config/mod.ts";
import type { LoadedConfig } from "../../src/config/mod.ts";
import type { ConfigCandidate } from "../../src/base/mod.ts";
import { configCacheFile, findCachedConfig, saveCachedConfig } from "../../src/state/mod.ts";
import type { ConfigCacheQuery } from "../../src/state/mod.ts";

const CONFIG_A = `rituals:
  start:
    global:
      - {name: one, command: "echo AAAA"}
      - {name: two, command: "true", colour: red}
`;
const CONFIG_B = CONFIG_A.replace("AAAA", "BBBB");

interface Setup {
  dir: string;
  config: string;
  query: ConfigCacheQuery;
}

async function withCache(fn: (s: Setup) => Promise<void>, candidates?: string[]) {
  const dir = Deno.makeTempDirSync({ prefix: "rune-cache-" });
  try {
    const config = `${dir}/config.yaml`;
    Deno.writeTextFileSync(config, CONFIG_A);
    const paths = candidates?.map((p) => `${dir}/${p}`) ?? [config];
    const list: ConfigCandidate[] = paths.map((path) => ({
      path,
      source: "test",
      explicit: false,
    }));
    await fn({
      dir,
      config,
      query: { cacheDir: `${dir}/cache/rune`, build: "b1", candidates: list, limit: "" },
    });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

/** Loads `file` as the loader does (the text read now) and keeps it in the cache. */
async function loadAndSave(
  query: ConfigCacheQuery,
  file: string,
  text?: string,
): Promise<LoadedConfig> {
  const checkedAt = Date.now();
  const parsed = parseConfig(text ?? Deno.readTextFileSync(file), file, { source: "test" });
  ok(parsed.ok);
  await saveCachedConfig(query, parsed.value, { checkedAt, templatesChecked: true });
  return parsed.value;
}

Deno.test("a hit gives back the config, its warnings, its source and its locations", async () => {
  await withCache(async ({ config, query }) => {
    const fresh = await loadAndSave(query, config);
    const hit = await findCachedConfig(query);
    ok(hit, "an unchanged config is a hit");
    strictEqual(hit.templatesChecked, true);
    deepStrictEqual(hit.loaded.config, fresh.config);
    deepStrictEqual(hit.loaded.warnings, fresh.warnings);
    ok(fresh.warnings.length > 0, "the fixture has a warning (an unknown key)");
    strictEqual(hit.loaded.file, config);
    strictEqual(hit.loaded.source, "test");
    const at = ["rituals", "start", "global", 1, "command"];
    deepStrictEqual(hit.loaded.locate(at), fresh.locate(at));
    strictEqual(hit.loaded.texts, undefined, "a cached config carries no text");
  });
});

Deno.test("the cache file is 0600 in a 0700 dir, named for the lookup", async () => {
  await withCache(async ({ config, query }) => {
    await loadAndSave(query, config);
    const file = configCacheFile(query);
    strictEqual(file.startsWith(`${query.cacheDir}/config-`), true);
    strictEqual(Deno.statSync(file).mode! & 0o777, 0o600);
    strictEqual(Deno.statSync(query.cacheDir).mode! & 0o777, 0o700);
    const other = { ...query, candidates: [{ ...query.candidates[0], path: `${config}.other` }] };
    ok(configCacheFile(other) !== file, "another lookup, another file");
  });
});

Deno.test("an edit in the same second, of the same size, is a miss", async () => {
  await withCache(async ({ config, query }) => {
    await loadAndSave(query, config);
    Deno.writeTextFileSync(config, CONFIG_B);
    strictEqual(await findCachedConfig(query), undefined);
  });
});

Deno.test("a change the timestamps cannot show is caught by the content hash", async () => {
  await withCache(async ({ config, query }) => {
    // The loader read A; by the time the file was stamped it held B (same size, and here the
    // very stat the entry records): only the hash of the text parsed tells them apart.
    Deno.writeTextFileSync(config, CONFIG_B);
    await loadAndSave(query, config, CONFIG_A);
    strictEqual(await findCachedConfig(query), undefined);
    await loadAndSave(query, config);
    ok(await findCachedConfig(query), "the text read and the file agree: a hit");
  });
});

Deno.test("an mtime set back to the cached one (touch -d) is a miss: ctime moved", async () => {
  await withCache(async ({ config, query }) => {
    const old = new Date("2020-01-02T03:04:05Z");
    Deno.utimeSync(config, old, old);
    await loadAndSave(query, config);
    ok(await findCachedConfig(query), "a hit before the edit");
    Deno.writeTextFileSync(config, CONFIG_B);
    Deno.utimeSync(config, old, old);
    strictEqual(Deno.statSync(config).mtime?.getTime(), old.getTime());
    strictEqual(await findCachedConfig(query), undefined);
  });
});

Deno.test("a file replaced by rename is a miss, even with the same text and mtime", async () => {
  await withCache(async ({ dir, config, query }) => {
    await loadAndSave(query, config);
    const mtime = Deno.statSync(config).mtime!;
    Deno.writeTextFileSync(`${dir}/new.yaml`, CONFIG_A);
    Deno.utimeSync(`${dir}/new.yaml`, mtime, mtime);
    Deno.renameSync(`${dir}/new.yaml`, config);
    strictEqual(await findCachedConfig(query), undefined);
  });
});

Deno.test("a config that is gone is a miss", async () => {
  await withCache(async ({ config, query }) => {
    await loadAndSave(query, config);
    Deno.removeSync(config);
    strictEqual(await findCachedConfig(query), undefined);
  });
});

Deno.test("another build, another size limit: a miss", async () => {
  await withCache(async ({ config, query }) => {
    await loadAndSave(query, config);
    strictEqual(await findCachedConfig({ ...query, build: "b2" }), undefined);
    strictEqual(await findCachedConfig({ ...query, limit: "1000" }), undefined);
    ok(await findCachedConfig(query));
  });
});

Deno.test("an earlier candidate that appears (a file or a dir) is a miss", async () => {
  await withCache(async ({ dir, config, query }) => {
    await loadAndSave(query, config);
    ok(await findCachedConfig(query), "a hit while first.yaml is absent");
    Deno.mkdirSync(`${dir}/first.yaml`);
    strictEqual(await findCachedConfig(query), undefined);
    Deno.removeSync(`${dir}/first.yaml`);
    Deno.writeTextFileSync(`${dir}/first.yaml`, CONFIG_B);
    strictEqual(await findCachedConfig(query), undefined);
  }, ["first.yaml", "config.yaml"]);
});

Deno.test("a damaged entry is a miss, and the next load writes a good one", async () => {
  await withCache(async ({ config, query }) => {
    await loadAndSave(query, config);
    const file = configCacheFile(query);
    const good = Deno.readTextFileSync(file);
    const entry = JSON.parse(good);
    const damaged = [
      "",
      good.slice(0, good.length / 2),
      "{}",
      "null",
      JSON.stringify({ ...entry, files: [] }),
      JSON.stringify({ ...entry, config: [] }),
      JSON.stringify({ ...entry, positions: { file: config, rows: { "[]": ["x"] } } }),
      JSON.stringify({ ...entry, format: 999 }),
    ];
    for (const text of damaged) {
      Deno.writeTextFileSync(file, text);
      strictEqual(await findCachedConfig(query), undefined, `read as a hit: ${text.slice(0, 40)}`);
    }
    await loadAndSave(query, config);
    ok(await findCachedConfig(query));
  });
});

Deno.test("a hash-checked hit, once the file is older than the window, skips the hash next time", async () => {
  await withCache(async ({ config, query }) => {
    await loadAndSave(query, config);
    const file = configCacheFile(query);
    const before = JSON.parse(Deno.readTextFileSync(file)).checkedAt;
    const later = { now: () => Date.now() + 10_000 };
    ok(await findCachedConfig(query, later));
    const after = JSON.parse(Deno.readTextFileSync(file)).checkedAt;
    ok(after >= before + 10_000, `checkedAt moved from ${before} to ${after}`);
    ok(await findCachedConfig(query), "still a hit");
  });
});

Deno.test("nothing is kept for a config that carries no text, or is not a candidate", async () => {
  await withCache(async ({ config, query }) => {
    const parsed = parseConfig(CONFIG_A, config);
    ok(parsed.ok);
    await saveCachedConfig(query, { ...parsed.value, texts: undefined }, {
      checkedAt: Date.now(),
      templatesChecked: true,
    });
    strictEqual(await findCachedConfig(query), undefined);
    const elsewhere = parseConfig(CONFIG_A, `${config}.x`);
    ok(elsewhere.ok);
    await saveCachedConfig(query, elsewhere.value, {
      checkedAt: Date.now(),
      templatesChecked: true,
    });
    strictEqual(await findCachedConfig(query), undefined);
  });
});
