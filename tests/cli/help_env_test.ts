import { ok } from "node:assert/strict";
import { CONFIG_ENV } from "../../src/cli/help.ts";
import { MAX_BYTES_VARIABLE } from "../../src/config/mod.ts";

Deno.test("help names the variable that raises the config size limit", () => {
  ok(CONFIG_ENV.some(([name]) => name === MAX_BYTES_VARIABLE), JSON.stringify(CONFIG_ENV));
});
