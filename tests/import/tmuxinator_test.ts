/** importTmuxinator() on small fixtures: each row pins one rule of tmuxinator's file format. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { importTmuxinator } from "../../src/import/mod.ts";
import type { ImportResult } from "../../src/import/mod.ts";
import type { Issue } from "../../src/base/mod.ts";

const facts = { home: "/home/me", cwd: "/home/me/code", fileDir: "/home/me/.config/tmuxinator" };
const FILE = "p.yml";

function run(text: string) {
  return importTmuxinator(text, FILE, facts);
}
function value(text: string): ImportResult {
  const r = run(text);
  if (!r.ok) {
    throw new Error(
      r.error.map((i) => `${i.where?.line}:${i.where?.column} ${i.problem}`).join("\n"),
    );
  }
  return r.value;
}
const placed = (issues: Issue[]) => issues.map((i) => [i.code, i.where?.line, i.where?.column]);
const yaml = (...lines: string[]) => lines.join("\n") + "\n";

Deno.test("importTmuxinator() maps windows and panes as tmuxinator reads them", async (t) => {
  const cases: { name: string; text: string; windows: unknown; warnings?: unknown[] }[] = [
    {
      name: "a list as a window's value is ONE pane typing each item",
      text: yaml("name: p", "windows:", "  - shell: [git pull, git merge]"),
      windows: [{ name: "shell", panes: [{ command: ["git pull", "git merge"] }] }],
    },
    {
      name: "a null window is one plain shell; an empty string too",
      text: yaml("name: p", "windows:", "  - a:", '  - b: ""'),
      windows: [{ name: "a", panes: [null] }, { name: "b", panes: [null] }],
    },
    {
      name: 'a pane of "" types an Enter; null items of a pane list type nothing',
      text: yaml(
        "name: p",
        "windows:",
        "  - w:",
        "      panes:",
        '        - ""',
        "        - [ls, ~, pwd]",
      ),
      windows: [{
        name: "w",
        layout: "tiled",
        panes: [{ command: "" }, { command: ["ls", "pwd"] }],
      }],
    },
    {
      name: "a window key of ~ has no name, and that is reported",
      text: yaml("name: p", "windows:", "  - ~: htop"),
      windows: [{ panes: ["htop"] }],
      warnings: [["unnamed-window", 3, 5]],
    },
    {
      name: "a pane map's key is its title, whatever the word",
      text: yaml(
        "name: p",
        "windows:",
        "  - w:",
        "      panes:",
        "        - commands: make",
        "        - logs:",
      ),
      windows: [{
        name: "w",
        layout: "tiled",
        panes: [{ title: "commands", command: "make" }, { title: "logs" }],
      }],
    },
    {
      name: "window root joins the project root; an absolute one stands alone",
      text: yaml(
        "name: p",
        "root: ~/code/p",
        "windows:",
        "  - a: {root: web, panes: [x]}",
        "  - b: {root: /srv, panes: [y]}",
      ),
      windows: [{ name: "a", dir: "~/code/p/web", panes: ["x"] }, {
        name: "b",
        dir: "/srv",
        panes: ["y"],
      }],
    },
    {
      name: "null items of pre are dropped, the rest joined with && (one typed line)",
      text: yaml("name: p", "windows:", "  - w:", "      pre: [a, ~, b]", "      panes: [x]"),
      windows: [{ name: "w", pre: "a && b", panes: ["x"] }],
    },
    {
      name: "pre of a window without panes is not typed by tmuxinator: reported",
      text: yaml("name: p", "windows:", "  - w:", "      pre: a"),
      windows: [{ name: "w", panes: [null] }],
      warnings: [["ignored-key", 4, 7]],
    },
    {
      name: "focused_pane by index and by title",
      text: yaml(
        "name: p",
        "windows:",
        "  - a: {panes: [x, y], focused_pane: 1}",
        "  - b: {panes: [x, {t: y}], focused_pane: t}",
      ),
      // The first window is the startup window: tmuxinator selects its pane 0 last.
      windows: [
        { name: "a", layout: "tiled", panes: ["x", "y"] },
        { name: "b", layout: "tiled", panes: ["x", { title: "t", command: "y", focus: true }] },
      ],
      warnings: [["focus-overridden", 3, 38]],
    },
    {
      name: "synchronize: true is before (legacy), after is after",
      text: yaml(
        "name: p",
        "windows:",
        "  - a: {synchronize: true, panes: [x]}",
        "  - b: {synchronize: after, panes: [x]}",
      ),
      windows: [{ name: "a", synchronize: "before", panes: ["x"] }, {
        name: "b",
        synchronize: "after",
        panes: ["x"],
      }],
    },
    {
      name: "a literal {{ in a command stays literal for rune's template engine",
      text: yaml("name: p", "windows:", "  - d: docker inspect -f '{{.State}}' db"),
      windows: [{ name: "d", panes: ["docker inspect -f '\\{{.State}}' db"] }],
    },
    {
      name: "JSON works as well as YAML",
      text: '{"name": "p", "windows": [{"editor": "vim"}, {"logs": {"panes": ["a", null]}}]}',
      windows: [{ name: "editor", panes: ["vim"] }, {
        name: "logs",
        layout: "tiled",
        panes: ["a", null],
      }],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = value(c.text);
      deepStrictEqual(r.template.windows, c.windows);
      deepStrictEqual(placed(r.warnings), c.warnings ?? []);
    });
  }
});

Deno.test("importTmuxinator() maps the project's options", async (t) => {
  await t.step("startup_window by name focuses it; startup_pane picks its pane", () => {
    const r = value(
      yaml(
        "name: p",
        "startup_window: b",
        "startup_pane: 1",
        "windows:",
        "  - a: x",
        "  - b: {panes: [y, z]}",
      ),
    );
    deepStrictEqual(r.template.windows[1], {
      name: "b",
      focus: true,
      layout: "tiled",
      panes: ["y", { command: "z", focus: true }],
    });
  });
  await t.step("startup_window by index counts from 0; an unknown one is reported", () => {
    strictEqual(
      value(yaml("name: p", "startup_window: 1", "windows:", "  - a: x", "  - b: y")).template
        .windows[1].focus,
      true,
    );
    deepStrictEqual(
      placed(value(yaml("name: p", "startup_window: zz", "windows:", "  - a: x")).warnings),
      [["bad-value", 2, 17]],
    );
  });
  await t.step("rbenv wins over pre_window, which is reported", () => {
    const r = value(yaml("name: p", "rbenv: 3.3.0", "pre_window: nvm use", "windows:", "  - a: x"));
    strictEqual(r.template.pre_window, "rbenv shell 3.3.0");
    deepStrictEqual(placed(r.warnings), [["ignored-key", 3, 1]]);
  });
  await t.step("a pre_window list is one line joined with ; (as project.rb joins it)", () => {
    strictEqual(
      value(yaml("name: p", "pre_window: [a, b]", "windows:", "  - a: x")).template.pre_window,
      "a; b",
    );
  });
  await t.step("hooks: lists joined with ;, in the project root, failures do not stop", () => {
    const r = value(
      yaml(
        "name: p",
        "root: /w",
        "on_project_start: [a, b]",
        "on_project_stop: c",
        "windows:",
        "  - a: x",
      ),
    );
    deepStrictEqual(r.start[0], {
      name: "on_project_start",
      command: "a; b",
      optional: true,
      working_dir: "/w",
    });
    deepStrictEqual(r.stop, [{
      name: "on_project_stop",
      command: "c",
      optional: true,
      working_dir: "/w",
    }]);
  });
  await t.step("pre (deprecated) runs before the session is made; post after it", () => {
    const r = value(yaml("name: p", "pre: make deps", "post: echo bye", "windows:", "  - a: x"));
    deepStrictEqual(r.template.before, ["make deps"]);
    deepStrictEqual(r.start.map((s) => s.name), ["tmux session", "post"]);
  });
  await t.step("enable_pane_titles sets the border options of every window", () => {
    const r = value(
      yaml(
        "name: p",
        "enable_pane_titles: true",
        "pane_title_position: bottom",
        "windows:",
        "  - a: x",
      ),
    );
    deepStrictEqual(r.template.window_options, {
      "pane-border-status": "bottom",
      "pane-border-format": "#{pane_index}: #{pane_title}",
    });
  });
  await t.step("tmux_options: the socket and the config file each get their own advice", () => {
    const [w] =
      value(yaml("name: p", "tmux_options: -L work -f ~/.t.conf", "windows:", "  - a: x")).warnings;
    strictEqual(w.code, "no-equivalent");
    ok(
      w.hint?.includes("settings.tmux.socket: work") && w.hint.includes("source-file ~/.t.conf"),
      w.hint,
    );
  });
  await t.step("a relative root is kept, and how rune reads it is said", () => {
    const r = value(yaml("name: p", "root: code/p", "windows:", "  - a: x"));
    strictEqual(r.template.dir, "code/p");
    deepStrictEqual(placed(r.warnings), [["relative-root", 2, 7]]);
  });
  await t.step("project_name and project_root win over name and root, as in project.rb", () => {
    const r = value(
      yaml("name: b", "project_name: a", "root: /b", "project_root: /a", "windows:", "  - w: x"),
    );
    deepStrictEqual([r.template.session_name, r.template.dir], ["a", "/a"]);
  });
  await t.step("name: dots and colons become _ in the session, the project key is rune's", () => {
    const r = value(yaml("name: My.App:dev", "windows:", "  - a: x"));
    strictEqual(r.template.session_name, "My_App_dev");
    strictEqual(r.name, "my-app-dev");
  });
});
