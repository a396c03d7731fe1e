/** formatOverview(): the `rune ls` text, sessions listed or the reason they are not. */
import { deepStrictEqual } from "node:assert/strict";
import { formatOverview } from "../../src/output/mod.ts";
import { makeColors } from "../../src/base/mod.ts";

const OVERVIEW = {
  projects: [
    { name: "web", detect: ["package.json"], start: 2, stop: 1, listed: true },
    { name: "ops", detect: [], start: 1, stop: 0, listed: false },
  ],
  templates: [
    {
      name: "full",
      place: "rituals.templates",
      session_name: "dev",
      windows: 2,
      panes: 3,
      usedBy: ["web"],
    },
  ],
};
const plain = makeColors(false);

Deno.test("formatOverview() shows projects, templates and running sessions", () => {
  const lines = formatOverview(OVERVIEW, {
    ok: true,
    sessions: [{ name: "dev", project: "web", windows: 2, attached: 1, created: 0 }],
  }, plain);
  deepStrictEqual(lines, [
    "projects (2)",
    "  web  detect package.json · start 2 · stop 1",
    "  ops  only under per_project: never detected, start it by name · start 1 · stop 0",
    "",
    "templates (1)",
    "  full  session dev · 2 window(s), 3 pane(s) · used by web",
    "",
    "sessions (rune's, on the tmux server)",
    "  dev  project web · 2 window(s) · attached",
  ]);
});

Deno.test("formatOverview() says why no session is listed", () => {
  const lines = formatOverview({ projects: [], templates: [] }, {
    ok: false,
    message: "tmux is not installed (or not on PATH)",
  }, plain);
  deepStrictEqual(lines.slice(-2), [
    "sessions (rune's, on the tmux server)",
    "  none listed: tmux is not installed (or not on PATH)",
  ]);
  deepStrictEqual(lines[1], "  (none: add one under projects:)");
});

Deno.test("formatOverview() shows a control character in a configured name instead of obeying it", () => {
  const lines = formatOverview(
    {
      projects: [{ name: "web\x1b[8m", detect: ["dir:~/a\rb"], start: 0, stop: 0, listed: true }],
      templates: [],
    },
    { ok: true, sessions: [] },
    plain,
  );
  deepStrictEqual(lines[1], "  web\\x1b[8m  detect dir:~/a\\rb · start 0 · stop 0");
});
