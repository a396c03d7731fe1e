/**
 * tmuxinator's ERB, read and never run. tmuxinator renders its project file as ERB before it
 * parses the YAML; rune keeps exactly two plain forms, as rune variables, and refuses the rest
 * with the tag's line:col:
 *   `<%= ENV["X"] %>`         → `{{.Env.X}}`  (rune's environment when it starts)
 *   `<%= @settings["x"] %>`   → `{{.Var.x}}`  (`rune start NAME --var x=…`, like
 *                                              `tmuxinator start NAME x=…`)
 * A tag inside a YAML comment is ignored (comments are not imported). Each kept tag is replaced
 * by a placeholder of the same length, so every other position in the file stays exact.
 */
import { CST, Lexer } from "yaml";
import { errorIssue } from "../base/mod.ts";
import type { Issue, Location } from "../base/mod.ts";

export interface ErbVariable {
  /** Stands in the text (and so in parsed values) where the tag was. */
  placeholder: string;
  /** The tag as written. */
  tag: string;
  /** The rune variable it becomes: `{{.Env.X}}` or `{{.Var.x}}`. */
  variable: string;
  where: Location;
}

export interface ErbScan {
  /** `text` with each convertible tag replaced by its placeholder. */
  text: string;
  variables: ErbVariable[];
  /** An error for each tag rune cannot keep (outside comments). */
  issues: Issue[];
}

const CONVERTIBLE =
  /^<%=\s*(?:ENV\[\s*(["'])([A-Za-z_][A-Za-z0-9_]*)\1\s*\]|@settings\[\s*(["'])([A-Za-z_][A-Za-z0-9_]*)\3\s*\])\s*-?%>$/;

/** Finds every ERB tag in `text`; pure. */
export function scanErb(text: string, file: string): ErbScan {
  if (!text.includes("<%")) return { text, variables: [], issues: [] };
  const tags = findTags(text, commentRanges(text));
  const where = locator(text, file);
  let prefix = "RUNEERB";
  while (text.includes(prefix)) prefix += "B";
  const variables: ErbVariable[] = [];
  const issues: Issue[] = [];
  let out = text;
  for (const { offset, tag } of tags) {
    const m = tag.match(CONVERTIBLE);
    const variable = m ? (m[2] ? `{{.Env.${m[2]}}}` : `{{.Var.${m[4]}}}`) : undefined;
    const placeholder = variable && makePlaceholder(prefix, variables.length, tag.length);
    if (variable && placeholder && text[offset - 1] !== "$") {
      out = out.slice(0, offset) + placeholder + out.slice(offset + tag.length);
      variables.push({ placeholder, tag, variable, where: where(offset) });
      continue;
    }
    const { reason, hint } = refusal(tag, text[offset - 1] === "$");
    issues.push(errorIssue("erb", `Cannot import the ERB tag "${short(tag)}": ${reason}`, {
      where: where(offset),
      hint,
    }));
  }
  return { text: out, variables, issues };
}

/**
 * Each `<%` … `%>` outside YAML comments. A `<%` in a comment is skipped on its own, so an
 * unclosed one there cannot swallow a real tag further down.
 */
function findTags(text: string, comments: [number, number][]): { offset: number; tag: string }[] {
  const inComment = (offset: number) => comments.some(([a, b]) => offset >= a && offset < b);
  const tags: { offset: number; tag: string }[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf("<%", from);
    if (start < 0) return tags;
    if (inComment(start)) {
      from = start + 2;
      continue;
    }
    const end = text.indexOf("%>", start + 2);
    const stop = end < 0 ? text.length : end + 2;
    tags.push({ offset: start, tag: text.slice(start, stop) });
    from = stop;
  }
}

function refusal(tag: string, afterDollar: boolean): { reason: string; hint: string } {
  if (!tag.endsWith("%>")) {
    return { reason: "it is never closed with %>", hint: "Close the tag, or remove it" };
  }
  if (afterDollar) {
    return {
      reason: "it follows a $, where rune cannot insert a variable safely",
      hint: "Write the value literally, or move the tag away from the $",
    };
  }
  const bare = tag.match(/^<%=\s*@?([A-Za-z_][A-Za-z0-9_]*)\s*-?%>$/);
  const reason = 'rune never runs Ruby code; it keeps only <%= ENV["X"] %> and ' +
    '<%= @settings["x"] %>, as {{.Env.X}} and {{.Var.x}}';
  if (bare) {
    return {
      reason,
      hint: `Write the value literally, or write {{.Var.${bare[1]}}} and start with ` +
        `\`rune start NAME --var ${bare[1]}=…\``,
    };
  }
  return { reason, hint: "Write the value literally (rune variables: {{.Project}}, {{.Home}}, …)" };
}

function short(tag: string): string {
  const line = tag.split("\n")[0];
  return line.length > 60 ? `${line.slice(0, 57)}…` : line;
}

function makePlaceholder(prefix: string, index: number, length: number): string | undefined {
  const head = `${prefix}${index}x`;
  if (head.length + 1 > length) return undefined;
  return `${head}${"_".repeat(length - head.length - 1)}Q`;
}

/** Offsets [start, end) of the YAML comments in `text`. */
function commentRanges(text: string): [number, number][] {
  const ranges: [number, number][] = [];
  let offset = 0;
  for (const token of new Lexer().lex(text)) {
    const type = CST.tokenType(token);
    // The lexer's markers for a document, a scalar and a flow error take no source text.
    if (type === "doc-mode" || type === "flow-error-end" || token === CST.SCALAR) continue;
    if (type === "comment") ranges.push([offset, offset + token.length]);
    offset += token.length;
  }
  return ranges;
}

function locator(text: string, file: string): (offset: number) => Location {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === "\n") starts.push(i + 1);
  return (offset) => {
    let line = 0;
    while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
    return { file, line: line + 1, column: offset - starts[line] + 1 };
  };
}
