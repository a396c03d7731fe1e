/**
 * A template text → its literal parts and placeholders, or the problems that keep it from
 * expanding. Pure. rune's templates are variables only: `{{.Name}}` or `{{Name}}` (with
 * Handlebars whitespace control `{{~Name~}}`) and comments `{{! … }}`; `\{{` writes a literal
 * `{{`. Go's trim markers (`{{- .Name -}}`) are refused like Go's actions. Blocks (`{{#if}}`, `{{#each}}`), partials, helpers, paths (`{{a.b}}`, `{{@index}}`,
 * `{{../x}}`) and unescaped output (`{{{x}}}`, `{{& x}}`) are refused with a problem naming
 * them: every value must pass through rune's escaping, and a flat template is what lets each
 * placeholder's shell quoting context be read from the text before it.
 */
import { suggest } from "../base/mod.ts";
import { rewriteGoStyle } from "./go_style.ts";
import type { ParseFailure, TemplateAst } from "./handlebars_env.ts";
import { templateEngine } from "./engine.ts";
import {
  isVariableMap,
  isVariableName,
  makeProblem,
  MAP_KEY,
  VARIABLE_NAMES,
  variableList,
} from "./vars.ts";
import type { TemplateProblem, VariableMap, VariableName } from "./vars.ts";

/** Literal text as Handlebars renders it; `offsetOf(i)` is where `text[i]` was written. */
export interface TextPart {
  kind: "text";
  text: string;
  offsetOf(index: number): number;
}

export interface VariablePart {
  kind: "variable";
  /** A plain variable, or one of the maps (`{{.Var.branch}}`: name "Var", key "branch"). */
  name: VariableName | VariableMap;
  key?: string;
  /** Offset of the placeholder in the author's text, and the placeholder as written. */
  offset: number;
  source: string;
}

/** A placeholder that has a problem of its own (unknown name, block…): it still stands in the
 * text, so the placeholders after it can be checked too. */
export interface InvalidPart {
  kind: "invalid";
  offset: number;
}

export type TemplatePart = TextPart | VariablePart | InvalidPart;

export interface ParsedTemplate {
  parts: TemplatePart[];
  problems: TemplateProblem[];
  /** The parsed (Go-style rewritten) template; undefined on a syntax error. Compile it only
   * when there are no problems. */
  ast?: TemplateAst;
}

/** `{{range .X}}`, `{{- if .X }}`, `{{end}}`: Go's actions, which Handlebars misreads as paths. */
const GO_ACTION = /^\{\{[~-]?\s*(range|if|with|else|end|template|define|block|break|continue)\b/;
/** `{{- .X -}}`: Go's trim markers, which would eat the blanks around the value. */
const GO_TRIM = /^\{\{-\s|\s-\}\}$/;

const SYNTAX_HINT = 'Write a variable as {{.Project}}; for a literal "{{" write "\\{{"';

/**
 * `{{.Project}}`, `{{Project}}`, `{{ .Var.branch }}`: a placeholder that is a known variable
 * and nothing else, the one form nearly every template uses. A text whose every `{{` is one of
 * these is read without the template engine (`plainParts`), to the same parts Handlebars'
 * parse gives; anything else (comments, `\{{`, `~`, blocks, mistakes) goes to the engine.
 */
const PLAIN = /\{\{ *\.?([A-Za-z_][A-Za-z0-9_]*)(?:\.([A-Za-z_][A-Za-z0-9_]*))? *\}\}/g;

/** Keys Handlebars does not read as a name (found by review: `{{.Var.true}}`). */
const HANDLEBARS_WORDS = new Set(["true", "false", "null", "undefined", "this"]);

/** The parts of a text whose placeholders are all plain known variables; else undefined. */
export function plainParts(text: string): TemplatePart[] | undefined {
  if (text.includes("\\{{") || text.includes("}}}") || text.includes("{{{")) return undefined;
  // Handlebars' lexer refuses a NUL; the engine says so, located.
  if (text.includes("\0")) return undefined;
  // A `{{` outside every plain placeholder is some other form (NUL, absent here, keeps the
  // text on either side of a placeholder apart).
  if (text.replace(PLAIN, "\0").includes("{{")) return undefined;
  const parts: TemplatePart[] = [];
  const addText = (start: number, end: number) => {
    if (end > start) {
      parts.push({ kind: "text", text: text.slice(start, end), offsetOf: (i) => start + i });
    }
  };
  let at = 0;
  for (const m of text.matchAll(PLAIN)) {
    const [source, name, key] = m;
    addText(at, m.index);
    if (key !== undefined) {
      // After a ".", Handlebars reads these as literals or `this`, and refuses the path.
      if (!isVariableMap(name) || HANDLEBARS_WORDS.has(key)) return undefined;
      parts.push({ kind: "variable", name, key, offset: m.index, source });
    } else {
      if (!isVariableName(name)) return undefined;
      parts.push({ kind: "variable", name, offset: m.index, source });
    }
    at = m.index + source.length;
  }
  addText(at, text.length);
  return parts;
}

/** Whether any string in `value` (a config, a text) holds a `{{` only the engine can read. */
export function needsTemplateEngine(value: unknown): boolean {
  if (typeof value === "string") return value.includes("{{") && !plainParts(value);
  if (Array.isArray(value)) return value.some(needsTemplateEngine);
  if (value !== null && typeof value === "object") {
    return Object.values(value).some(needsTemplateEngine);
  }
  return false;
}

export function parseTemplateText(text: string): ParsedTemplate {
  if (!text.includes("{{")) {
    return { parts: text ? [{ kind: "text", text, offsetOf: (i) => i }] : [], problems: [] };
  }
  const plain = plainParts(text);
  if (plain) return { parts: plain, problems: [] };
  return engineParse(text);
}

/** A template text read by the engine (Handlebars' parser): every form, every problem. */
export function engineParse(text: string): ParsedTemplate {
  const rewritten = rewriteGoStyle(text);
  const lineStarts = lineStartsOf(rewritten.text);
  const offsetAt = (pos: { line: number; column: number }) =>
    (lineStarts[pos.line - 1] ?? rewritten.text.length) + pos.column;
  const parsed = templateEngine().parseTemplate(rewritten.text);
  if ("failure" in parsed) {
    return {
      parts: [],
      problems: [syntaxProblem(text, rewritten.original(offsetAt(parsed.failure)), parsed.failure)],
    };
  }

  const parts: TemplatePart[] = [];
  const problems: TemplateProblem[] = [];
  for (const node of parsed.ast.body as hbs.AST.Statement[]) {
    const start = offsetAt(node.loc.start);
    const end = offsetAt(node.loc.end);
    const origin = rewritten.original(start);
    const source = text.slice(origin, rewritten.original(end - 1) + 1);
    switch (node.type) {
      case "ContentStatement": {
        const value = (node as hbs.AST.ContentStatement).value;
        if (!value) break;
        // Whitespace control and `\{{` change the text; offsets are exact only where not.
        const exact = rewritten.text.slice(start, start + value.length) === value;
        parts.push({
          kind: "text",
          text: value,
          offsetOf: exact ? (i) => rewritten.original(start + i) : () => origin,
        });
        break;
      }
      case "CommentStatement":
        break;
      case "MustacheStatement": {
        const checked = checkMustache(node as hbs.AST.MustacheStatement, source, origin);
        if ("problem" in checked) {
          problems.push(checked);
          parts.push({ kind: "invalid", offset: origin });
        } else parts.push({ kind: "variable", ...checked, offset: origin, source });
        break;
      }
      default:
        problems.push(unsupported(node.type, source, origin));
        parts.push({ kind: "invalid", offset: origin });
    }
  }
  return { parts, problems, ast: parsed.ast };
}

/** The variable names a template uses, in order of first use (unknown ones included). */
export function templateVariableNames(text: string): string[] {
  const names = new Set<string>();
  const plain = plainParts(text);
  if (plain) {
    for (const p of plain) {
      if (p.kind === "variable") names.add(p.key === undefined ? p.name : `${p.name}.${p.key}`);
    }
    return [...names];
  }
  const parsed = templateEngine().parseTemplate(rewriteGoStyle(text).text);
  if ("failure" in parsed) return [];
  for (const node of parsed.ast.body as hbs.AST.Statement[]) {
    if (node.type !== "MustacheStatement") continue;
    const path = (node as hbs.AST.MustacheStatement).path as hbs.AST.PathExpression;
    if (path.type !== "PathExpression") continue;
    if (path.parts.length === 1) names.add(path.parts[0]);
    else if (path.parts.length === 2 && isVariableMap(path.parts[0])) {
      names.add(path.parts.join("."));
    }
  }
  return [...names];
}

function checkMustache(
  node: hbs.AST.MustacheStatement,
  source: string,
  offset: number,
): { name: VariableName | VariableMap; key?: string } | TemplateProblem {
  const path = node.path as hbs.AST.PathExpression;
  if (GO_ACTION.test(source)) {
    return makeProblem(
      "template-syntax",
      source,
      "Go template actions such as {{range}}, {{if}} and {{end}} are not supported, only variables",
      offset,
      `Variables: ${variableList()}; write them as {{.Project}}`,
    );
  }
  if (GO_TRIM.test(source)) {
    return makeProblem(
      "template-syntax",
      source,
      "Go's trim markers {{- and -}} are not supported: they would remove the blanks around " +
        "the value",
      offset,
      `Write ${plainForm(path)}, with the blanks you want around it`,
    );
  }
  if (!node.escaped) {
    return makeProblem(
      "template-syntax",
      source,
      "rune escapes every value, and unescaped output is not supported",
      offset,
      `Write ${plainForm(path)} instead`,
    );
  }
  if (node.params.length || (node.hash && node.hash.pairs.length)) {
    return makeProblem(
      "template-syntax",
      source,
      "helpers are not supported, only variables",
      offset,
      `Variables: ${variableList()}; write them as {{.Project}}`,
    );
  }
  const map = path.type === "PathExpression" && path.parts.length === 2 && !path.data &&
      path.depth === 0 && isVariableMap(path.parts[0])
    ? path.parts[0]
    : undefined;
  if (map) {
    const key = path.parts[1];
    // `{{Var.[a b]}}` or `{{Env.1X}}`: no --var or environment variable has such a name.
    if (MAP_KEY.test(key) && path.original === `${map}.${key}`) return { name: map, key };
    return makeProblem(
      "template-syntax",
      source,
      `${JSON.stringify(key)} is not a variable name: a ${map} name is letters, digits and _, ` +
        "not starting with a digit",
      offset,
      map === "Var" ? "Write {{.Var.name}}, and give --var name=VALUE" : "Write {{.Env.NAME}}",
    );
  }
  if (path.type !== "PathExpression" || path.data || path.depth > 0 || path.parts.length !== 1) {
    return makeProblem(
      "template-syntax",
      source,
      "only plain variables are supported (no fields, paths, literals or @data)",
      offset,
      `Variables: ${variableList()}; write them as {{.Project}}`,
    );
  }
  const name = path.parts[0];
  if (isVariableName(name)) return { name };
  return makeProblem(
    "unknown-variable",
    source,
    `there is no variable ${JSON.stringify(name)}`,
    offset,
    unknownHint(name, source),
  );
}

function unknownHint(name: string, source: string): string {
  const exact = VARIABLE_NAMES.find((v) => v.toLowerCase() === name.toLowerCase());
  if (exact) return `Use {{.${exact}}} (variables: ${variableList()})`;
  const near = suggest(name, VARIABLE_NAMES);
  if (near) return `Did you mean {{.${near}}}? (variables: ${variableList()})`;
  return `Variables: ${variableList()}; to keep "${source}" as text, write "\\${source}"`;
}

function plainForm(path: hbs.AST.PathExpression): string {
  const name = path.type === "PathExpression" && path.parts.length === 1 ? path.parts[0] : "";
  return isVariableName(name) ? `{{.${name}}}` : "{{.Project}}";
}

function unsupported(type: string, source: string, offset: number): TemplateProblem {
  const what = type === "BlockStatement"
    ? "blocks such as {{#if}} and {{#each}} are not supported, only variables"
    : type === "PartialStatement" || type === "PartialBlockStatement"
    ? "partials are not supported, only variables"
    : "only variables are supported";
  return makeProblem(
    "template-syntax",
    firstLine(source),
    what,
    offset,
    `Variables: ${variableList()}; write them as {{.Project}}`,
  );
}

/** A Handlebars parse error in rune's words, at the `{{` that starts the broken placeholder. */
function syntaxProblem(text: string, at: number, failure: ParseFailure): TemplateProblem {
  const open = text.lastIndexOf("{{", Math.min(at, text.length - 1));
  const start = open >= 0 ? open : Math.min(at, text.length);
  const close = text.indexOf("}}", at);
  const end = close >= 0 && close - start < 60 ? close + 2 : Math.min(text.length, at + 20);
  const source = firstLine(text.slice(start, Math.max(end, start + 2)));
  const m = /Expecting (.*), got '([A-Z_]+)'\s*$/.exec(failure.message);
  const expected = m ? m[1] : "";
  const got = m ? m[2] : "";
  let reason: string;
  if (got === "EOF" && expected.includes("OPEN_ENDBLOCK")) reason = "a block is never closed";
  else if (open >= 0 && !text.includes("}}", open)) reason = `"{{" is never closed`;
  else if (got === "OPEN_ENDBLOCK") reason = "it closes a block that was never opened";
  else if (got === "CLOSE_UNESCAPED") reason = `"}}}" closes a "{{{" that was never opened`;
  else if (got === "EOF") reason = `"{{" is never closed`;
  else if (expected.includes("'ID'")) reason = `"{{" is not followed by a variable name`;
  else if (expected.includes("CLOSE")) reason = `the placeholder is not closed by "}}"`;
  else reason = "it is not a valid placeholder";
  return makeProblem("template-syntax", source, reason, start, SYNTAX_HINT);
}

function firstLine(s: string): string {
  const nl = s.search(/[\r\n]/);
  return nl >= 0 ? `${s.slice(0, nl)}…` : s;
}

/** Offsets where each line starts, breaking lines as Handlebars' lexer does (\r\n, \r, \n). */
function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === "\r" && text[i + 1] === "\n") continue;
    if (ch === "\n" || ch === "\r") starts.push(i + 1);
  }
  return starts;
}
