/**
 * Declared readiness, checked before anything runs: unknown names and cycles are located
 * config errors, each `ready` holds exactly one condition that can hold, and a valid chain
 * gives the order panes start in. Line 1 is the first line after the backtick.
 */
import { deepStrictEqual } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";
import { templateGraph } from "../../src/readiness/mod.ts";
import type { TemplateSpec } from "../../src/config/schema.ts";

const FILE = "/c.yaml";

function check(text: string): [string, string, string][] {
  return validateConfigText(text, FILE, { checkTemplates: () => [] }).issues.map((i) => [
    i.code,
    i.where ? `${i.where.line}:${i.where.column}` : "-",
    i.problem,
  ]);
}

const template = (windows: string) =>
  `rituals:
  templates:
    dev:
      session_name: dev
      windows:
${windows}`;

Deno.test("a chain db → app → tests is valid, and starts in three waves", () => {
  const text = template(`        - name: db
          panes: [{command: ./db, ready: {output: "ready to accept connections"}}]
        - name: app
          depends_on: db
          panes: [{name: server, command: ./app, ready: {port: 8080, timeout: 90s}}]
        - name: tests
          panes: [{command: make test, depends_on: [app.server]}, "htop"]
`);
  deepStrictEqual(check(text), []);
  const config = validateConfigText(text, FILE, { checkTemplates: () => [] }).config!;
  const spec = config.rituals!.templates!.dev as TemplateSpec;
  const graph = templateGraph(spec, "dev", ["rituals", "templates", "dev"]);
  deepStrictEqual(graph.order, [["w1p1", "w3p2"], ["w2p1"], ["w3p1"]]);
  deepStrictEqual(graph.panes.map((p) => [p.label, p.after]), [
    ["db.1", []],
    ["app.server", [{ kind: "window", window: 1 }]],
    ["tests.1", [{ kind: "pane", key: "w2p1" }]],
    ["tests.2", []],
  ]);
});

Deno.test("a name that resolves to nothing is a located error naming the windows", () => {
  const text = template(`        - name: db
          panes: [./db]
        - name: app
          panes: [{command: ./app, depends_on: [db, dbb, db.2, app.nope]}]
`);
  deepStrictEqual(check(text), [
    [
      "unknown-dependency",
      "9:53",
      'Cannot wait for "dbb" in template "dev": no window or pane has that name',
    ],
    [
      "unknown-dependency",
      "9:58",
      'Cannot wait for "db.2" in template "dev": no window or pane has that name',
    ],
    [
      "unknown-dependency",
      "9:64",
      'Cannot wait for "app.nope" in template "dev": no window or pane has that name',
    ],
  ]);
});

Deno.test("a cycle is rejected, located at a depends_on in it; so is waiting for one's own window", () => {
  const cycle = template(`        - name: a
          depends_on: [b]
          panes: [x]
        - name: b
          panes: [{command: y, depends_on: a.1}]
`);
  deepStrictEqual(check(cycle), [[
    "dependency-cycle",
    "7:11",
    'Cannot order the panes of template "dev": they wait for each other in a circle: ' +
    "a.1 → b.1 → a.1",
  ]]);
  const own = template(`        - name: a
          panes: [{command: x, depends_on: a}]
`);
  deepStrictEqual(check(own).map((r) => [r[0], r[1]]), [["dependency-cycle", "7:32"]]);
});

Deno.test("ready: exactly one condition, a regex that compiles, a port, exit only on exec panes", () => {
  const text = template(`        - name: w
          ready: {exit: 0}
          panes:
            - {command: a, ready: {port: 1, file: /x}}
            - {command: b, ready: {output: "(unclosed"}}
            - {command: c, ready: {port: 70000}}
            - {command: d, ready: {exit: 0}}
            - {command: e, exec: true, ready: {exit: 3, timeout: 5s}}
            - {command: f, ready: {timeout: 1m}}
`);
  deepStrictEqual(check(text).map((r) => [r[1], r[2]]), [
    [
      "7:25",
      "Cannot tell when w is ready: exit needs a pane that runs its command as its own process",
    ],
    [
      "9:28",
      "Cannot tell when w.1 is ready: ready needs exactly one of output, port, file, exit; it has port, file",
    ],
    [
      "10:44",
      "Cannot tell when w.2 is ready: output is not a regular expression: Invalid regular expression: /(unclosed/: Unterminated group",
    ],
    ["11:42", "Cannot tell when w.3 is ready: port 70000 is not a TCP port"],
    [
      "12:42",
      "Cannot tell when w.4 is ready: exit needs a pane that runs its command as its own process",
    ],
    [
      "14:28",
      "Cannot tell when w.6 is ready: ready needs exactly one of output, port, file, exit; it has none",
    ],
  ]);
});

Deno.test("a step with wait_for and no command is valid: it only waits", () => {
  deepStrictEqual(
    check(`rituals:
  start:
    global:
      - {name: ws, interactive: true, tmux_template: dev}
      - {name: wait for the app, wait_for: [app]}
  templates:
    dev: {session_name: dev, windows: [{name: app, panes: [x]}]}
`),
    [],
  );
});
