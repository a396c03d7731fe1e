/**
 * The template keys issue 15 adds (env, options, window_options, title, shell, synchronize,
 * on_first_start, on_reuse, attach): accepted with no issue when right, located issues when not.
 */
import { deepStrictEqual, ok } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";
import { checkTemplateFields } from "../../src/config/check_variables.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

function issues(template: string, settings = ""): string[] {
  const text = `${settings}rituals:
  templates:
    web:
      session_name: web
${template.replace(/^/gm, "      ")}
`;
  return validateConfigText(text, "c.yaml", { checkTemplates: checkTemplateFields }).issues
    .map((i) => `${i.severity} ${i.code} ${i.where?.line}:${i.where?.column}`);
}

Deno.test("every new key, written right, validates without an issue", () => {
  deepStrictEqual(
    issues(`env: { EDITOR: vim, PORT: 8000, DEBUG: true }
options: { status: off, mouse: true, main-pane-height: 30, "@mine": x }
window_options: { pane-border-format: "#{pane_index}: #{pane_title}" }
on_first_start: [echo created]
on_reuse: ["echo {{.Var.branch}} {{.Env.HOME}}"]
attach: false
windows:
  - name: code
    env: { A: "1" }
    window_options: { remain-on-exit: on }
    synchronize: after
    panes:
      - { command: vim, title: editor, env: { B: "2" } }
      - { command: "print(1)", shell: /usr/bin/python3 }
  - { name: logs, synchronize: before, panes: [tail -f log] }`),
    [],
  );
});

Deno.test("an env name no shell can read is an error at the name", () => {
  deepStrictEqual(
    issues(`env: { "MY VAR": x, "1X": y, OK_1: z }
windows: [{ panes: [{ command: x, env: { "A=B": c } }] }]`),
    [
      "error bad-env-name 5:14",
      "error bad-env-name 5:27",
      "error bad-env-name 6:48",
    ],
  );
});

Deno.test("tmux option names: a malformed one is an error, one tmux sets elsewhere warns", () => {
  deepStrictEqual(
    issues(`options: { "status left": x, escape-time: 0, status: on, -g: x }
window_options: { status-left: x, main-pane-width: 80 }
windows: [{ window_options: { base-index: 1 }, panes: [x] }]`),
    [
      "error bad-option-name 5:18",
      "warning option-scope 5:36",
      "error bad-option-name 5:64",
      "warning option-scope 6:25",
      "warning option-scope 7:37",
    ],
  );
});

Deno.test("a pane with exec and shell, an empty shell, a title with control characters", () => {
  deepStrictEqual(
    issues(`windows:
  - panes:
      - { command: x, exec: true, shell: /bin/cat }
      - { shell: " " }
      - { title: "a\\u001b[31mb" }`),
    [
      "error exec-and-shell 7:41",
      "error empty-shell 8:24",
      "error bad-name 9:24",
    ],
  );
});

Deno.test("synchronize takes before or after", () => {
  const found = validateConfigText(
    `rituals: { templates: { web: { session_name: w, windows: [{ synchronize: on, panes: [x] }] } } }`,
    "c.yaml",
  ).issues;
  deepStrictEqual(found.map((i) => i.code), ["wrong-type"]);
  ok(
    found[0].problem.includes('expected "before" or "after", got the string "on"'),
    found[0].problem,
  );
});

Deno.test("{{.Env.X}} of a withheld name is an error when the config is checked, before any start", () => {
  deepStrictEqual(
    issues(`windows: [{ panes: ["gh auth {{.Env.GITHUB_TOKEN}} {{.Env.MY_TOKEN}}"] }]`),
    ["error withheld-variable 5:36", "error withheld-variable 5:58"],
  );
  // settings.env.allow passes MY_TOKEN to children, so a template may use it too.
  deepStrictEqual(
    issues(
      `windows: [{ panes: ["gh auth {{.Env.MY_TOKEN}}"] }]`,
      "settings: { env: { allow: [MY_TOKEN] } }\n",
    ),
    [],
  );
});

Deno.test("the new fields' variables are checked like every field's", () => {
  deepStrictEqual(
    issues(`env: { A: "{{.project}}" }
options: { status-left: "{{nope}}" }
on_reuse: ["echo ${"{{.Project}}"}x"]
windows: [{ panes: [{ title: "{{.Nope}}", shell: "{{.Bad}}" }] }]`),
    [
      "error unknown-variable 5:18",
      "error unknown-variable 6:32",
      "error unknown-variable 8:37",
      "error unknown-variable 8:57",
    ],
  );
});

Deno.test("tmuxp's environment and window options keys get rune's key as a did-you-mean", () => {
  const found = validateConfigText(
    `rituals:
  templates:
    web:
      session_name: web
      environment: { A: b }
      windows: [{ options: { a: b }, panes: [{ command: x, environment: { B: c } }] }]
`,
    "c.yaml",
  ).issues;
  deepStrictEqual(found.map((i) => [i.where?.line, i.where?.column, i.hint]), [
    [5, 7, 'Did you mean "env"? Rename the key'],
    [6, 19, 'Did you mean "window_options"? Rename the key'],
    [6, 60, 'Did you mean "env"? Rename the key'],
  ]);
});
