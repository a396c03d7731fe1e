/** renderImport() prints a fragment rune loads; the header names the file and what was left out. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parse } from "yaml";
import { IMPORTERS, importTmuxinator, renderImport } from "../../src/import/mod.ts";
import type { ImportResult, SourceKind } from "../../src/import/mod.ts";
import { validateConfigText } from "../../src/config/validate.ts";
import { sharedDir, sharedFiles } from "../helpers/shared.ts";

/** The template keys issue 15 adds and this import emits; rune warns about them until it has them. */
const NEW_KEYS = [
  "env",
  "options",
  "window_options",
  "title",
  "shell",
  "synchronize",
  "on_first_start",
  "on_reuse",
  "attach",
];
const facts = { home: "/home/me", cwd: "/home/me", fileDir: "/home/me/.tmuxinator" };

function sample(): ImportResult {
  const text = [
    "name: web",
    "root: ~/web",
    "socket_name: foo",
    "on_project_stop: docker compose down",
    "windows:",
    "  - editor:",
    "      layout: main-vertical",
    `      panes: [vim, "${"x".repeat(120)}"]`,
  ].join("\n");
  const r = importTmuxinator(text, "web.yml", facts);
  if (!r.ok) throw new Error(r.error[0].problem);
  return r.value;
}

Deno.test("renderImport() puts the template and its steps where rune reads them", () => {
  const text = renderImport(sample());
  const data = parse(text);
  deepStrictEqual(Object.keys(data.rituals), ["templates", "start", "stop"]);
  deepStrictEqual(data.rituals.templates.web, {
    session_name: "web",
    dir: "~/web",
    windows: [{ name: "editor", layout: "main-vertical", panes: ["vim", "x".repeat(120)] }],
  });
  deepStrictEqual(data.rituals.start.per_project.web, [
    { name: "tmux session", interactive: true, tmux_template: "web" },
  ]);
  deepStrictEqual(data.rituals.stop.per_project.web, [
    {
      name: "on_project_stop",
      command: "docker compose down",
      working_dir: "~/web",
      optional: true,
    },
  ]);
  ok(text.includes(`- ${"x".repeat(120)}\n`), "a long command stays on one line");
});

Deno.test("renderImport() heads the fragment with the source file and every warning", () => {
  const lines = renderImport(sample()).split("\n");
  strictEqual(lines[0], "# Imported by `rune import tmuxinator` from web.yml");
  strictEqual(lines[1], "# Start it with `rune start web`.");
  ok(
    lines.some((l) => l.startsWith('#   line 3:1: Cannot import socket_name "foo"')),
    lines.join("\n"),
  );
  ok(lines.some((l) => l.includes("kill_sessions_on_stop")));
});

Deno.test({
  name:
    "every compat file renders to a config rune validates; only the new template keys are unknown",
  ignore: !sharedDir(),
  fn() {
    const files: [string, SourceKind][] = [
      ...sharedFiles("compat/tmuxinator", ".yml").map((
        f,
      ): [string, SourceKind] => [f, "tmuxinator"]),
      ...sharedFiles("compat/tmuxinator/derived", ".yml").map((
        f,
      ): [string, SourceKind] => [f, "tmuxinator"]),
      ...[...sharedFiles("compat/tmuxp", ".yaml"), ...sharedFiles("compat/tmuxp", ".json")]
        .map((f): [string, SourceKind] => [f, "tmuxp"]),
    ];
    let rendered = 0;
    for (const [file, kind] of files) {
      const r = IMPORTERS[kind](Deno.readTextFileSync(file), file, facts);
      if (!r.ok) continue; // the two ERB files, refused on purpose (tested elsewhere)
      rendered++;
      const { issues } = validateConfigText(renderImport(r.value), "out.yaml");
      for (const issue of issues) {
        const key = issue.problem.match(/^Ignoring the key "([^"]+)"/)?.[1];
        ok(
          issue.code === "unknown-key" && key && NEW_KEYS.includes(key),
          `${file}: ${issue.problem}`,
        );
      }
    }
    strictEqual(rendered, 11);
  },
});
