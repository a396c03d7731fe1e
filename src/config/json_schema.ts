/**
 * The config's JSON Schema, generated from the zod schema (the input side: what may be
 * written). Objects stay open (no `additionalProperties: false`) so editors do not flag the
 * keys Rune's docs use and rune ignores. templates/config.schema.json is this text, committed;
 * a test keeps the two equal (`rune config schema > templates/config.schema.json` refreshes it).
 */
import * as z from "zod";
import { ConfigSchema } from "./schema.ts";

export function configJsonSchema(): Record<string, unknown> {
  const generated = z.toJSONSchema(ConfigSchema, {
    io: "input",
    unrepresentable: "any",
  });
  const { $schema, ...rest } = generated as Record<string, unknown>;
  return {
    $schema,
    title: "rune config",
    description: "rune's ~/.config/rune/config.yaml: Rune's config format plus rune's own keys. " +
      "Keys not listed here are allowed (rune warns about them).",
    ...rest,
  };
}

/** The schema as the committed file holds it: two-space JSON and a final newline. */
export function configJsonSchemaText(): string {
  return `${JSON.stringify(configJsonSchema(), null, 2)}\n`;
}
