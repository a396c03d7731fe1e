/** Reading the zod schema as data: what each place expects, and what a value is. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  describeExpected,
  describeValue,
  objectShape,
  schemaAt,
} from "../../src/config/schema_walk.ts";
import { CommandSchema, ConfigSchema } from "../../src/config/schema.ts";

Deno.test("describeExpected() at places of the config", async (t) => {
  const data = {
    rituals: {
      start: { global: [{ name: "a" }], per_project: { web: [] } },
      templates: { t: { windows: [{ panes: [{ command: "x" }] }] } },
    },
  };
  const cases: [(string | number)[], string][] = [
    [["version"], "1"],
    [["rituals", "start", "global"], "a list of commands"],
    [["rituals", "start", "global", 0, "optional"], "true or false"],
    [["rituals", "start", "global", 0, "name"], "a string"],
    [
      ["rituals", "start", "global", 0, "timeout"],
      'a duration such as "30s", "2m" or "1h30m", or a number of seconds',
    ],
    [["rituals", "start", "per_project"], "a map of lists of commands by name"],
    [["rituals", "templates"], "a map of templates by name"],
    [
      ["rituals", "templates", "t", "windows", 0, "panes", 0],
      "a pane: a command, ~ for an empty shell, or a map with command",
    ],
    [
      ["rituals", "templates", "t", "windows", 0, "panes", 0, "command"],
      "a string or a list of strings",
    ],
    [["projects", 0], "a project (a map with name, detect, dir)"],
    [["settings", "work_hours"], "a number"],
  ];
  for (const [path, want] of cases) {
    await t.step(path.join("."), () => {
      const schema = schemaAt(ConfigSchema, data, path);
      strictEqual(schema && describeExpected(schema), want);
    });
  }
});

Deno.test("describeValue() names what the file holds", () => {
  deepStrictEqual(
    ["yes", 3, false, null, [], [1], {}, "x".repeat(50)].map(describeValue),
    [
      'the string "yes"',
      "the number 3",
      "false",
      "nothing",
      "an empty list",
      "a list",
      "a map",
      `the string "${"x".repeat(37)}..."`,
    ],
  );
});

Deno.test("known keys are the schema's own: a key added to the schema is known", () => {
  deepStrictEqual(Object.keys(objectShape(CommandSchema) ?? {}), Object.keys(CommandSchema.shape));
  strictEqual(objectShape(ConfigSchema.shape.integrations), undefined, "integrations is open");
});
