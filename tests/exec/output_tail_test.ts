import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { OutputTail, printable } from "../../src/exec/output_tail.ts";

const enc = (s: string) => new TextEncoder().encode(s);

Deno.test("OutputTail keeps the last lines, the unterminated one included", () => {
  const t = new OutputTail(3);
  t.push(enc("one\ntwo\nthr"));
  t.push(enc("ee\nfour\nfive"));
  deepStrictEqual(t.lines(), ["three", "four", "five"]);
  strictEqual(t.lastLine(), "five");
});

Deno.test("OutputTail joins a UTF-8 character split across chunks", () => {
  const t = new OutputTail();
  const bytes = enc("héllo\n");
  t.push(bytes.subarray(0, 2));
  t.push(bytes.subarray(2));
  deepStrictEqual(t.lines(), ["héllo"]);
});

Deno.test("OutputTail stays bounded under megabytes of output and one endless line", () => {
  const t = new OutputTail(5, 100);
  const chunk = enc("x".repeat(60_000) + "\n");
  for (let i = 0; i < 200; i++) t.push(chunk); // 12 MB
  t.push(enc("y".repeat(1_000_000))); // one line with no end
  const lines = t.lines();
  strictEqual(lines.length, 5);
  for (const l of lines) ok(l.length <= 101, `line of ${l.length}`);
  strictEqual(lines[4], `${"y".repeat(100)}…`);
});

Deno.test("OutputTail.lastLine() skips trailing blank lines", () => {
  const t = new OutputTail();
  t.push(enc("building\n\n  \n"));
  strictEqual(t.lastLine(), "building");
  strictEqual(new OutputTail().lastLine(), undefined);
});

Deno.test("printable() leaves only what a terminal would show, without controls", async (t) => {
  const cases: [string, string, string][] = [
    ["plain text", "hello world", "hello world"],
    ["colours removed", "\x1b[31mred\x1b[0m and \x1b[1;32mbold green\x1b[m", "red and bold green"],
    ["cursor moves removed", "a\x1b[2Kb\x1b[1A\x1b[10Cc", "abc"],
    ["window title (OSC, BEL) removed", "\x1b]0;pwned\x07text", "text"],
    ["hyperlink (OSC, ST) keeps its text", "\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"],
    ["carriage return keeps the last redraw", "10%\r50%\r100%", "100%"],
    ["CRLF line end", "done\r", "done"],
    ["tab becomes a space", "a\tb", "a b"],
    ["bell and backspace removed", "ding\x07\x08!", "ding!"],
    ["C1 control removed", "a\x9bb", "ab"],
    ["lone ESC removed", "a\x1b", "a"],
    ["unicode kept", "✓ café — 日本", "✓ café — 日本"],
  ];
  for (const [name, input, want] of cases) {
    await t.step(name, () => strictEqual(printable(input), want));
  }
});
