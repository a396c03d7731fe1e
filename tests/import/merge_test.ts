/** mergeIntoConfig() adds an import to a config's text, keeping the user's comments, never clobbering. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parse } from "yaml";
import { importSmug, mergeIntoConfig } from "../../src/import/mod.ts";
import type { ImportResult } from "../../src/import/mod.ts";

const facts = { home: "/home/me", cwd: "/home/me", fileDir: "/home/me/.config/smug" };

function blog(command = "vim"): ImportResult {
  const text =
    `session: blog\nroot: ~/blog\nstop: [make down]\nwindows:\n  - {name: code, commands: [${command}]}\n`;
  const r = importSmug(text, "blog.yml", facts);
  if (!r.ok) throw new Error(r.error[0].problem);
  return r.value;
}

const CONFIG = `# my rune config
version: 1
rituals:
  start:
    global:
      - name: fetch # keep this comment
        command: git fetch
    per_project:
      blog:
        - name: mine
          command: echo mine
  templates:
    other: # another template
      session_name: o
      windows: [{name: a, panes: [x]}]
`;

function merged(text: string, result: ImportResult, force = false): string {
  const r = mergeIntoConfig(text, result, { force, file: "config.yaml" });
  if (!r.ok) throw new Error(r.error[0].problem);
  return r.value;
}

Deno.test("mergeIntoConfig() adds the template and appends the steps, keeping every comment", () => {
  const text = merged(CONFIG, blog());
  for (const comment of ["# my rune config", "# keep this comment", "# another template"]) {
    ok(text.includes(comment), comment);
  }
  ok(text.includes("# imported by `rune import smug` from blog.yml"));
  const data = parse(text);
  strictEqual(data.rituals.templates.blog.session_name, "blog");
  strictEqual(data.rituals.templates.other.session_name, "o");
  deepStrictEqual(data.rituals.start.per_project.blog.map((s: { name: string }) => s.name), [
    "mine",
    "tmux session",
  ]);
  deepStrictEqual(data.rituals.stop.per_project.blog, [{
    name: "stop",
    command: "make down",
    working_dir: "~/blog",
  }]);
  ok(text.includes("windows: [{name: a, panes: [x]}]"), "the user's flow style stays");
});

Deno.test("mergeIntoConfig() refuses a same-named template without force, at its place", () => {
  for (const place of ["rituals.templates", "rituals.start.templates"]) {
    const [a, b] = place.split(".").slice(1);
    const config = b
      ? `rituals:\n  ${a}:\n    ${b}:\n      blog: {session_name: mine, windows: [{panes: [x]}]}\n`
      : `rituals:\n  ${a}:\n    blog: {session_name: mine, windows: [{panes: [x]}]}\n`;
    const r = mergeIntoConfig(config, blog(), { file: "config.yaml" });
    ok(!r.ok, place);
    strictEqual(r.error[0].code, "template-exists");
    strictEqual(
      r.error[0].problem,
      `Cannot write template "blog" into config.yaml: ${place}.blog already exists`,
    );
    strictEqual(r.error[0].where?.line, b ? 4 : 3);
    ok(r.error[0].hint?.includes("--force"));
  }
});

Deno.test("mergeIntoConfig() with force replaces the template where it is, and never doubles a step", () => {
  const once = merged(CONFIG, blog());
  const twice = merged(once, blog("emacs"), true);
  const data = parse(twice);
  deepStrictEqual(data.rituals.templates.blog.windows[0].panes, ["emacs"]);
  deepStrictEqual(data.rituals.start.per_project.blog.map((s: { name: string }) => s.name), [
    "mine",
    "tmux session",
  ]);
  strictEqual(data.rituals.stop.per_project.blog.length, 1);
  strictEqual(twice.match(/# imported by/g)?.length, 1);
});

Deno.test("mergeIntoConfig() starts from an empty file, an empty rituals:, or says why it cannot", async (t) => {
  await t.step(
    "empty text",
    () => strictEqual(parse(merged("", blog())).rituals.templates.blog.session_name, "blog"),
  );
  await t.step("rituals: with nothing under it", () => {
    strictEqual(
      parse(merged("version: 1\nrituals:\n", blog())).rituals.templates.blog.session_name,
      "blog",
    );
  });
  await t.step("a config that is a list", () => {
    const r = mergeIntoConfig("- a\n", blog());
    ok(!r.ok);
    strictEqual(r.error[0].code, "import-merge");
  });
  await t.step("broken YAML is located", () => {
    const r = mergeIntoConfig("rituals: [\n", blog(), { file: "c.yaml" });
    ok(!r.ok);
    deepStrictEqual([r.error[0].code, r.error[0].where?.file], ["yaml-syntax", "c.yaml"]);
  });
});
