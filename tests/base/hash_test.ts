import { strictEqual } from "node:assert/strict";
import { sha256Hex } from "../../src/base/mod.ts";

Deno.test("sha256Hex() of a text is that of its UTF-8 bytes, lowercase hex", async () => {
  const abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
  strictEqual(await sha256Hex("abc"), abc);
  strictEqual(await sha256Hex(new TextEncoder().encode("abc")), abc);
  strictEqual(await sha256Hex("é"), await sha256Hex(new Uint8Array([0xc3, 0xa9])));
});
