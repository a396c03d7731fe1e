/**
 * Configured names that could reach a path or a terminal as they are: identifiers (projects,
 * per_project keys, templates) are errors, labels (command, session, window names) warn where
 * rune writes them into a file name; control characters are errors everywhere.
 */
import { deepStrictEqual } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";

const UP = "../../../../../../../../../../tmp";

function rows(text: string): string[][] {
  return validateConfigText(text, "c.yaml", { checkTemplates: () => [] }).issues
    .filter((i) => i.code === "bad-name" || i.code === "path-like-name")
    .map((i) => [i.severity, `${i.where?.line}:${i.where?.column}`, i.problem]);
}

Deno.test("names holding ../ are located errors (identifiers) or warnings (labels)", () => {
  const text = `projects:
  - name: "${UP}/p"
rituals:
  start:
    global:
      - name: "${UP}/bg"
        command: "true"
        background: true
      - name: "Check CI/CD pipeline"
        command: "true"
      - name: win
        command: "true"
        interactive: true
        tmux_session: "${UP}/s"
    per_project:
      "${UP}/k": [{ name: x, command: "true" }]
  templates:
    "${UP}/t":
      session_name: "${UP}/s"
      windows: [{ name: "${UP}/w", panes: [null] }]
`;
  const identifier = 'holds "/", and it names a directory and files';
  const renamed = (what: string, name: string) =>
    `Cannot use "${UP}/${name}" as it is in a file name (${what}): a path component cannot ` +
    `hold "/" or be "..", so rune writes "tmp-${name}"`;
  deepStrictEqual(rows(text), [
    ["error", "2:11", `Cannot use "${UP}/p" as the name of projects[0]: it ${identifier}`],
    ["warning", "6:15", renamed("the name of rituals.start.global[0]", "bg")],
    ["warning", "14:23", renamed("the tmux_session of rituals.start.global[2]", "s")],
    [
      "error",
      "16:7",
      `Cannot use "${UP}/k" as a per_project key of the start ritual: it ${identifier}`,
    ],
    ["error", "18:5", `Cannot use "${UP}/t" as a template name: it ${identifier}`],
    [
      "warning",
      "19:21",
      renamed(`the session_name of template "${UP}/t"`, "s"),
    ],
    // The window's name (20:25) never becomes a file name: no warning for its "/".
  ]);
});

Deno.test("control characters and NUL are errors in every name; dots alone too", () => {
  const text = `projects:
  - name: "a\\u0000b"
  - name: ".."
rituals:
  start:
    global:
      - name: "red\\e[31m"
        command: "true"
  templates:
    "t\\tab":
      session_name: "s\\r{{.Project}}"
      windows: [{ name: "{{.Project}}\\u202e", panes: [null] }]
`;
  deepStrictEqual(rows(text).map((r) => [r[0], r[1], r[2].replace(/^Cannot use .* as /, "")]), [
    ["error", "2:11", "the name of projects[0]: it holds a control character"],
    ["error", "3:11", 'the name of projects[1]: it is "..", which names a directory above'],
    ["error", "7:15", "the name of rituals.start.global[0]: it holds a control character"],
    ["error", "10:5", "a template name: it holds a control character"],
    ["error", "11:21", 'the session_name of template "t\\tab": it holds a control character'],
    [
      "error",
      "12:25",
      'the name of windows[0] of template "t\\tab": it holds a control character',
    ],
  ]);
});

Deno.test("placeholders and ordinary names raise nothing", () => {
  const text = `projects:
  - name: web-app
rituals:
  start:
    global:
      - { name: "Build / test", command: "true" }
      - { name: "dev {{.Project}}", command: "true", background: true }
  templates:
    t:
      session_name: "dev-{{.Project}}"
      windows: [{ name: "{{ .ProjectDir }}", panes: [null] }]
`;
  deepStrictEqual(rows(text), []);
});
