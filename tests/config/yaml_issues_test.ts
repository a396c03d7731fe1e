/** readYaml(): what the YAML layer reports before any schema check. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { readYaml } from "../../src/config/yaml_issues.ts";

const at = (text: string) =>
  readYaml(text, "c.yaml").issues.map((i) => [
    i.code,
    `${i.where?.line}:${i.where?.column}`,
    i.problem,
  ]);

Deno.test("one error per line: a cascade of parse errors is cut to its first", () => {
  deepStrictEqual(at("- a\nb: 1\n"), [
    ["yaml-syntax", "2:1", "Cannot read the YAML: Unexpected scalar at node end"],
  ]);
});

Deno.test("a second document is an error with its place", () => {
  deepStrictEqual(at("a: 1\n---\nb: 2\n"), [
    [
      "yaml-syntax",
      "2:1",
      "Cannot read the YAML: Source contains multiple documents; please use " +
      "YAML.parseAllDocuments()",
    ],
  ]);
  strictEqual(
    readYaml("a: 1\n---\nb: 2\n", "c.yaml").issues[0].hint,
    "Keep one YAML document in the config: remove the second `---`",
  );
});

Deno.test("an alias bomb is refused, not expanded", () => {
  const nine = (x: string) => `[${Array(9).fill(x).join(",")}]`;
  const text = `a: &a ${nine("x")}\nb: &b ${nine("*a")}\nc: &c ${nine("*b")}\nd: &d ${
    nine("*c")
  }\ne: ${nine("*d")}\n`;
  const r = readYaml(text, "c.yaml");
  strictEqual(r.data, undefined);
  deepStrictEqual(r.issues.map((i) => [i.code, i.hint]), [
    ["yaml-syntax", "Use fewer nested aliases (*name)"],
  ]);
});

Deno.test("duplicate keys: each repeat names the first; merge keys may repeat", () => {
  deepStrictEqual(at("a: 1\nb: 2\na: 3\na: 4\n"), [
    [
      "duplicate-key",
      "3:1",
      'Cannot use the key "a" twice in one map: it is already set at line 1, column 1',
    ],
    [
      "duplicate-key",
      "4:1",
      'Cannot use the key "a" twice in one map: it is already set at line 1, column 1',
    ],
  ]);
  const merged = readYaml("x: &x {p: 1}\ny: &y {q: 2}\nz:\n  <<: *x\n  <<: *y\n", "c.yaml");
  deepStrictEqual([merged.issues, merged.data], [[], {
    x: { p: 1 },
    y: { q: 2 },
    z: { p: 1, q: 2 },
  }]);
});

Deno.test("an unknown tag is a warning; the value is read as text", () => {
  const r = readYaml("a: !!foo x\n", "c.yaml");
  deepStrictEqual(r.issues.map((i) => [i.severity, i.code]), [["warning", "yaml-warning"]]);
  deepStrictEqual(r.data, { a: "x" });
});
