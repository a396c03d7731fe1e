import { deepStrictEqual } from "node:assert/strict";
import { nameFromManifest, stripJsonComments } from "../../src/project/manifests.ts";
import type { ManifestFile } from "../../src/project/manifests.ts";

Deno.test("nameFromManifest() reads the name each manifest declares", async (t) => {
  const cases: [ManifestFile, string, string | undefined][] = [
    ["package.json", '{"name": "web"}', "web"],
    ["package.json", '{"name": "@acme/web"}', "web"],
    ["package.json", '{"name": 3}', undefined],
    ["package.json", '{"name": ""}', undefined],
    ["package.json", "[]", undefined],
    ["package.json", "not json", undefined],
    ["deno.json", '{"name": "@rune/cli", "version": "1"}', "cli"],
    [
      "deno.jsonc",
      '{\n  // "name": "commented",\n  "name": "http://x//y", /* c */\n}',
      "http://x//y",
    ],
    ["go.mod", "// c\nmodule example.com/a/b\n", "b"],
    ["go.mod", 'module "example.com/quoted"\n', "quoted"],
    ["go.mod", "module example.com/tool/v3\n", "tool"],
    ["go.mod", "go 1.22\n", undefined],
    ["Cargo.toml", '[package]\nversion = "1"\nname = "crate-a" # c\n', "crate-a"],
    ["Cargo.toml", "[package]\nname = 'single'\n", "single"],
    ["Cargo.toml", '[workspace]\nmembers = ["a"]\n[[bin]]\nname = "not-the-package"\n', undefined],
    ["Cargo.toml", '[package]\nedition = "2021"\n[[bin]]\nname = "bin-name"\n', undefined],
    ["Cargo.toml", '[dependencies]\nname = "dep"\n', undefined],
    ["pyproject.toml", '[project]\nname = "py-lib"\n[tool.poetry]\nname = "other"\n', "py-lib"],
    ["pyproject.toml", '[tool.poetry]\nname = "poetry-lib"\n', "poetry-lib"],
    ["pyproject.toml", '[build-system]\nrequires = ["x"]\n', undefined],
  ];
  for (const [file, text, want] of cases) {
    await t.step(
      `${file}: ${JSON.stringify(text)}`,
      () => deepStrictEqual(nameFromManifest(file, text)?.name, want),
    );
  }
});

Deno.test("stripJsonComments() keeps strings and drops trailing commas", () => {
  deepStrictEqual(
    JSON.parse(stripJsonComments('{"a": "// not a comment", /* x */ "b": [1, 2,], // y\n}')),
    { a: "// not a comment", b: [1, 2] },
  );
});
