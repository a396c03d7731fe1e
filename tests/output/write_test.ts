/** rune's own output stops, without throwing, once its reader is gone. */
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { streamWriter, writeOrStop } from "../../src/output/write.ts";

function fakeStream(fail: (call: number) => Error | undefined, chunk = Infinity) {
  const calls: string[] = [];
  return {
    calls,
    writeSync(p: Uint8Array): number {
      const e = fail(calls.length);
      calls.push(new TextDecoder().decode(p));
      if (e) throw e;
      return Math.min(p.length, chunk);
    },
  };
}

Deno.test("writeOrStop() writes everything, even when the stream takes a few bytes at a time", () => {
  const s = fakeStream(() => undefined, 2);
  strictEqual(writeOrStop(s, "abcde"), true);
  deepStrictEqual(s.calls, ["abcde", "cde", "e"]);
});

Deno.test("after a broken pipe the stream is never written again, and nothing throws", () => {
  const s = fakeStream((n) =>
    n === 1 ? new Deno.errors.BrokenPipe("Broken pipe (os error 32)") : undefined
  );
  const write = streamWriter(s);
  write("one\n");
  write("two\n");
  write("three\n");
  deepStrictEqual(s.calls, ["one\n", "two\n"]);
  strictEqual(writeOrStop(s, "four\n"), false);
});

Deno.test("a terminal that went away (EIO) stops the output the same way", () => {
  const s = fakeStream(() => new Error("Input/output error (os error 5)"));
  strictEqual(writeOrStop(s, "x"), false);
  strictEqual(writeOrStop(s, "y"), false);
  strictEqual(s.calls.length, 1);
});

Deno.test("a missing permission is rune's bug: it is not swallowed", () => {
  const s = fakeStream(() => new Deno.errors.NotCapable("Requires write access"));
  throws(() => writeOrStop(s, "x"), Deno.errors.NotCapable);
});
