/**
 * The template variables rune knows, and the shape of a problem with a template. Imports
 * nothing, so checks and the planner can name them without loading Handlebars.
 */

export const VARIABLE_NAMES = ["Project", "ProjectDir", "Command", "Home", "User", "Date"] as const;
export type VariableName = (typeof VARIABLE_NAMES)[number];

/**
 * The maps of variables, used as `{{.Var.name}}` and `{{.Env.NAME}}`: Var holds this run's
 * `--var NAME=VALUE` values, Env rune's own environment when it starts.
 */
export const VARIABLE_MAPS = ["Var", "Env"] as const;
export type VariableMap = (typeof VARIABLE_MAPS)[number];

/** A key of Var or Env: what an environment variable's name may be. */
export const MAP_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

export interface Variables extends Record<VariableName, string> {
  /** `--var NAME=VALUE` of this run; without it, every {{.Var.x}} is missing. */
  Var?: Readonly<Record<string, string>>;
  /** rune's environment when it starts, withheld names included (see `withheld`). */
  Env?: Readonly<Record<string, string>>;
  /**
   * Whether the env filter withholds a name from children: such a {{.Env.NAME}} is refused,
   * never expanded, so a secret cannot be put into a command by a template.
   */
  withheld?: (name: string) => boolean;
}

/**
 * How values are inserted: "shell" escapes each value for the quoting context its placeholder
 * stands in; "name" sanitizes the result for a tmux session/window name; "text" inserts as is
 * (paths, env values).
 */
export type FieldContext = "shell" | "name" | "text";

export type TemplateProblemCode =
  | "unknown-variable"
  | "missing-variable"
  | "withheld-variable"
  | "template-syntax"
  | "template-context";

export interface TemplateProblem {
  /** `Cannot expand "{{project}}": there is no variable "project"` */
  problem: string;
  hint?: string;
  /** 0-based offset of the offending placeholder in the text. */
  offset: number;
  /** "unknown-variable", "template-syntax" (incl. unsupported Handlebars features),
   * "template-context" (a placeholder where no escaping can keep its value literal), and, only
   * when expanding, "missing-variable" (no such --var or environment variable) and
   * "withheld-variable" ({{.Env.X}} of a name the env filter withholds). */
  code: TemplateProblemCode;
  /** The offending text as written, e.g. `{{project}}`. */
  source: string;
  /** What is true now, e.g. `there is no variable "project"` (the problem after its colon). */
  reason: string;
}

const NAMES_TEXT = VARIABLE_NAMES.join(", ");

/** "Project, ProjectDir, Command, Home, User, Date, Var.NAME, Env.NAME" */
export function variableList(): string {
  return `${NAMES_TEXT}, Var.NAME, Env.NAME`;
}

export function isVariableMap(name: string): name is VariableMap {
  return (VARIABLE_MAPS as readonly string[]).includes(name);
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
