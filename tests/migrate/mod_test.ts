/** The folder's contract: mod.ts exports the public API by name (the layers are held by
 * tests/architecture_test.ts). */
import { deepStrictEqual } from "node:assert/strict";
import * as migrate from "../../src/migrate/mod.ts";

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
