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

Deno.test("an alias bomb is refused at the alias that crosses the limit, not at 1:1", () => {
  const nine = (x: string) => `[${Array(9).fill(x).join(",")}]`;
  const text = `a: &a ${nine("x")}\nb: &b ${nine("*a")}\nc: &c ${nine("*b")}\nd: &d ${
    nine("*c")
  }\ne: ${nine("*d")}\n`;
  const r = readYaml(text, "c.yaml");
  strictEqual(r.data, undefined);
  deepStrictEqual(at(text), [[
    "yaml-limit",
    "5:5",
    'Cannot read the YAML: "*d" makes the aliases repeat more than 10,000 values in all (an ' +
    "alias bomb would make billions)",
  ]]);
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

Deno.test("every tag outside YAML's core schema is an error at the tag", async (t) => {
  const cases: [string, string, string][] = [
    ['a: !shell "touch /tmp/x"', "1:4", "!shell"],
    ["a: !!js/function 'f'", "1:4", "!!js/function"],
    ['a: !!python/object/apply:os.system ["ls"]', "1:4", "!!python/object/apply:os.system"],
    ["a: !ruby/object {x: 1}", "1:4", "!ruby/object"],
    ["a: !<tag:example.com,2000:x> v", "1:4", "!<tag:example.com,2000:x>"],
    ["a: !env HOME", "1:4", "!env"],
    ["a: &x !env HOME", "1:7", "!env"],
    ["a: !!binary aGk=", "1:4", "!!binary"],
    ["a: !!timestamp 2001-12-14", "1:4", "!!timestamp"],
    ["a: [x, !shell y]", "1:8", "!shell"],
    ["a: !shell\n  b: 1", "1:4", "!shell"],
    ["? !shell k\n: v", "1:3", "!shell"],
    ["%TAG !! tag:example.com,2000:\n---\na: !!str x", "3:4", "!!str"],
  ];
  for (const [text, place, tag] of cases) {
    await t.step(text, () => {
      deepStrictEqual(at(text), [[
        "yaml-tag",
        place,
        `Cannot use the YAML tag "${tag}": rune reads only plain strings, numbers, booleans, ` +
        "null, maps and lists, never tagged values",
      ]]);
    });
  }
  await t.step("the core tags and the non-specific tag are plain YAML", () => {
    const text = "a: !!str 12\nb: !!int '3'\nc: ! 14\nd: !!map {x: !!null ''}\n" +
      "e: !!seq [!!bool true, !!float 1]\nf: !<tag:yaml.org,2002:str> 5\n";
    deepStrictEqual(at(text), []);
  });
});

Deno.test("one YAML mistake is reported once, at its root", async (t) => {
  const config = (edit: (lines: string[]) => void) => {
    const lines = [
      "rituals:", //                1
      "  start:", //                2
      "    global:", //             3
      "      - name: a", //         4
      "        command: x", //      5
      "      - name: b", //         6
      "        command: y", //      7
      "    per_project:", //        8
      "      web:", //              9
      "        - name: c", //       10
      "  stop:", //                 11
      "    global: []", //          12
    ];
    edit(lines);
    return lines.join("\n") + "\n";
  };
  const cases: [string, (l: string[]) => void, string, string][] = [
    ["a tab at a key", (l) => (l[1] = "\tstart:"), "2:1", "Tabs are not allowed as indentation"],
    ["a tab after spaces", (l) => (l[4] = "      \tcommand: x"), "5:7", "Tabs are not allowed"],
    ["a tab in a sequence", (l) => (l[3] = "    \t- name: a"), "4:5", "Tabs are not allowed"],
    [
      "a key indented too little",
      (l) => (l[7] = "   per_project:"),
      "8:4",
      '"per_project" starts at column 4, which lines up with no key or item above it',
    ],
    [
      "an item indented too little",
      (l) => (l[5] = "     - name: b"),
      "6:6",
      '"-" starts at column 6',
    ],
    ["a key one column left", (l) => (l[10] = " stop:"), "11:2", '"stop" starts at column 2'],
    ["a quote never closed", (l) => (l[4] = '        command: "x'), "5:18", 'the " opened here'],
    ["a single quote never closed", (l) => (l[4] = "        command: 'it''s"), "5:18", "the '"],
  ];
  for (const [name, edit, place, problem] of cases) {
    await t.step(name, () => {
      const found = at(config(edit));
      deepStrictEqual(
        found.map((f) => f.slice(0, 2)),
        [["yaml-syntax", place]],
        JSON.stringify(found),
      );
      strictEqual(found[0][2].includes(problem), true, found[0][2]);
      strictEqual(/implicit map key|same column/.test(found[0][2]), false, found[0][2]);
    });
  }
  await t.step("the hint names the columns the key may line up with", () => {
    const r = readYaml(config((l) => (l[7] = "   per_project:")), "c.yaml");
    strictEqual(
      r.issues[0].hint,
      'Indent it to column 3 (like "start" on line 2) or column 5 (like "global" on line 3)',
    );
  });
});

Deno.test("aliases: missing, inside their own value, too many", () => {
  deepStrictEqual(at("a: *nowhere\n"), [[
    "yaml-syntax",
    "1:4",
    'Cannot read the YAML: the alias "*nowhere" names no anchor defined before it',
  ]]);
  deepStrictEqual(at("a: &a [1, *a]\n"), [[
    "yaml-syntax",
    "1:11",
    'Cannot read the YAML: the alias "*a" is inside the value "&a" names',
  ]]);
  const many = `a: &a x\nb: [${Array(1001).fill("*a").join(", ")}]\n`;
  deepStrictEqual(at(many), [[
    "yaml-limit",
    `2:${5 + 4 * 1000}`,
    'Cannot read the YAML: "*a" is alias number 1001, and rune reads at most 1000',
  ]]);
});

Deno.test("nesting deeper than the limit is refused where it crosses it, before parsing", () => {
  deepStrictEqual(at(`a:\n  b: ${"[".repeat(200)}`), [[
    "yaml-limit",
    "2:104",
    "Cannot read the YAML: it nests deeper than 100 levels here",
  ]]);
  deepStrictEqual(at(`${"- ".repeat(150)}x\n`).map((i) => i.slice(0, 2)), [[
    "yaml-limit",
    "1:201",
  ]]);
  deepStrictEqual(at(`a: ${"[".repeat(99)}${"]".repeat(99)}\n`), []);
});

Deno.test("a text over the size limit is refused before it is parsed", () => {
  const r = readYaml(`a: ${"x".repeat(100)}\n`, "c.yaml", { maxBytes: 50 });
  deepStrictEqual(r.issues.map((i) => [i.code, i.problem, i.hint]), [[
    "config-too-large",
    "Cannot read the config: it is 104 bytes, more than the limit of 50 bytes",
    "Shorten the file, or raise the limit: RUNE_CONFIG_MAX_BYTES=1048576 rune …",
  ]]);
});

Deno.test("more values than the size limit allows are refused where the count crosses it", () => {
  const text = `a: [${Array(200).fill("x").join(", ")}]\n`;
  deepStrictEqual(at(text), []);
  const r = readYaml(text, "c.yaml", { maxBytes: 1200 });
  deepStrictEqual(r.issues.map((i) => [i.code, `${i.where?.line}:${i.where?.column}`, i.problem]), [
    [
      "yaml-limit",
      "1:299",
      "Cannot read the YAML: it holds more than 100 values (keys, values and list items), the " +
      "most rune reads from a config of at most 1,200 bytes",
    ],
  ]);
  strictEqual(r.data, undefined);
});
