import { strictEqual } from "node:assert/strict";
import {
  escapeBacktickLayer,
  escapeForPlacement,
  quoteBare,
  quoteInComment,
  quoteInDouble,
  quoteInSingle,
  shellQuote,
} from "../../src/shell/quote.ts";

Deno.test("quoteBare() leaves plain words alone and single-quotes the rest", async (t) => {
  const cases: [string, string][] = [
    ["web", "web"],
    ["dev-web_2", "dev-web_2"],
    ["/code/web/x.y", "/code/web/x.y"],
    ["a.b:c", "a.b:c"],
    ["..", ".."],
    ["-rf", "-rf"],
    ["user@host", "user@host"],
    ["", "''"],
    ["a b", "'a b'"],
    ["it's", `'it'\\''s'`],
    ["'", `\\'`],
    ["''", `\\'\\'`],
    ["'a'", `\\''a'\\'`],
    ["a\\b", `'a'\\\\'b'`],
    ["\\", "\\\\"],
    ["x; touch /tmp/pwned", "'x; touch /tmp/pwned'"],
    ["$(id)", "'$(id)'"],
    ["`id`", "'`id`'"],
    ['"q"', `'"q"'`],
    ["a\nb", "'a''\n''b'\\\n"],
    ["\n", "'\n'\\\n"],
    ["a\tb", `'a'"$(printf '\\011')"'b'`],
    ["a\rb", `'a'"$(printf '\\015')"'b'`],
    ["\x15rm", `"$(printf '\\025')"'rm'`],
    ["\x7f", `"$(printf '\\177')"`],
    ["*", "'*'"],
    ["~", "'~'"],
    ["a=b", "'a=b'"],
    ["a,b", "'a,b'"],
    ["%1", "'%1'"],
    ["#x", "'#x'"],
    ["!!", `"$(printf '\\041')""$(printf '\\041')"`],
    ["a!", `'a'"$(printf '\\041')"`],
    ["{a,b}", "'{a,b}'"],
    ["ünï 🎉", "'ünï 🎉'"],
    ["if", "'if'"],
    ["time", "'time'"],
    ["a\0b", "ab"],
  ];
  for (const [value, want] of cases) {
    await t.step(JSON.stringify(value), () => strictEqual(quoteBare(value), want));
  }
  await t.step("force quotes plain words too", () => strictEqual(quoteBare("web", true), "'web'"));
  await t.step("shellQuote() is quoteBare()", () => strictEqual(shellQuote("a b"), "'a b'"));
});

Deno.test("quoteInSingle() keeps a value inside the author's single quotes", async (t) => {
  const cases: [string, string][] = [
    ["web", "web"],
    ["", ""],
    ["it's", `it'\\''s`],
    ["a\\b", `a'\\\\'b`],
    ['$(id) `x` "q"', '$(id) `x` "q"'],
    ["a\nb", "''a''\n''b'\\\n'"],
    ["!", `'"$(printf '\\041')"'`],
  ];
  for (const [value, want] of cases) {
    await t.step(JSON.stringify(value), () => strictEqual(quoteInSingle(value), want));
  }
});

Deno.test("quoteInDouble() escapes what double quotes still expand", async (t) => {
  const cases: [string, string][] = [
    ["web", "web"],
    ["it's", "it's"],
    ['"q"', '\\"q\\"'],
    ["$(id)", "\\$(id)"],
    ["${HOME}", "\\${HOME}"],
    ["a\\b", "a\\\\b"],
    ["`id`", `"'\`'"id"'\`'"`],
    ["!", "$(printf '\\041')"],
    ["a\nb", `"'a''\n''b'\\\n"`],
    ["a\tb", `"'a'"$(printf '\\011')"'b'"`],
  ];
  for (const [value, want] of cases) {
    await t.step(JSON.stringify(value), () => strictEqual(quoteInDouble(value), want));
  }
  await t.step("separate starts with an empty pair of quotes", () => {
    strictEqual(quoteInDouble("X", true), '""X');
  });
});

Deno.test("quoteInComment() keeps the value on the comment's line", () => {
  strictEqual(quoteInComment("a\tb\x15"), "'a b '");
  strictEqual(quoteInComment("a\ntouch pwned"), "'a touch pwned'");
  strictEqual(quoteInComment("a\r\nb"), "'a  b'");
  strictEqual(quoteInComment("web"), "web");
});

Deno.test("escapeBacktickLayer() adds the backslash the shell removes inside backticks", () => {
  strictEqual(escapeBacktickLayer("'a'\\\\'b' $x `y`"), "'a'\\\\\\\\'b' \\$x \\`y\\`");
});

Deno.test("escapeForPlacement() applies the context, then one layer per backtick", async (t) => {
  const cases: [string, Parameters<typeof escapeForPlacement>[0], string | undefined][] = [
    ["bare", { kind: "bare", force: false, layers: 0 }, `'it'\\''s'`],
    ["bare forced", { kind: "bare", force: true, layers: 0 }, `'it'\\''s'`],
    ["single", { kind: "single", layers: 0 }, `it'\\''s`],
    ["double", { kind: "double", separate: false, layers: 0 }, "it's"],
    ["comment", { kind: "comment", layers: 0 }, `'it'\\''s'`],
    ["bare in backticks", { kind: "bare", force: false, layers: 1 }, `'it'\\\\''s'`],
    ["bare in 2 backticks", { kind: "bare", force: false, layers: 2 }, `'it'\\\\\\\\''s'`],
    ["unsupported", { kind: "unsupported", reason: "x" }, undefined],
  ];
  for (const [name, placement, want] of cases) {
    await t.step(name, () => strictEqual(escapeForPlacement(placement, "it's"), want));
  }
});
