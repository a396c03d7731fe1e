import { strictEqual as assertEquals } from "node:assert/strict";
import { VERSION } from "../src/version.ts";

Deno.test("VERSION matches deno.json", async () => {
  const config = JSON.parse(await Deno.readTextFile(new URL("../deno.json", import.meta.url)));
  assertEquals(VERSION, config.version);
});
