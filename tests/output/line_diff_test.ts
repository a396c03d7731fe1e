/** lineDiff(): what changed in a .rune.yaml since it was trusted. */
import { deepStrictEqual } from "node:assert/strict";
import { lineDiff } from "../../src/output/line_diff.ts";

Deno.test("lineDiff() shows each change with two lines of context, at its new line", () => {
  const before = "a\nb\nc\nd\ne\nf\nx\ny\ng\nh\n";
  const after = "a\nb\nc\nD\ne\nf\nx\ny\ng\nh\ni\n";
  deepStrictEqual(lineDiff(before, after), [
    "@@ line 2 @@",
    "  b",
    "  c",
    "- d",
    "+ D",
    "  e",
    "  f",
    "@@ line 9 @@",
    "  g",
    "  h",
    "+ i",
  ]);
});

Deno.test("lineDiff() of equal texts is empty; of a new text, every line added", () => {
  deepStrictEqual(lineDiff("x\n", "x\n"), []);
  deepStrictEqual(lineDiff("", "x\ny"), ["@@ line 1 @@", "+ x", "+ y"]);
  deepStrictEqual(lineDiff("x\ny\n", "y\n"), ["@@ line 1 @@", "- x", "  y"]);
});

Deno.test("lineDiff() shows control characters, never writes them", () => {
  deepStrictEqual(lineDiff("a\n", "a\x1b[2J\n"), ["@@ line 1 @@", "- a", "+ a\\x1b[2J"]);
});
