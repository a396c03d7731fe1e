/** importTmuxp() on small fixtures: each row pins one rule of loader.py or the builder. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { importTmuxp } from "../../src/import/mod.ts";
import type { ImportResult } from "../../src/import/mod.ts";
import type { Issue } from "../../src/base/mod.ts";

const facts = { home: "/home/me", cwd: "/home/me/proj", fileDir: "/home/me/proj/.tmuxp" };
const run = (text: string) => importTmuxp(text, "w.yaml", facts);
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
const session = (...windowLines: string[]) => yaml("session_name: s", "windows:", ...windowLines);

Deno.test("importTmuxp() maps windows and panes as tmuxp expands them", async (t) => {
  const cases: { name: string; text: string; windows: unknown; warnings?: unknown[] }[] = [
    {
      name: "a window without panes is one plain shell",
      text: session("  - window_name: a"),
      windows: [{ name: "a", panes: [null] }],
    },
    {
      name: "shell_command lines are typed one per line, never joined",
      text: session("  - window_name: a", "    panes:", "      - shell_command: [cd x, make]"),
      windows: [{ name: "a", panes: [{ command: ["cd x", "make"] }] }],
    },
    {
      name: "a pane's own shell_command_before comes first in that pane",
      text: session(
        "  - window_name: a",
        "    panes:",
        "      - {shell_command_before: [source env], shell_command: [run]}",
      ),
      windows: [{ name: "a", panes: [{ command: ["source env", "run"] }] }],
    },
    {
      name: '"pane" alone is blank, but typed as a command among other lines (reported)',
      text: session("  - window_name: a", "    panes:", "      - pane", "      - [ls, pane]"),
      windows: [{ name: "a", panes: [null, { command: ["ls", "pane"] }] }],
      warnings: [["blank-word", 6, 14]],
    },
    {
      name: "a {cmd:} item is a line; enter: false and sleep_* are reported",
      text: session(
        "  - window_name: a",
        "    panes:",
        "      - shell_command:",
        "          - {cmd: vim, enter: false}",
        "          - {cmd: ls, sleep_before: 1}",
      ),
      windows: [{ name: "a", panes: [{ command: ["vim", "ls"] }] }],
      warnings: [["no-equivalent", 6, 24], ["no-equivalent", 7, 23]],
    },
    {
      name: "options_after synchronize-panes is synchronize: after",
      text: session(
        "  - window_name: a",
        "    options_after: {synchronize-panes: on}",
        "    panes: [x, y]",
      ),
      windows: [{ name: "a", synchronize: "after", panes: ["x", "y"] }],
    },
    {
      name: "a relative window start_directory joins the session's",
      text: yaml(
        "session_name: s",
        "start_directory: /srv",
        "windows:",
        "  - {window_name: a, start_directory: app}",
      ),
      windows: [{ name: "a", dir: "/srv/app", panes: [null] }],
    },
    {
      name: "window_index and suppress_history: true are reported",
      text: session("  - {window_name: a, window_index: 3, suppress_history: true}"),
      windows: [{ name: "a", panes: [null] }],
      warnings: [["no-equivalent", 3, 39], ["no-equivalent", 3, 22]],
    },
    {
      name: "the last focused window and pane win, as in the builder",
      text: session(
        "  - {window_name: a, focus: true}",
        "  - window_name: b",
        "    focus: true",
        "    panes: [{shell_command: x, focus: true}, {shell_command: y, focus: true}]",
      ),
      windows: [{ name: "a", panes: [null] }, {
        name: "b",
        focus: true,
        panes: ["x", { command: "y", focus: true }],
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

Deno.test("importTmuxp() maps the session's keys", async (t) => {
  await t.step("shell_command_before at the session is pre_window, at a window pre", () => {
    const r = value(yaml(
      "session_name: s",
      "shell_command_before: [a, b]",
      "windows:",
      "  - {window_name: w, shell_command_before: c}",
    ));
    deepStrictEqual(r.template.pre_window, ["a", "b"]);
    strictEqual(r.template.windows[0].pre, "c");
  });
  await t.step("a ./ start_directory of the session is the file's directory", () => {
    strictEqual(
      value(yaml("session_name: s", "start_directory: ./", "windows: [{window_name: w}]")).template
        .dir,
      facts.fileDir,
    );
  });
  await t.step(
    "before_script ./x.sh runs from the file's directory, once, before the session",
    () => {
      const r = value(
        yaml("session_name: s", "before_script: ./boot.sh --fast", "windows: [{window_name: w}]"),
      );
      deepStrictEqual(r.template.before, ["/home/me/proj/.tmuxp/boot.sh --fast"]);
    },
  );
  await t.step("$HOME in a dir is {{.Home}}, said at the value", () => {
    const r = value(
      yaml("session_name: s", "start_directory: $HOME/code", "windows: [{window_name: w}]"),
    );
    strictEqual(r.template.dir, "{{.Home}}/code");
    deepStrictEqual(placed(r.warnings), [["shell-variable", 2, 18]]);
  });
  await t.step(
    "a pane environment replaces its window's: a window variable it lacks goes back",
    () => {
      const r = value(yaml(
        "session_name: s",
        "environment: {A: s}",
        "windows:",
        "  - window_name: w",
        "    environment: {A: w, B: w}",
        "    panes: [{shell_command: x, environment: {C: p}}]",
      ));
      deepStrictEqual(r.template.windows[0].panes[0], { command: "x", env: { C: "p", A: "s" } });
      deepStrictEqual(placed(r.warnings), [["env-unset", 6, 45]]); // B: tmuxp's pane has none
    },
  );
  await t.step("plugins and unknown keys are reported at their keys", () => {
    const r = value(
      yaml("session_name: s", "plugins: [x]", "colour: red", "windows: [{window_name: w}]"),
    );
    deepStrictEqual(placed(r.warnings), [["unknown-key", 3, 1], ["no-equivalent", 2, 1]]);
  });
  await t.step("a session_name with a $VAR names the template after the file", () => {
    const r = value(yaml("session_name: ${PROJECT}", "windows: [{window_name: w}]"));
    strictEqual(r.template.session_name, "{{.Env.PROJECT}}");
    strictEqual(r.name, "w");
  });
});

Deno.test("importTmuxp() refuses what tmuxp refuses", async (t) => {
  const cases: { name: string; text: string; want: unknown[] }[] = [
    {
      name: "no session_name",
      text: yaml("windows: [{window_name: w}]"),
      want: [["import-no-name", 1, 1]],
    },
    { name: "no windows", text: yaml("session_name: s"), want: [["import-no-windows", 1, 1]] },
    { name: "a window that is not a map", text: session("  - w"), want: [["import-shape", 3, 5]] },
    {
      name: "broken JSON",
      text: '{"session_name": "s",\n "windows": [}',
      want: [["yaml-syntax", 2, 14]],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const r = run(c.text);
      ok(!r.ok);
      deepStrictEqual(placed(r.error), c.want);
    });
  }
});
