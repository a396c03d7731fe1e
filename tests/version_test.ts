import { strictEqual } from "node:assert/strict";
import { VERSION } from "../src/base/version.ts";

Deno.test("VERSION matches deno.json and main.ts's fast path", async () => {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  strictEqual(VERSION, config.version);
  const main = await Deno.readTextFile(new URL("../main.ts", import.meta.url));
  strictEqual(main.match(/const VERSION = "([^"]+)";/)?.[1], VERSION);
});
