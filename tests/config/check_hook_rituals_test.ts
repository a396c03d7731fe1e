/** hookRitualIssues(): rituals.enter and rituals.leave run plain commands with a timeout. */
import { deepStrictEqual, ok } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";

function issues(text: string): string[] {
  return validateConfigText(text, "c.yaml", { checkTemplates: () => [] }).issues
    .map((i) => `${i.severity} ${i.code} ${i.where?.line}:${i.where?.column}`);
}

Deno.test("enter and leave load like start and stop, with settings.hooks", () => {
  const checked = validateConfigText(
    `settings:
  hooks: { enter_leave: true, timeout: 3s }
rituals:
  enter:
    global: [{ name: hello, command: echo hi }]
    per_project:
      web: [{ name: env, command: "echo {{.Project}}", timeout: 1s }]
  leave:
    per_project:
      web: [{ name: bye, command: echo bye }]
`,
    "c.yaml",
    { checkTemplates: () => [] },
  );
  deepStrictEqual(checked.issues, []);
  ok(checked.config?.settings?.hooks?.enter_leave);
  deepStrictEqual(checked.config?.rituals?.enter?.per_project?.web?.[0].timeout, "1s");
});

Deno.test("interactive, background and tmux keys in enter/leave are located errors", () => {
  deepStrictEqual(
    issues(`rituals:
  enter:
    global:
      - name: shell
        command: bash
        interactive: true
  leave:
    global:
      - { name: watch, command: make watch, background: true, tmux_session: w }
`),
    [
      "error hook-ritual-key 6:9",
      "error hook-ritual-key 9:45",
      "warning not-interactive 9:63",
      "error hook-ritual-key 9:63",
    ],
  );
});

Deno.test("a command of the shell hook cannot go without a timeout", () => {
  deepStrictEqual(
    issues(`rituals:
  enter:
    global: [{ name: slow, command: sleep 9, timeout: 0 }]
`),
    ["error hook-ritual-timeout 3:55"],
  );
});

Deno.test("templates belong to start and stop: rituals.enter.templates is unknown", () => {
  const found = issues(`rituals:
  enter:
    templates: {}
`);
  deepStrictEqual(found.map((f) => f.split(" ")[1]), ["unknown-key"]);
});
