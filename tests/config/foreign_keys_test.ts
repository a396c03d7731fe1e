/**
 * Another tool's file given as the config, another tool's keys in a rune template, and
 * tmuxinator's one-key windows: each an error that names what to do instead.
 */
import { deepStrictEqual } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";
import { oneKeyWindow } from "../../src/config/foreign_keys.ts";

const FILE = "/home/u/.config/rune/config.yaml";

/** [severity, code, line:col, problem, hint] of each issue. */
function check(text: string): string[][] {
  return validateConfigText(text, FILE, { checkTemplates: () => [] }).issues.map((i) => [
    i.severity,
    i.code,
    i.where ? `${i.where.line}:${i.where.column}` : "-",
    i.problem,
    i.hint ?? "",
  ]);
}

Deno.test("a tmuxinator, tmuxp or smug file as the config names its tool and the import", async (t) => {
  const cases: [string, string, string][] = [
    [
      "tmuxinator",
      "# my project\nname: web\nroot: ~/web\nwindows:\n  - editor: vim\n  - server: rails s\n",
      "tmuxinator project file (name, root, windows[0] is a one-key map (editor), " +
      "windows[1] is a one-key map (server))",
    ],
    [
      "tmuxp",
      "session_name: web\nwindows:\n  - window_name: editor\n    panes: [vim]\n",
      "tmuxp workspace file (session_name, windows[0].window_name)",
    ],
    ["smug", "session: blog\nroot: ~/blog\nwindows:\n  - name: code\n", "smug project file"],
  ];
  for (const [tool, text, what] of cases) {
    await t.step(tool, () => {
      const issues = check(text);
      deepStrictEqual(issues.length, 1, JSON.stringify(issues));
      const [severity, code, , problem, hint] = issues[0];
      deepStrictEqual([severity, code], ["error", "foreign-config"]);
      deepStrictEqual(
        problem.startsWith(`Cannot use ${FILE} as a rune config: it is a ${what}`),
        true,
        problem,
      );
      deepStrictEqual(
        hint,
        `Run \`rune import ${tool} ${FILE}\` to turn it into a rune template and rituals`,
      );
    });
  }
});

Deno.test("a rune config is never taken for another tool's file", () => {
  deepStrictEqual(
    check("rituals:\n  start:\n    global:\n      - {name: a, command: 'true'}\n"),
    [],
  );
  deepStrictEqual(check("settings: {timeout: 10s}\n"), []);
  deepStrictEqual(check(""), []);
});

Deno.test("tmuxp, tmuxinator and smug keys in a template name rune's key", () => {
  const text = `rituals:
  templates:
    web:
      session_name: web
      start_directory: ~/web
      windows:
        - window_name: editor
          shell_command_before: source .env
          panes:
            - shell_command: [vim]
            - {commands: [make], root: src}
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "foreign-key",
      "5:7",
      'Cannot use the key "start_directory" in rituals.templates.web: it is tmuxp\'s key, rune\'s is "dir"',
      'Did you mean "dir"? Rename the key',
    ],
    [
      "error",
      "foreign-key",
      "7:11",
      'Cannot use the key "window_name" in rituals.templates.web.windows[0]: it is tmuxp\'s key, ' +
      'rune\'s is "name"',
      'Did you mean "name"? Rename the key',
    ],
    [
      "error",
      "foreign-key",
      "8:11",
      'Cannot use the key "shell_command_before" in rituals.templates.web.windows[0]: it is ' +
      "tmuxp's key, rune's is \"pre\"",
      'Did you mean "pre"? Rename the key',
    ],
    [
      "error",
      "foreign-key",
      "10:15",
      'Cannot use the key "shell_command" in rituals.templates.web.windows[0].panes[0]: it is ' +
      "tmuxp's key, rune's is \"command\"",
      'Did you mean "command"? Rename the key',
    ],
    [
      "error",
      "foreign-key",
      "11:16",
      'Cannot use the key "commands" in rituals.templates.web.windows[0].panes[1]: it is ' +
      "smug's key, rune's is \"command\"",
      'Did you mean "command"? Rename the key',
    ],
    [
      "error",
      "foreign-key",
      "11:34",
      'Cannot use the key "root" in rituals.templates.web.windows[0].panes[1]: it is smug\'s ' +
      'key, rune\'s is "dir"',
      'Did you mean "dir"? Rename the key',
    ],
  ]);
});

Deno.test("a tmuxinator one-key window is shown in rune's form, once", () => {
  const text = `rituals:
  templates:
    web:
      session_name: web
      windows:
        - server: rails s
        - name: ok
          panes: [vim]
`;
  deepStrictEqual(check(text), [
    [
      "error",
      "tmuxinator-window",
      "6:11",
      'Cannot read windows[0] of template "web": "server: …" is tmuxinator\'s form of a window ' +
      "(its name as the only key)",
      'Write it in rune\'s form: - {name: "server", panes: ["rails s"]}',
    ],
  ]);
});

Deno.test("oneKeyWindow() keeps tmuxinator's meaning of each value", async (t) => {
  const cases: [string, unknown, string | undefined][] = [
    ["a command is one pane", { server: "rails s" }, '{name: "server", panes: ["rails s"]}'],
    [
      "a list is ONE pane typing each line",
      { shell: ["git pull", "git merge"] },
      '{name: "shell", panes: [{command: ["git pull", "git merge"]}]}',
    ],
    ["nothing is a plain shell", { logs: null }, '{name: "logs", panes: [null]}'],
    [
      "a map holds the window's options; root is dir",
      { editor: { layout: "main-vertical", root: "src", panes: ["vim", "guard"] } },
      '{name: "editor", layout: "main-vertical", dir: "src", panes: ["vim", "guard"]}',
    ],
    ["rune's own one-key window is not tmuxinator's", { panes: ["vim"] }, undefined],
    ["another tool's key is reported as that", { window_name: "x" }, undefined],
    ["two keys are not tmuxinator's form", { a: "x", b: "y" }, undefined],
  ];
  for (const [name, window, want] of cases) {
    await t.step(name, () => deepStrictEqual(oneKeyWindow(window)?.runeForm, want));
  }
});
