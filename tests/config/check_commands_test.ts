/** commandIssues(): keys that have no effect next to tmux_template warn, located. */
import { deepStrictEqual } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";

function noEffect(text: string, strict = false): string[] {
  return validateConfigText(text, "c.yaml", { checkTemplates: () => [], strict }).issues
    .filter((i) => i.code === "no-effect")
    .map((i) => `${i.severity} ${i.where?.line}:${i.where?.column}`);
}

const config = (pane: string) =>
  `rituals:
  start:
    global:
      - name: open
        command: make dev
        interactive: true
        tmux_session: dev
        tmux_template: t
  templates:
    t:
      session_name: dev
      windows: [{ panes: [${pane}] }]
`;

Deno.test("command and tmux_session next to tmux_template warn where they stand", () => {
  deepStrictEqual(noEffect(config("vim")), ["warning 5:9", "warning 7:9"]);
  deepStrictEqual(noEffect(config("vim"), true), ["error 5:9", "error 7:9"]);
});

Deno.test("a command the template runs through {{.Command}} has an effect", () => {
  deepStrictEqual(noEffect(config('"eval {{ .Command }}"')), ["warning 7:9"]);
  deepStrictEqual(noEffect(config('"eval {{Command}}"')), ["warning 7:9"]);
});

Deno.test("without tmux_template, command and tmux_session are what runs", () => {
  const text = config("vim").replace("        tmux_template: t\n", "");
  deepStrictEqual(noEffect(text), []);
});
