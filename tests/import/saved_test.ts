/** A saved session → a template to edit: {{.ProjectDir}}, exact layouts, commands, focus. */
import { deepStrictEqual } from "node:assert/strict";
import { savedCommandLine, templateFromSaved } from "../../src/import/saved.ts";
import type { SavedSession } from "../../src/contract/mod.ts";
import { expandField } from "../../src/templates/mod.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const SAVED: SavedSession = {
  name: "dev-{{x}}",
  project: "web",
  dir: "/home/u/web",
  size: { columns: 200, rows: 50 },
  env: { RUNE_PROJECT: "web", RUNE_PROJECT_DIR: "/home/u/web", API: "http://x/{{y}}" },
  options: { "status-left": "[#{session_name}]" },
  windows: [
    {
      name: "edit",
      layout: "8b5f,160x48,0,0{80x48,0,0,0,79x48,81,0,1}",
      active: true,
      zoomed: false,
      options: { "automatic-rename": "off", "main-pane-width": "50" },
      panes: [
        { dir: "/home/u/web", title: "vm", active: false, running: ["vim", "a b.txt"] },
        { dir: "/home/u/web/src/{{z}}", title: "logs", active: true, running: "tail -f x" },
      ],
    },
    {
      name: "other",
      layout: "cbff,160x48,0,0,2",
      active: false,
      zoomed: false,
      options: { "automatic-rename": "off" },
      panes: [{ dir: "/home/u/webby", title: "vm", active: true }],
    },
  ],
};

Deno.test("templateFromSaved() writes the project's dir as {{.ProjectDir}}, the rest literally", () => {
  deepStrictEqual(templateFromSaved(SAVED, "/home/u/web"), {
    session_name: "dev-\\{{x}}",
    dir: "{{.ProjectDir}}",
    env: { API: "http://x/\\{{y}}" },
    options: { "status-left": "[#{session_name}]" },
    windows: [
      {
        name: "edit",
        layout: "8b5f,160x48,0,0{80x48,0,0,0,79x48,81,0,1}",
        focus: true,
        window_options: { "main-pane-width": "50" },
        panes: [
          { command: "vim 'a b.txt'", dir: "{{.ProjectDir}}" },
          { title: "logs", command: "tail -f x", dir: "{{.ProjectDir}}/src/\\{{z}}", focus: true },
        ],
      },
      // A sibling directory that only starts with the project's name is not under it.
      { name: "other", layout: "cbff,160x48,0,0,2", panes: [{ dir: "/home/u/webby" }] },
    ],
  });
});

Deno.test("what the template writes literally reads back as itself", () => {
  // Handlebars' own {{.ProjectDir}} stands for the directory; `\{{` for a literal `{{`.
  const vars = { ProjectDir: "/elsewhere" } as never;
  deepStrictEqual(expandField("{{.ProjectDir}}/src/\\{{z}}", vars, "text"), {
    ok: true,
    value: "/elsewhere/src/{{z}}",
  });
  for (const text of ["dev-\\{{x}}", "/home/u/web/src/\\{{z}}", "http://x/\\{{y}}"]) {
    const r = expandField(text, {} as never, "text");
    deepStrictEqual(r.ok ? r.value : r.error, text.replace("\\{{", "{{"));
  }
  deepStrictEqual(
    savedCommandLine({ dir: "/", title: "", active: false, running: ["a b", "c"] }),
    "'a b' c",
  );
});
