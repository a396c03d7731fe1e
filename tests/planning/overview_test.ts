/** configOverview(): projects with rules and step counts, templates with who opens them. */
import { deepStrictEqual } from "node:assert/strict";
import { configOverview } from "../../src/planning/mod.ts";
import { parseConfig } from "../../src/config/mod.ts";

function config(text: string) {
  const r = parseConfig(text, "c.yaml");
  if (!r.ok) throw new Error(r.error.map((i) => i.problem).join("\n"));
  return r.value.config;
}

Deno.test("configOverview() lists projects, per_project-only names, and template users", () => {
  const o = configOverview(config(`
projects:
  - {name: web, detect: [package.json, "git:web"], dir: ~/code/web}
  - {name: docs}
rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: shared}
    per_project:
      Web:
        - {name: a, command: "true"}
        - {name: b, interactive: true, tmux_template: full}
      ops: [{name: c, command: "true"}]
  stop:
    per_project:
      web: [{name: d, command: "true"}]
  templates:
    full:
      session_name: "dev-{{.Project}}"
      windows: [{name: a, panes: [vim, null]}, {name: b, panes: [top]}]
    shared: {session_name: s, windows: [{panes: [null]}]}
    unused: {session_name: u, windows: [{panes: [null]}]}
`));
  deepStrictEqual(o.projects, [
    {
      name: "web",
      detect: ["package.json", "git:web"],
      dir: "~/code/web",
      start: 2,
      stop: 1,
      listed: true,
    },
    { name: "docs", detect: [], start: 0, stop: 0, listed: true },
    { name: "ops", detect: [], start: 1, stop: 0, listed: false },
  ]);
  deepStrictEqual(o.templates, [
    {
      name: "full",
      place: "rituals.templates",
      session_name: "dev-{{.Project}}",
      windows: 2,
      panes: 3,
      usedBy: ["Web"],
    },
    {
      name: "shared",
      place: "rituals.templates",
      session_name: "s",
      windows: 1,
      panes: 1,
      usedBy: ["global"],
    },
    {
      name: "unused",
      place: "rituals.templates",
      session_name: "u",
      windows: 1,
      panes: 1,
      usedBy: [],
    },
  ]);
});
