/**
 * The state of one conversion: the parsed file, the facts, and the issues collected so far.
 * Every string that lands in the rune template passes through `text` (rune expands it: `{{` is
 * escaped, ERB placeholders become variables) or `literal` (rune expands nothing there).
 */
import { err, errorIssue, ok, warningIssue } from "../base/mod.ts";
import type { Issue, Location, Result } from "../base/mod.ts";
import type { ErbVariable } from "./erb.ts";
import { parseSource } from "./source.ts";
import type { DataPath, ParsedSource } from "./source.ts";
import { escapeBraces, findShellVariables } from "./text.ts";
import type { ImportFacts, ImportResult, SourceKind } from "./types.ts";

/**
 * One import from start to end, the same for every tool: parse the text (line:col kept),
 * convert it with the tool's own `convert`, and give the result with its warnings, or every
 * issue found.
 */
export function runImport(
  text: string,
  file: string,
  facts: ImportFacts,
  options: { kind: SourceKind; erb?: ErbVariable[] },
  convert: (ctx: ImportContext) => ImportResult | undefined,
): Result<ImportResult, Issue[]> {
  const parsed = parseSource(text, file);
  if (!parsed.ok) return parsed;
  const ctx = new ImportContext(parsed.value, facts, options);
  const result = convert(ctx);
  return result && !ctx.failed ? ok({ ...result, warnings: ctx.issues }) : err(ctx.issues);
}

export class ImportContext {
  readonly issues: Issue[] = [];
  readonly source: ParsedSource;
  readonly facts: ImportFacts;
  readonly kind: SourceKind;
  #erb: ErbVariable[];
  #reported = new Set<string>();

  constructor(
    source: ParsedSource,
    facts: ImportFacts,
    options: { kind: SourceKind; erb?: ErbVariable[] },
  ) {
    this.source = source;
    this.facts = facts;
    this.kind = options.kind;
    this.#erb = options.erb ?? [];
  }

  get file(): string {
    return this.source.file;
  }

  where(path: DataPath, on: "key" | "value" = "value"): Location | undefined {
    return on === "key" ? this.source.locateKey(path) : this.source.locate(path);
  }

  warn(code: string, path: DataPath, problem: string, hint?: string, on?: "key" | "value") {
    this.issues.push(warningIssue(code, problem, { where: this.where(path, on), hint }));
  }

  error(code: string, path: DataPath, problem: string, hint?: string, on?: "key" | "value") {
    this.issues.push(errorIssue(code, problem, { where: this.where(path, on), hint }));
  }

  /** "Cannot import KEY (no equivalent)" for a key rune has nothing for. */
  unsupported(path: DataPath, what: string, hint: string) {
    this.warn(
      "no-equivalent",
      path,
      `Cannot import ${what}: rune has no equivalent, so it is left out`,
      hint,
      "key",
    );
  }

  get failed(): boolean {
    return this.issues.some((i) => i.severity === "error");
  }

  /** Text rune expands (commands, names, dirs, env values): `{{` kept literal, ERB → variables. */
  text(value: string, path: DataPath): string {
    let out = escapeBraces(value);
    for (const v of this.#erb) {
      if (!out.includes(v.placeholder)) continue;
      out = out.replaceAll(v.placeholder, v.variable);
      if (this.#reported.has(v.placeholder)) continue;
      this.#reported.add(v.placeholder);
      const name = v.variable.slice(2, -2).split(".").pop();
      const how = v.variable.startsWith("{{.Env.")
        ? `rune reads ${name} from its environment when it starts the session`
        : `give it with \`rune start NAME --var ${name}=…\``;
      this.issues.push(warningIssue(
        "erb-variable",
        `Cannot keep the ERB tag "${v.tag}" as Ruby: it is imported as ${v.variable}; ${how}`,
        { where: v.where, hint: `Check ${v.variable} in the imported ${describePath(path)}` },
      ));
    }
    return out;
  }

  /** Text rune does not expand (layouts, option names, window targets): ERB there is refused. */
  literal(value: string, what: string): string {
    let out = value;
    for (const v of this.#erb) {
      if (!out.includes(v.placeholder)) continue;
      out = out.replaceAll(v.placeholder, v.tag);
      this.issues.push(errorIssue(
        "erb",
        `Cannot import the ERB tag "${v.tag}" in ${what}: rune expands no variables there`,
        { where: v.where, hint: `Write the ${what} literally` },
      ));
    }
    return out;
  }

  /**
   * `text`, with `$NAME`/`${NAME}` turned into rune variables, for values the source tool expands
   * from its own environment when it loads the file (tmuxp's dirs and options, all of smug's).
   */
  expanded(value: string, path: DataPath, when: string): string {
    const vars = findShellVariables(value);
    let out = this.text(value, path);
    for (const v of vars) {
      out = out.replace(v.source, v.variable);
      this.warn(
        "shell-variable",
        path,
        `Cannot expand ${
          JSON.stringify(v.source)
        } at import time: it is imported as ${v.variable}, ` +
          `which rune expands when it starts the session (${when})`,
        `Write the value literally if it must not depend on the environment`,
      );
    }
    return out;
  }
}

/** ["windows", 0, "panes", 2] → "windows[0].panes[2]" (for messages). */
export function describePath(path: DataPath): string {
  return path.map((p) => typeof p === "number" ? `[${p}]` : `.${String(p)}`).join("")
    .replace(/^\./, "") || "file";
}
