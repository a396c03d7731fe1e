/**
 * Template variables in config text: `{{.Project}}` (Go style, as in Rune) and `{{Project}}`.
 * PLACEHOLDER IMPLEMENTATION — to be replaced by the handlebars-based, context-aware version
 * (same exports). Do not build on its internals.
 */
import { err, ok } from "../result.ts";
import type { Result } from "../result.ts";

export const VARIABLE_NAMES = ["Project", "ProjectDir", "Command", "Home", "User", "Date"] as const;
export type VariableName = (typeof VARIABLE_NAMES)[number];
export type Variables = Record<VariableName, string>;

/**
 * How values are inserted: "shell" escapes each value for the quoting context its placeholder
 * stands in; "name" sanitizes the result for a tmux session/window name; "text" inserts as is
 * (paths, env values).
 */
export type FieldContext = "shell" | "name" | "text";

export interface TemplateProblem {
  /** "Cannot expand "{{project}}": there is no variable "project"" */
  problem: string;
  hint?: string;
  /** 0-based offset of the offending placeholder in the text. */
  offset: number;
}

/** Problems in a template text without expanding it: syntax errors, unknown variables. */
export function checkTemplateText(text: string): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const m of text.matchAll(/\{\{\s*\.?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g)) {
    if (!(VARIABLE_NAMES as readonly string[]).includes(m[1])) {
      problems.push({ problem: `unknown variable "${m[1]}"`, offset: m.index ?? 0 });
    }
  }
  return problems;
}

export function expandField(
  text: string,
  vars: Variables,
  context: FieldContext,
): Result<string, TemplateProblem[]> {
  const problems = checkTemplateText(text);
  if (problems.length) return err(problems);
  const out = text.replace(
    /\{\{\s*\.?([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g,
    (_, name: VariableName) => vars[name],
  );
  return ok(context === "name" ? out.replace(/[.:#]/g, "_") : out);
}
