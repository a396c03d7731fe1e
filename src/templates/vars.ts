/**
 * The template variables rune knows, and the shape of a problem with a template. Imports
 * nothing, so checks and the planner can name them without loading Handlebars.
 */

export const VARIABLE_NAMES = ["Project", "ProjectDir", "Command", "Home", "User", "Date"] as const;
export type VariableName = (typeof VARIABLE_NAMES)[number];
export type Variables = Record<VariableName, string>;

/**
 * How values are inserted: "shell" escapes each value for the quoting context its placeholder
 * stands in; "name" sanitizes the result for a tmux session/window name; "text" inserts as is
 * (paths, env values).
 */
export type FieldContext = "shell" | "name" | "text";

export type TemplateProblemCode = "unknown-variable" | "template-syntax" | "template-context";

export interface TemplateProblem {
  /** `Cannot expand "{{project}}": there is no variable "project"` */
  problem: string;
  hint?: string;
  /** 0-based offset of the offending placeholder in the text. */
  offset: number;
  /** "unknown-variable", "template-syntax" (incl. unsupported Handlebars features) or
   * "template-context" (a placeholder where no escaping can keep its value literal). */
  code: TemplateProblemCode;
  /** The offending text as written, e.g. `{{project}}`. */
  source: string;
  /** What is true now, e.g. `there is no variable "project"` (the problem after its colon). */
  reason: string;
}

const NAMES_TEXT = VARIABLE_NAMES.join(", ");

/** "Project, ProjectDir, Command, Home, User, Date" */
export function variableList(): string {
  return NAMES_TEXT;
}

export function isVariableName(name: string): name is VariableName {
  return (VARIABLE_NAMES as readonly string[]).includes(name);
}

export function makeProblem(
  code: TemplateProblemCode,
  source: string,
  reason: string,
  offset: number,
  hint?: string,
): TemplateProblem {
  const problem = `Cannot expand ${JSON.stringify(source)}: ${reason}`;
  return hint === undefined
    ? { problem, offset, code, source, reason }
    : { problem, hint, offset, code, source, reason };
}
