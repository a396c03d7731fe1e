/**
 * The folder's contract: mod.ts exports the public API by name, and nothing in src/migrate
 * imports anything of rune's but the types of src/result.ts.
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import * as migrate from "../../src/migrate/mod.ts";

const DIR = new URL("../../src/migrate/", import.meta.url);

Deno.test("src/migrate/mod.ts exports the readers and the import plan", () => {
  deepStrictEqual(Object.keys(migrate).sort(), [
    "findBucket",
    "importKey",
    "mapProjects",
    "parseProjectMap",
    "planImport",
    "readBolt",
    "readRuneSessions",
    "readTimewarrior",
    "readTimewarriorExport",
    "readWatson",
    "runeSessionsOf",
    "workedMs",
  ]);
});

Deno.test("src/migrate imports only itself and the types of src/result.ts", () => {
  for (const entry of Deno.readDirSync(DIR)) {
    const text = Deno.readTextFileSync(new URL(entry.name, DIR));
    ok(!/export \*/.test(text), `${entry.name} re-exports with *`);
    for (const [statement, from] of text.matchAll(/^(?:import|export)\b[^;]*?from "([^"]+)";/gms)) {
      const inside = /^\.\/[a-z_]+\.ts$/.test(from);
      const resultTypes = from === "../result.ts" && statement.startsWith("import type ");
      ok(inside || resultTypes, `${entry.name}: ${statement}`);
    }
  }
});
