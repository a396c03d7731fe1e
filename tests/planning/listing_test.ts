/** listRituals() and formatListing(): what `rune ritual list` shows. */
import { deepStrictEqual } from "node:assert/strict";
import { listRituals } from "../../src/planning/listing.ts";
import { formatListing } from "../../src/output/listing_text.ts";
import { parseConfig } from "../../src/config/load.ts";
import { makeColors } from "../../src/base/colors.ts";

const TEXT = `projects:
  - name: Web
    detect: [package.json]
rituals:
  start:
    global:
      - name: Fetch
        command: git fetch
        optional: true
        timeout: 1m
    per_project:
      Web:
        - name: Serve
          command: npm run dev
          background: true
        - name: Workspace
          interactive: true
          tmux_template: dev
      api:
        - name: Shell
          command: psql
          interactive: true
          tmux_session: db
          working_dir: ./db
  stop:
    global:
      - name: Bye
        command: echo bye
  templates:
    dev:
      session_name: "dev-{{.Project}}"
      windows:
        - name: edit
          layout: main-vertical
          panes: [vim, ~, { command: [make, make test], focus: true }]
    spare:
      session_name: spare
      windows: [{ panes: [htop] }]
`;

function config() {
  const r = parseConfig(TEXT, "c.yaml");
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.value.config;
}

Deno.test("listRituals() lists every ritual, project and template", () => {
  const l = listRituals(config());
  deepStrictEqual(l.start.global, [{
    name: "Fetch",
    command: "git fetch",
    optional: true,
    background: false,
    interactive: false,
    timeout: "1m",
  }]);
  deepStrictEqual(Object.keys(l.start.per_project), ["Web", "api"]);
  deepStrictEqual(l.stop.per_project, {});
  deepStrictEqual(l.templates.map((t) => [t.name, t.place, t.windows.length]), [
    ["dev", "rituals.templates", 1],
    ["spare", "rituals.templates", 1],
  ]);
});

Deno.test("listRituals(config, project) keeps that project's commands and their templates", () => {
  const l = listRituals(config(), "web");
  deepStrictEqual(l.project, "web");
  deepStrictEqual(Object.keys(l.start.per_project), ["Web"], "per_project keys match any case");
  deepStrictEqual(l.start.global.map((c) => c.name), ["Fetch"]);
  deepStrictEqual(l.templates.map((t) => t.name), ["dev"]);
  const other = listRituals(config(), "nope");
  deepStrictEqual([other.start.per_project, other.templates], [{}, []]);
});

Deno.test("formatListing() shows names with markers, then the templates", () => {
  deepStrictEqual(formatListing(listRituals(config()), makeColors(false)), [
    "start ritual (1 global, 2 for Web, 1 for api)",
    "  global",
    "    1. Fetch  [optional, timeout 1m]",
    "  per_project Web",
    "    1. Serve      [background]",
    "    2. Workspace  [interactive, template dev]",
    "  per_project api",
    "    1. Shell  [interactive, session db, in ./db]",
    "",
    "stop ritual (1 global)",
    "  global",
    "    1. Bye",
    "",
    "templates (2)",
    '  dev (rituals.templates): session "dev-{{.Project}}", 1 window(s)',
    "    edit  3 pane(s) [main-vertical]: vim | (shell) | make; make test (focus)",
    '  spare (rituals.templates): session "spare", 1 window(s)',
    "    (unnamed)  1 pane(s): htop",
  ]);
});
