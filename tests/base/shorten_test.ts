import { strictEqual } from "node:assert/strict";
import {
  formatBytes,
  shortenQuoted,
  shortenValue,
  SHOWN_VALUE_MAX,
  utf8Length,
} from "../../src/base/shorten.ts";
import { formatIssue } from "../../src/base/result.ts";

Deno.test("formatBytes() and utf8Length() count as the file system does", () => {
  strictEqual(formatBytes(10_485_760), "10,485,760 bytes");
  strictEqual(formatBytes(1), "1 byte");
  strictEqual(utf8Length("aé€😀"), 1 + 2 + 3 + 4);
  strictEqual(utf8Length("x".repeat(1000)), new TextEncoder().encode("x".repeat(1000)).length);
});

Deno.test("shortenValue() keeps short values and names the size of huge ones", () => {
  strictEqual(shortenValue("short"), "short");
  strictEqual(shortenValue("x".repeat(10_485_760), 4), "xxxx… 10,485,760 bytes");
  strictEqual(shortenValue("ab😀cd", 3), "ab… 8 bytes", "never half a character");
});

Deno.test("formatIssue() shortens huge quoted values, and only those", () => {
  const huge = "y".repeat(200_000);
  const text = formatIssue({
    severity: "error",
    code: "bad-duration",
    problem: `Cannot use settings.timeout: expected a duration such as "30s", got "${huge}"`,
    hint: `Write a number with a unit`,
  });
  strictEqual(
    text,
    'error: Cannot use settings.timeout: expected a duration such as "30s", got "' +
      `${"y".repeat(SHOWN_VALUE_MAX)}… 200,000 bytes"\n  hint: Write a number with a unit`,
  );
  strictEqual(shortenQuoted('a "b" c'), 'a "b" c');
  const path = `"/home/u/${"code/".repeat(40)}x"`;
  strictEqual(
    shortenQuoted(`Cannot plan "a": the directory ${path} does not exist`).includes(path),
    true,
  );
});
