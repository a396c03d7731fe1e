/**
 * Config-time check of every field that may hold template variables: unknown variables and
 * template syntax errors become located issues, before anything runs.
 * PLACEHOLDER — to be implemented with src/config/expand.ts (same export).
 */
import type { Config } from "./schema.ts";
import type { Issue, Location } from "../result.ts";

export function checkTemplateFields(
  _config: Config,
  _locate: (path: readonly (string | number)[]) => Location | undefined,
): Issue[] {
  return [];
}
