/**
 * Keys the schema does not know. One that looks like a misspelling of a key known at the same
 * level (`interactve`) is an error with a did-you-mean, since the user meant a key rune would
 * act on; any other is a warning, because Rune's docs use many keys Go Rune never read
 * (`settings.timezone`, `projects[].client`, a command's `when`). Keys starting with `x-` are
 * the user's own (anchors for merges) and pass silently. A tmuxinator, tmuxp or smug key in a
 * template (`window_name`, `shell_command`) is an error naming rune's key (foreign_keys.ts), and
 * a tmuxinator-style window's one key is left to check_templates.ts, which shows rune's form.
 * Pure.
 */
import { errorIssue, suggest, warningIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { describePath } from "./positions.ts";
import type { Locator } from "./positions.ts";
import { kindOf, objectShape, unwrap, walkSchema } from "./schema_walk.ts";
import type { Schema } from "./schema_walk.ts";
import { PaneObjectSchema, TemplateSchema, WindowSchema } from "./schema.ts";
import { findForeignKey, oneKeyWindow, toolsPossessive } from "./foreign_keys.ts";
import type { TemplateLevel } from "./foreign_keys.ts";

/** Keys that are the user's own: `x-defaults: &defaults …` (as in Compose files). */
const OWN_KEY = /^x-/;

export function unknownKeyIssues(root: Schema, data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  walkSchema(root, data, (schema, value, path) => {
    const shape = objectShape(schema);
    if (!shape || kindOf(value) !== "map") return;
    const known = Object.keys(shape);
    const place = path.length ? `in ${describePath(path)}` : "at the top level";
    const level = templateLevel(schema);
    if (level === "window" && oneKeyWindow(value)) return;
    for (const key of Object.keys(value as Record<string, unknown>)) {
      if (Object.hasOwn(shape, key) || OWN_KEY.test(key)) continue;
      const foreign = level && findForeignKey(level, key);
      const meant = suggest(key, known);
      if (foreign) {
        issues.push(errorIssue(
          "foreign-key",
          `Cannot use the key "${key}" ${place}: it is ${toolsPossessive(foreign.tools)} key, ` +
            `rune's is "${foreign.rune}"`,
          {
            where: where.key([...path, key]),
            hint: `Did you mean "${foreign.rune}"? Rename the key`,
          },
        ));
      } else if (meant !== undefined) {
        issues.push(errorIssue(
          "misspelt-key",
          `Cannot use the key "${key}" ${place}: rune knows no such key`,
          { where: where.key([...path, key]), hint: `Did you mean "${meant}"? Rename the key` },
        ));
      } else {
        issues.push(warningIssue(
          "unknown-key",
          `Ignoring the key "${key}" ${place}: rune does not use it`,
          {
            where: where.key([...path, key]),
            hint: `Remove it if no other tool reads it (keys here: ${known.join(", ")})`,
          },
        ));
      }
    }
  });
  return issues;
}

function templateLevel(schema: Schema): TemplateLevel | undefined {
  const s = unwrap(schema);
  if (s === TemplateSchema) return "template";
  if (s === WindowSchema) return "window";
  if (s === PaneObjectSchema) return "pane";
  return undefined;
}
