/** lengthIssues(): commands the system would refuse to start are located config errors. */
import { deepStrictEqual } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";
import { CONFIG_LIMITS } from "../../src/config/limits.ts";

const MAX = CONFIG_LIMITS.maxArgBytes;

function tooLong(text: string): string[] {
  return validateConfigText(text, "c.yaml", { checkTemplates: () => [], maxBytes: 10_000_000 })
    .issues.filter((i) => i.code === "too-long")
    .map((i) => `${i.where?.line}:${i.where?.column} ${i.problem}`);
}

Deno.test("a command one argument cannot hold is an error where it is written", () => {
  const fits = "x".repeat(MAX - 1 - "echo ".length);
  deepStrictEqual(tooLong(`rituals: {start: {global: [{name: a, command: echo ${fits}}]}}\n`), []);
  deepStrictEqual(
    tooLong(`rituals:\n  start:\n    global:\n      - name: a\n        command: echo ${fits}x\n`),
    [
      "5:18 Cannot run rituals.start.global[0].command: it is 131,072 bytes, more than one " +
      "argument of a program may hold (131,072 bytes on Linux, its NUL included)",
    ],
  );
});

Deno.test("template lines typed or run as one argument are checked too", () => {
  const long = "y".repeat(MAX);
  const text = `rituals:
  templates:
    t:
      session_name: s
      before: [${long}]
      pre_window: ${long}
      windows:
        - pre: [ok, ${long}]
          panes: [${long}, { command: [${long}] }, null]
`;
  deepStrictEqual(tooLong(text).map((t) => t.split(": it is")[0]), [
    "5:16 Cannot run rituals.templates.t.before[0]",
    "6:19 Cannot run rituals.templates.t.pre_window",
    "8:21 Cannot run rituals.templates.t.windows[0].pre[1]",
    "9:19 Cannot run rituals.templates.t.windows[0].panes[0]",
    `9:${19 + MAX + 14} Cannot run rituals.templates.t.windows[0].panes[1].command[0]`,
  ]);
});

Deno.test("a command and its env together may not pass ARG_MAX", () => {
  const env = Array.from({ length: 17 }, (_, i) => `V${i}: ${"z".repeat(MAX - 10)}`).join(", ");
  deepStrictEqual(
    tooLong(`rituals:\n  start:\n    global:\n      - { name: big, command: x, env: {${env}} }\n`),
    [
      '4:9 Cannot run "big": its command and env are 2,228,137 bytes together, more than a ' +
      "program's arguments and environment may hold (2,097,152 bytes: getconf ARG_MAX)",
    ],
  );
});

Deno.test("a template's hooks and a pane's shell are checked like its other command lines", () => {
  const long = "z".repeat(MAX);
  const text = `rituals:
  templates:
    t:
      session_name: s
      on_first_start: [${long}]
      on_reuse: [ok, ${long}]
      windows: [{ panes: [{ shell: ${long} }] }]
`;
  deepStrictEqual(tooLong(text).map((t) => t.split(": it is")[0]), [
    "5:24 Cannot run rituals.templates.t.on_first_start[0]",
    "6:22 Cannot run rituals.templates.t.on_reuse[1]",
    "7:36 Cannot run rituals.templates.t.windows[0].panes[0].shell",
  ]);
});
