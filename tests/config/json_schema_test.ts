/** The JSON Schema: generated from the zod schema, committed, and open to Rune's extra keys. */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { configJsonSchema, configJsonSchemaText } from "../../src/config/json_schema.ts";
import { REPO_ROOT } from "../helpers/run_rune.ts";

Deno.test("templates/config.schema.json is what the code generates", () => {
  const committed = Deno.readTextFileSync(`${REPO_ROOT}/templates/config.schema.json`);
  strictEqual(
    committed,
    configJsonSchemaText(),
    "regenerate it: deno run -q -P main.ts config schema > templates/config.schema.json",
  );
});

Deno.test("no object in the schema forbids unknown keys", () => {
  const closed: string[] = [];
  const walk = (node: unknown, path: string) => {
    if (Array.isArray(node)) node.forEach((n, i) => walk(n, `${path}[${i}]`));
    else if (node && typeof node === "object") {
      for (const [k, v] of Object.entries(node)) {
        if (k === "additionalProperties" && v === false) closed.push(path);
        walk(v, `${path}.${k}`);
      }
    }
  };
  walk(configJsonSchema(), "$");
  deepStrictEqual(closed, []);
});

Deno.test("the schema names rune's parts and documents its keys", () => {
  const schema = configJsonSchema() as {
    $defs: Record<string, { properties?: Record<string, { description?: string }> }>;
    properties: Record<string, unknown>;
  };
  deepStrictEqual(Object.keys(schema.$defs).sort(), [
    "Command",
    "DependsOn",
    "Duration",
    "HookRitual",
    "Pane",
    "Ready",
    "Ritual",
    "Template",
    "WaitFor",
    "Window",
  ]);
  deepStrictEqual(Object.keys(schema.properties), [
    "version",
    "user_id",
    "settings",
    "projects",
    "rituals",
    "integrations",
    "logging",
  ]);
  ok(schema.$defs.Command.properties?.timeout);
  match(schema.$defs.Command.properties?.command?.description ?? "", /sh -c/);
});

Deno.test("the demo config points editors at the committed schema", () => {
  const demo = Deno.readTextFileSync(`${REPO_ROOT}/templates/demo.yaml`);
  match(demo.split("\n")[0], /^# yaml-language-server: \$schema=\.\/config\.schema\.json$/);
});
