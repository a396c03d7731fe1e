/**
 * Small pure helpers shared by the converters: rune's project-name rule, quoting, truthiness of
 * loosely typed YAML values, and turning a source tool's `$VAR` into a rune variable.
 */

/**
 * The name rune uses for a project (per_project keys, template names): lowercase, runs of other
 * characters as one "-", at most 64 characters. The same rule as src/project/sanitize.ts.
 */
export function projectKey(raw: string): string {
  const folded = raw.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
  const dashed = folded.replace(/[^a-z0-9_-]+/g, "-").replace(/-{2,}/g, "-")
    .replace(/^-+|-+$/g, "");
  return dashed.slice(0, 64).replace(/-+$/, "");
}

/** Text for rune's template engine: a literal `{{` stays literal (rune reads `\{{` as `{{`). */
export function escapeBraces(text: string): string {
  return text.replaceAll("{{", "\\{{");
}

/** One shell word: unchanged when it is plain, else single-quoted. */
export function shellWord(text: string): string {
  if (/^[A-Za-z0-9_./:@+=-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/**
 * Booleans as YAML 1.1 tools read them (`yes`, `on`, `true`), since rune parses YAML 1.2 where
 * those are strings. Returns undefined for anything that is not a boolean word.
 */
export function looseBoolean(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (typeof value !== "string") return undefined;
  const word = value.toLowerCase();
  if (["yes", "y", "on", "true"].includes(word)) return true;
  if (["no", "n", "off", "false"].includes(word)) return false;
  return undefined;
}

/** A scalar as text: strings as they are, numbers and booleans as YAML wrote them. */
export function scalarText(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "bigint") return String(value);
  if (typeof value === "boolean") return value ? "true" : "false";
  return undefined;
}

/** A tmux option value: booleans become on/off, numbers their digits. */
export function optionText(value: unknown): string | undefined {
  if (typeof value === "boolean") return value ? "on" : "off";
  return scalarText(value);
}

export interface ShellVariable {
  /** As written: `${MAIN_PANE_HEIGHT}` or `$HOME`. */
  source: string;
  name: string;
  /** Offset in the text. */
  offset: number;
  /** What rune writes instead: `{{.Home}}` for HOME, else `{{.Env.NAME}}`. */
  variable: string;
}

const SHELL_VARIABLE = /\$\{([A-Za-z_][A-Za-z0-9_]*)\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** The `$NAME` and `${NAME}` references in `text` (what os.path.expandvars / os.Expand read). */
export function findShellVariables(text: string): ShellVariable[] {
  return [...text.matchAll(SHELL_VARIABLE)].map((m) => {
    const name = m[1] ?? m[2];
    return {
      source: m[0],
      name,
      offset: m.index,
      variable: name === "HOME" ? "{{.Home}}" : `{{.Env.${name}}}`,
    };
  });
}

/** `text` with every `$NAME`/`${NAME}` replaced by its rune variable. */
export function replaceShellVariables(text: string): string {
  return text.replace(
    SHELL_VARIABLE,
    (_all, a: string | undefined, b: string | undefined) => {
      const name = a ?? b ?? "";
      return name === "HOME" ? "{{.Home}}" : `{{.Env.${name}}}`;
    },
  );
}

/** "1st", "2nd", "3rd", "4th" … for messages about positions people count from one. */
export function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${["th", "st", "nd", "rd"][n % 10] ?? "th"}`;
}
