/**
 * The committed JSON Schema (templates/config.schema.json), for `rune config schema` run with no
 * permission to read rune's own modules. tests/config/json_schema_test.ts keeps it equal to what
 * the schema generates.
 */
import text from "../../templates/config.schema.json" with { type: "text" };

export const COMMITTED_SCHEMA: string = text;
