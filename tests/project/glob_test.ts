import { deepStrictEqual } from "node:assert/strict";
import { globMatcher, valueKind } from "../../src/project/glob.ts";

Deno.test("globMatcher() follows sh: no /, no leading dot for wildcards", async (t) => {
  const cases: [string, string, boolean][] = [
    ["*.md", "README.md", true],
    ["*.md", "a/b.md", false],
    ["*.md", ".hidden.md", false],
    [".*", ".env", true],
    ["*", "x", true],
    ["*", ".git", false],
    ["?.txt", "a.txt", true],
    ["?.txt", "ab.txt", false],
    ["[abc].js", "b.js", true],
    ["[!abc].js", "b.js", false],
    ["[!abc].js", "d.js", true],
    ["[a-c]x", "bx", true],
    ["*.{yml,yaml}", "ci.yaml", true],
    ["*.{yml,yaml}", "ci.json", false],
    ["a\\*b", "a*b", true],
    ["a\\*b", "axb", false],
    ["file[1", "file[1", true],
    ["a.b", "axb", false],
    ["(x)+", "(x)+", true],
  ];
  for (const [glob, name, want] of cases) {
    await t.step(`${glob} ~ ${name}`, () => deepStrictEqual(globMatcher(glob).test(name), want));
  }
});

Deno.test("globMatcher({anyChar}) lets * span / and dots (names, URLs)", () => {
  const m = globMatcher("*github.com/acme/*", { anyChar: true });
  deepStrictEqual(
    ["github.com/acme/web", "x/github.com/acme/a/b", "gitlab.com/acme/x"].map((s) => m.test(s)),
    [
      true,
      true,
      false,
    ],
  );
});

Deno.test("valueKind() tells a regex from a glob from a literal", () => {
  deepStrictEqual(
    [
      ".*",
      "^web$",
      "web-(api|ui)",
      "a+",
      "a\\d",
      "web-*",
      "web-?",
      "[ab]x",
      "{a,b}",
      "next.js",
      "main-app",
      "c.d",
    ]
      .map(valueKind),
    [
      "regex",
      "regex",
      "regex",
      "regex",
      "regex",
      "glob",
      "glob",
      "glob",
      "glob",
      "literal",
      "literal",
      "literal",
    ],
  );
});
