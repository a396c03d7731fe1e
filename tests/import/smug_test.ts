/** importSmug() on small fixtures (smug keeps no example corpus here): smug.go's rules, one a row. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { importSmug } from "../../src/import/mod.ts";
import type { ImportResult } from "../../src/import/mod.ts";
import type { Issue } from "../../src/base/mod.ts";

const facts = { home: "/home/me", cwd: "/home/me/code/blog", fileDir: "/home/me/.config/smug" };
const run = (text: string) => importSmug(text, "/home/me/.config/smug/blog.yml", facts);
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

/** smug's README example 1, lightly trimmed. */
const BLOG = yaml(
  "session: blog",
  "root: ~/Developer/blog",
  "env:",
  "  FOO: BAR",
  "before_start:",
  "  - docker-compose -f my-microservices/docker-compose.yml up -d",
  "stop:",
  "  - docker stop $(docker ps -q)",
  "windows:",
  "  - name: code",
  "    root: blog",
  "    layout: main-vertical",
  "    commands:",
  "      - docker-compose start",
  "    panes:",
  "      - type: horizontal",
  "        root: .",
  "        commands:",
  "          - docker-compose exec php /bin/sh",
  "          - clear",
  "  - name: infrastructure",
  "    root: ~/Developer/blog/my-microservices",
  "    layout: tiled",
  "    panes:",
  "      - type: horizontal",
  "        root: .",
  "        commands:",
  "          - docker-compose up -d",
);

Deno.test("importSmug() turns smug's README example into a template and its rituals", () => {
  const r = value(BLOG);
  strictEqual(r.name, "blog");
  deepStrictEqual(r.template, {
    session_name: "blog",
    dir: "~/Developer/blog",
    before: ["docker-compose -f my-microservices/docker-compose.yml up -d"],
    env: { FOO: "BAR" },
    windows: [
      {
        name: "code",
        dir: "~/Developer/blog/blog",
        // The window's commands run in its first pane; each of panes: is split off after it.
        panes: ["docker-compose start", { command: ["docker-compose exec php /bin/sh", "clear"] }],
        layout: "main-vertical",
      },
      {
        name: "infrastructure",
        dir: "~/Developer/blog/my-microservices",
        panes: [null, "docker-compose up -d"],
        layout: "tiled",
      },
    ],
  });
  deepStrictEqual(r.start, [{ name: "tmux session", interactive: true, tmux_template: "blog" }]);
  deepStrictEqual(r.stop, [{
    name: "stop",
    command: "docker stop $(docker ps -q)",
    working_dir: "~/Developer/blog",
  }]);
  deepStrictEqual(placed(r.warnings), [["ignored-key", 16, 9], ["ignored-key", 25, 9]]); // type: horizontal
});

Deno.test("importSmug() follows smug.go, row by row", async (t) => {
  const cases: { name: string; text: string; windows: unknown; warnings?: unknown[] }[] = [
    {
      name: "a window with panes and no layout is even-horizontal (smug's default)",
      text: yaml("session: s", "windows:", "  - name: w", "    panes: [{commands: [a]}]"),
      windows: [{ name: "w", panes: [null, "a"], layout: "even-horizontal" }],
    },
    {
      name: "a pane root joins its window's root; an absolute or ~/ one stands alone",
      text: yaml(
        "session: s",
        "root: /srv",
        "windows:",
        "  - name: w",
        "    root: app",
        "    panes: [{root: web}, {root: /tmp}, {root: ~/x}]",
      ),
      windows: [{
        name: "w",
        dir: "/srv/app",
        panes: [null, { dir: "/srv/app/web" }, { dir: "/tmp" }, { dir: "~/x" }],
        layout: "even-horizontal",
      }],
    },
    {
      name: "selected is focus; a manual window is left out and reported",
      text: yaml(
        "session: s",
        "windows:",
        "  - {name: a, commands: [x]}",
        "  - {name: b, manual: true}",
        "  - {name: c, selected: true}",
      ),
      windows: [{ name: "a", panes: ["x"] }, { name: "c", focus: true, panes: [null] }],
      warnings: [["no-equivalent", 4, 15]],
    },
    {
      name: "a window's before_start is never run by smug: reported",
      text: yaml("session: s", "windows:", "  - {name: a, before_start: [x]}"),
      windows: [{ name: "a", panes: [null] }],
      warnings: [["ignored-key", 3, 15]],
    },
    {
      name: "$VAR in a command is left to the shell, said once; in a root it becomes a variable",
      text: yaml(
        "session: s",
        "windows:",
        "  - name: a",
        "    root: $CODE/a",
        "    commands: [$EDITOR ., echo $USER]",
      ),
      windows: [{
        name: "a",
        dir: "{{.Env.CODE}}/a",
        panes: [{ command: ["$EDITOR .", "echo $USER"] }],
      }],
      warnings: [["shell-variable", 4, 11], ["shell-variable", 5, 16]],
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

Deno.test("importSmug() reports each session option it cannot keep", () => {
  const r = value(yaml(
    "session: s",
    "attach: false",
    "sendkeys_timeout: 200",
    "attach_hook: echo a",
    "detach_hook: echo d",
    "tmux_options: {socket_name: work}",
    "stop: [a, b]",
    "windows: [{name: w}]",
  ));
  deepStrictEqual(placed(r.warnings), [
    ["no-equivalent", 3, 1],
    ["no-equivalent", 4, 1],
    ["no-equivalent", 5, 1],
    ["no-equivalent", 6, 1],
    ["no-equivalent", 2, 1],
  ]);
  deepStrictEqual(r.stop.map((s) => s.name), ["stop 1", "stop 2"]);
});

Deno.test("importSmug() refuses a file with nothing to start, with the place", async (t) => {
  const cases: { name: string; text: string; want: unknown[] }[] = [
    { name: "no session", text: yaml("windows: [{name: w}]"), want: [["import-no-name", 1, 1]] },
    {
      name: "only manual windows",
      text: yaml("session: s", "windows: [{name: w, manual: true}]"),
      want: [["no-equivalent", 2, 21], ["import-no-windows", 2, 10]],
    },
    {
      name: "a window that is a string",
      text: yaml("session: s", "windows: [w]"),
      want: [["import-shape", 2, 11]],
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

Deno.test("importSmug() names smug, not another tool, when it reports an unknown key", () => {
  const [w] = value(yaml("session: s", "colour: red", "windows: [{name: w}]")).warnings;
  deepStrictEqual([w.code, w.where?.line], ["unknown-key", 2]);
  ok(w.problem.includes("smug does not read it"), w.problem);
});
