import { deepStrictEqual } from "node:assert/strict";
import { RUN_PROGRAMS } from "../src/base/programs.ts";

Deno.test("deno.json's run permission lists exactly the programs rune starts", async () => {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  const want = [...RUN_PROGRAMS].sort();
  deepStrictEqual([...config.permissions.default.run].sort(), want);
  deepStrictEqual([...config.compile.permissions.run].sort(), want);
});
