/**
 * The YAML parser's syntax errors → the ONE root cause, at its real position. Pure.
 *
 * After its first error the parser reads the rest of the file out of step, so what it reports
 * later is a cascade (one tab gave "Tabs are not allowed" plus three "All mapping items must
 * start at the same column"): only the first error in file order is reported. Its place is
 * then made exact: a quote that opens before it and never closes is the cause (the parser
 * reports that at the end of the file); a tab in the line's indentation is the cause (the
 * parser may blame the column instead); an indentation error is reported at the key's own
 * column (the parser points at column 1), in rune's words (the parser's "A block sequence may
 * not be used as an implicit map key" names its own state, not the mistake), with the columns
 * of the keys above it.
 */
import type { YAMLError } from "yaml";
import { errorIssue } from "../base/mod.ts";
import type { Issue, Location } from "../base/mod.ts";

/** What to do about each of the YAML library's error codes. */
const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: "Indent with spaces, not tabs",
  BAD_INDENT: "Line this up with its siblings, and close any [ or { opened above",
  BLOCK_AS_IMPLICIT_KEY: "Put the nested key on its own line, indented, or quote a value " +
    'that contains ": "',
  MULTILINE_IMPLICIT_KEY: 'Indent the line under its key, or quote a value that contains ": "',
  MISSING_CHAR: "Close the quote or bracket that is opened before this point",
  MULTIPLE_DOCS: "Keep one YAML document in the config: remove the second `---`",
  UNEXPECTED_TOKEN: "Check the indentation of this line against the lines above it",
};

/** Errors at the start of a line that mean "this line is indented wrong". */
const INDENTATION = new Set(["BAD_INDENT", "BLOCK_AS_IMPLICIT_KEY", "MISSING_CHAR"]);

export function syntaxIssue(
  errors: readonly YAMLError[],
  text: string,
  at: (offset: number) => Location,
  unclosedQuotes: readonly number[],
): Issue | undefined {
  if (!errors.length) return undefined;
  const first = errors.reduce((a, b) => (b.pos[0] < a.pos[0] ? b : a));
  const offset = first.pos[0];
  const quote = unclosedQuotes.find((q) => q <= offset);
  if (quote !== undefined) {
    const q = text[quote];
    return errorIssue("yaml-syntax", `Cannot read the YAML: the ${q} opened here is never closed`, {
      where: at(quote),
      hint: `Close it with ${q} on this line${
        q === '"' ? ' (write \\" inside it)' : " (write '' inside it)"
      }`,
    });
  }
  const lineStart = text.lastIndexOf("\n", offset - 1) + 1;
  const lineEnd = text.indexOf("\n", lineStart);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const indent = /^[ \t]*/.exec(line)![0];
  if (indent.includes("\t")) {
    return errorIssue("yaml-syntax", "Cannot read the YAML: Tabs are not allowed as indentation", {
      where: at(lineStart + indent.indexOf("\t")),
      hint: SYNTAX_HINTS.TAB_AS_INDENT,
    });
  }
  const message = first.message.split("\n")[0];
  if (offset === lineStart && indent.length && INDENTATION.has(first.code)) {
    const column = indent.length + 1;
    const token = /^\s*(-|[^\s:#]+)/.exec(line)?.[1] ?? "";
    const above = openColumns(text.slice(0, lineStart));
    const below = above.filter((c) => c.column < column).pop();
    const beyond = above.find((c) => c.column > column);
    const choices = [below, beyond].filter((c) => c !== undefined)
      .map((c) => `column ${c.column} (like "${c.token}" on line ${c.line})`);
    return errorIssue(
      "yaml-syntax",
      `Cannot read the YAML: "${token}" starts at column ${column}, which lines up with no ` +
        "key or item above it",
      {
        where: at(lineStart + indent.length),
        hint: choices.length
          ? `Indent it to ${choices.join(" or ")}`
          : SYNTAX_HINTS[first.code] ?? "Fix the indentation of this line",
      },
    );
  }
  return errorIssue("yaml-syntax", `Cannot read the YAML: ${message}`, {
    where: at(offset),
    hint: SYNTAX_HINTS[first.code] ?? "Fix the YAML syntax at this point",
  });
}

interface OpenColumn {
  column: number;
  token: string;
  line: number;
}

/**
 * The columns (1-based) of the block keys and items still open at the end of `text`, outermost
 * first: what a next line may line up with. Lines inside block scalars (`|`, `>`) are skipped.
 */
function openColumns(text: string): OpenColumn[] {
  const open: OpenColumn[] = [];
  let scalarAbove: number | undefined; // indentation of the line that opened a block scalar
  text.split("\n").forEach((raw, i) => {
    const indent = /^ */.exec(raw)![0].length;
    const rest = raw.slice(indent);
    if (rest === "" || rest.startsWith("#")) return;
    if (scalarAbove !== undefined && indent > scalarAbove) return;
    scalarAbove = /(^|[\s:-])[|>][-+0-9]*\s*(#.*)?$/.test(rest) ? indent : undefined;
    while (open.length && open[open.length - 1].column > indent + 1) open.pop();
    // "- - name: x" opens an item at each dash and a key after the last one.
    let column = indent;
    let text = rest;
    for (;;) {
      const token = /^(-(?=\s|$)|[^\s:#]+)/.exec(text)?.[1] ?? text;
      const top = open[open.length - 1];
      if (top?.column === column + 1) open[open.length - 1] = { ...top, token, line: i + 1 };
      else if (!top || top.column < column + 1) {
        open.push({ column: column + 1, token, line: i + 1 });
      }
      const dash = /^-\s+/.exec(text);
      if (!dash) break;
      column += dash[0].length;
      text = text.slice(dash[0].length);
    }
  });
  return open;
}
