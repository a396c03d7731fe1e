/** visible(): control characters are shown, never obeyed; everything else is left alone. */
import { strictEqual } from "node:assert/strict";
import { visible } from "../../src/base/visible.ts";

Deno.test("visible() writes out every control character", async (t) => {
  const rows: [string, string, string][] = [
    ["ESC that would hide the rest", "a\x1b[8mb", String.raw`a\x1b[8mb`],
    ["a title sequence ended by BEL", "\x1b]0;pwned\x07x", String.raw`\x1b]0;pwned\x07x`],
    ["CR that would overwrite the line", "ok\rFAIL", String.raw`ok\rFAIL`],
    ["newline and tab", "a\nb\tc", String.raw`a\nb\tc`],
    ["NUL, DEL and a C1 CSI", "\x00\x7f\u009b2J", String.raw`\x00\x7f\x9b2J`],
    [
      "bidi override and isolates",
      "abc\u202edef\u2066g\u2069",
      String.raw`abc\u202edef\u2066g\u2069`,
    ],
    ["bidi marks and the line separator", "\u200f\u061c\u2028", String.raw`\u200f\u061c\u2028`],
    ["plain text, accents and emoji unchanged", "café ✓ 🚀 ~/web app", "café ✓ 🚀 ~/web app"],
    [
      "invisible spaces that make names look alike (found by fuzzing: a BOM in a path)",
      "/MA\ufeffRK w\u200beb a\u2060b",
      String.raw`/MA\ufeffRK w\u200beb a\u2060b`,
    ],
    [
      "joiners stay: emoji and scripts need them",
      "👩\u200d💻 می\u200cخواهم",
      "👩\u200d💻 می\u200cخواهم",
    ],
    ["backslashes stay as they are", String.raw`C:\x1b`, String.raw`C:\x1b`],
  ];
  for (const [name, input, want] of rows) {
    await t.step(name, () => strictEqual(visible(input), want));
  }
});

Deno.test("visible({ keepNewlines }) keeps line breaks only", () => {
  strictEqual(
    visible("one\ntwo\r\x1b[2K", { keepNewlines: true }),
    String.raw`one
two\r\x1b[2K`,
  );
});
