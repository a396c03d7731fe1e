/**
 * The string literals of a TypeScript source, comments and regular expressions skipped: what
 * a person may read (hints, fixes, help). Template literals give their text parts; each
 * `${…}` is scanned as code and stands as "\u0000" in the text. Enough of a lexer for rune's
 * own sources, not a TypeScript parser.
 */

export interface StringLiteral {
  text: string;
  /** 1-based line of the opening quote. */
  line: number;
}

const ESCAPES: Record<string, string> = { n: "\n", t: "\t", r: "\r", "0": "\0" };
const unescape = (c: string | undefined) => c === undefined ? "" : ESCAPES[c] ?? c;

/** Characters after which a `/` starts a regular expression, not a division. */
const BEFORE_REGEX = new Set([..."(,=:[!&|?{};+-*%<>~^"]);
const REGEX_KEYWORDS = /(?:^|[^\w$])(?:return|typeof|case|of|in|void|yield|await)$/;

export function stringLiterals(source: string): StringLiteral[] {
  const out: StringLiteral[] = [];
  const lineAt = (i: number) => source.slice(0, i).split("\n").length;

  /** Scans code from `i`; stops after the `}` that closes a `${` when `inTemplate`. */
  function code(i: number, inTemplate: boolean): number {
    let depth = 0;
    let last = ""; // last significant character (or keyword end) before here
    while (i < source.length) {
      const c = source[i];
      const next = source[i + 1];
      if (c === "/" && next === "/") {
        i = source.indexOf("\n", i);
        if (i < 0) return source.length;
        continue;
      }
      if (c === "/" && next === "*") {
        i = source.indexOf("*/", i + 2) + 2;
        if (i < 2) return source.length;
        continue;
      }
      if (c === '"' || c === "'") {
        const start = i;
        let text = "";
        for (i++; i < source.length && source[i] !== c; i++) {
          if (source[i] === "\\") text += unescape(source[++i]);
          else text += source[i];
        }
        out.push({ text, line: lineAt(start) });
        i++;
        last = c;
        continue;
      }
      if (c === "`") {
        i = template(i);
        last = "`";
        continue;
      }
      if (c === "/") {
        const before = source.slice(0, i).trimEnd();
        if (BEFORE_REGEX.has(last) || last === "" || REGEX_KEYWORDS.test(before)) {
          i = regex(i);
          last = "/";
          continue;
        }
      }
      if (c === "{") depth++;
      if (c === "}") {
        if (inTemplate && depth === 0) return i + 1;
        depth--;
      }
      if (!/\s/.test(c)) last = c;
      i++;
    }
    return i;
  }

  function template(i: number): number {
    const start = i;
    let text = "";
    for (i++; i < source.length && source[i] !== "`"; i++) {
      if (source[i] === "\\") text += unescape(source[++i]);
      else if (source[i] === "$" && source[i + 1] === "{") {
        text += "\u0000";
        i = code(i + 2, true) - 1;
      } else text += source[i];
    }
    out.push({ text, line: lineAt(start) });
    return i + 1;
  }

  function regex(i: number): number {
    let inClass = false;
    for (i++; i < source.length; i++) {
      const c = source[i];
      if (c === "\\") i++;
      else if (c === "[") inClass = true;
      else if (c === "]") inClass = false;
      else if (c === "/" && !inClass) break;
      else if (c === "\n") break;
    }
    return i + 1;
  }

  code(0, false);
  return out;
}
