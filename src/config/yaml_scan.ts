/**
 * One pass of the YAML lexer over the config text before it is parsed: how deep the nesting
 * goes (the parser recurses, so 10,000,000 `[` would exhaust the stack and the heap), how many
 * values it holds (the parser needs about 1 KB for each), each scan stopping at its limit and
 * naming the place, and where quoted scalars open that never close (the parser reports those at
 * the end of the file). Iterative, linear in the text. Pure.
 *
 * Depth counts flow brackets exactly and block nesting by indentation columns and by the
 * compact indicators on one line (`- - x`, `- key: v`, `? k`), so it never undercounts by more
 * than a block sequence at its parent key's column (`key:\n- x`) adds.
 */
import { Lexer } from "yaml";

export interface YamlScan {
  /** Offset of the first token nested deeper than the limit. */
  tooDeep?: number;
  /** Offset of the first value past the limit of values (the parser's memory grows with them). */
  tooMany?: number;
  /** Offsets of the quoted scalars that are never closed, in file order. */
  unclosedQuotes: number[];
}

/** Lexer tokens that stand for no source text (yaml's CST: DOCUMENT, FLOW_END, SCALAR). */
const ZERO_WIDTH = new Set(["\u0002", "\u0018", "\u001f"]);

export interface ScanLimits {
  maxDepth: number;
  /** Scalars, collections and sequence items. */
  maxValues: number;
}

export function scanYaml(text: string, limits: ScanLimits): YamlScan {
  const unclosedQuotes: number[] = [];
  const stack: number[] = []; // columns of the open block nodes
  let flow = 0;
  let offset = 0;
  let lineStart = 0;
  let atLineStart = true;
  let afterIndicator = false;
  let values = 0;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (token === "\u001f") scalarNext = true;
    if (ZERO_WIDTH.has(token)) continue;
    const at = offset;
    const column = at - lineStart;
    offset += token.length;
    const lastBreak = token.lastIndexOf("\n");
    if (lastBreak >= 0) lineStart = at + lastBreak + 1;
    if (token === "\n" || token === "\r\n") {
      atLineStart = true;
      afterIndicator = false;
      continue;
    }
    const c = token[0];
    if (c === " " || c === "\t" || c === "#" || c === "%" || c === ",") continue;
    if (token === "---" || token === "...") {
      stack.length = 0;
      flow = 0;
      continue;
    }
    const quoted = c === '"' || c === "'";
    if (quoted && !isClosed(token)) unclosedQuotes.push(at);
    if (quoted || scalarNext || c === "[" || c === "{" || token === "-") {
      if (++values > limits.maxValues) return { tooMany: at, unclosedQuotes };
    }
    scalarNext = false;
    if (c === "]" || c === "}") {
      flow = Math.max(0, flow - 1);
    } else if (flow === 0) {
      const first = atLineStart;
      if (first) { while (stack.length && stack[stack.length - 1] > column) stack.pop(); }
      if ((first || afterIndicator) && (!stack.length || stack[stack.length - 1] < column)) {
        stack.push(column);
      }
      afterIndicator = token === "-" || token === "?" || (token === ":" && first);
    }
    if (c === "[" || c === "{") flow++;
    if (token.endsWith("\n")) {
      atLineStart = true;
      afterIndicator = false;
    } else {
      atLineStart = false;
    }
    if (stack.length + flow > limits.maxDepth) return { tooDeep: at, unclosedQuotes };
  }
  return { unclosedQuotes };
}

/** Whether a quoted scalar token ends with its closing quote (not an escaped one). */
function isClosed(token: string): boolean {
  const quote = token[0];
  const body = token.slice(1);
  if (!body.endsWith(quote)) return false;
  if (quote === "'") {
    // '' is an escaped quote: the run of quotes at the end must be odd.
    const run = body.length - body.replace(/'+$/, "").length;
    return run % 2 === 1;
  }
  const backslashes = body.slice(0, -1).length - body.slice(0, -1).replace(/\\+$/, "").length;
  return backslashes % 2 === 0;
}
