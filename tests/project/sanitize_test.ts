import { deepStrictEqual } from "node:assert/strict";
import { sanitizeName, sanitizeNameOrFallback, stripNpmScope } from "../../src/project/sanitize.ts";

Deno.test("sanitizeName() keeps [a-z0-9_-] and makes everything else one dash", async (t) => {
  const cases: [string, string][] = [
    ["web", "web"],
    ["My App!", "my-app"],
    ["home.arpa:lab", "home-arpa-lab"],
    ["snake_case-kebab", "snake_case-kebab"],
    ["  spaced  out  ", "spaced-out"],
    ["x; rm -rf ~", "x-rm-rf"],
    ["$(id)`whoami`", "id-whoami"],
    ["a\nb\tc", "a-b-c"],
    ["#{session_name}", "session_name"],
    ["Ünïcödé Café", "unicode-cafe"],
    ["日本語", ""],
    ["..", ""],
    ["---", ""],
    ["-lead-and-trail-", "lead-and-trail"],
    ["x".repeat(70), "x".repeat(64)],
    [`${"a".repeat(63)}.b`, "a".repeat(63)],
  ];
  for (const [raw, want] of cases) {
    await t.step(JSON.stringify(raw), () => deepStrictEqual(sanitizeName(raw), want));
  }
});

Deno.test("sanitizeNameOrFallback() is never empty", () => {
  deepStrictEqual(sanitizeNameOrFallback("!!!"), "project");
  deepStrictEqual(sanitizeNameOrFallback("Web"), "web");
});

Deno.test("stripNpmScope() drops @scope/ only", () => {
  deepStrictEqual(
    ["@acme/web-ui", "web-ui", "@acme", "@a/b/c", "a/@b"].map(stripNpmScope),
    ["web-ui", "web-ui", "@acme", "b/c", "a/@b"],
  );
});
