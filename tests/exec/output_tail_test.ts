import { deepStrictEqual } from "node:assert/strict";
import { OutputTail } from "../../src/exec/output_tail.ts";

const enc = (s: string) => new TextEncoder().encode(s);

Deno.test("OutputTail keeps the last lines across chunk boundaries", () => {
  const t = new OutputTail(3, 10);
  t.push(enc("one\ntw"));
  t.push(enc("o\r\nthree\nfour\nfi"));
  deepStrictEqual(t.lines(), ["three", "four", "fi"]);
});

Deno.test("OutputTail bounds line length and total lines", () => {
  const t = new OutputTail(2, 5);
  t.push(enc(`${"x".repeat(12)}\n${"y".repeat(3)}\n${"z".repeat(100_000)}`));
  deepStrictEqual(t.lines(), ["yyy", "zzzzz…"]);
});

Deno.test("OutputTail decodes UTF-8 split across chunks", () => {
  const t = new OutputTail();
  const bytes = enc("héllo\n");
  t.push(bytes.subarray(0, 2));
  t.push(bytes.subarray(2));
  deepStrictEqual(t.lines(), ["héllo"]);
});
