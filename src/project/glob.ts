/**
 * Shell-style globs and the literal/glob/regex choice for rule values. Pure.
 *
 * Globs: `*` any run of characters, `?` one character, `[abc]`, `[a-z]`, `[!x]`/`[^x]`,
 * `{a,b}` alternatives, `\` escapes the next character. None of them matches "/", and `*`,
 * `?` and `[…]` do not match a leading "." (as in sh: `*` skips dotfiles; `.*` matches them).
 */

const GLOB_CHARS = /[*?[{]/;
/** Syntax only a regular expression has: `.*`, `.+`, `.?`, anchors, groups, escapes. */
const REGEX_ONLY = /\.[*+?]|[\^$()|\\+]/;

export function hasGlobChars(text: string): boolean {
  return GLOB_CHARS.test(text);
}

/**
 * How a `git:` or `git-remote:` value is read: a regular expression when it uses syntax only
 * regular expressions have (`git:.*` as `rune init` writes it, `^web-(api|ui)$`), else a glob
 * when it has `*`, `?`, `[` or `{` (`git:web-*`), else a literal. A lone "." is literal, so
 * `git:next.js` means the name "next.js".
 */
export function valueKind(value: string): "regex" | "glob" | "literal" {
  if (REGEX_ONLY.test(value)) return "regex";
  if (hasGlobChars(value)) return "glob";
  return "literal";
}

export interface GlobOptions {
  /** Let `*`, `?` and `[…]` match "/" and a leading "." too (names and URLs, not paths). */
  anyChar?: boolean;
}

/** The regular-expression source matching exactly what `glob` matches (unanchored). */
export function globSource(glob: string, options: GlobOptions = {}): string {
  const one = options.anyChar ? "[^]" : "[^/]";
  const notSlash = options.anyChar ? "" : "/";
  let out = "";
  let braces = 0;
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i];
    const atStart = i === 0 && !options.anyChar;
    if (c === "\\" && i + 1 < glob.length) {
      out += escapeRegex(glob[++i]);
    } else if (c === "*") {
      while (glob[i + 1] === "*") i++;
      out += (atStart ? "(?!\\.)" : "") + one + "*";
    } else if (c === "?") {
      out += (atStart ? "(?!\\.)" : "") + one;
    } else if (c === "[") {
      const end = classEnd(glob, i);
      if (end < 0) {
        out += "\\[";
        continue;
      }
      let body = glob.slice(i + 1, end);
      const negated = body.startsWith("!") || body.startsWith("^");
      if (negated) body = body.slice(1);
      const cls = body.replace(/[\\\]^]/g, "\\$&");
      out += (atStart ? "(?!\\.)" : "") + (negated ? `[^${notSlash}${cls}]` : `[${cls}]`);
      i = end;
    } else if (c === "{" && glob.indexOf("}", i) > i) {
      braces++;
      out += "(?:";
    } else if (c === "," && braces > 0) {
      out += "|";
    } else if (c === "}" && braces > 0) {
      braces--;
      out += ")";
    } else {
      out += escapeRegex(c);
    }
  }
  return out + ")".repeat(braces);
}

/** A whole-string matcher for `glob`. */
export function globMatcher(glob: string, options: GlobOptions & { flags?: string } = {}): RegExp {
  return new RegExp(`^(?:${globSource(glob, options)})$`, options.flags ?? "");
}

function classEnd(glob: string, open: number): number {
  let i = open + 1;
  if (glob[i] === "!" || glob[i] === "^") i++;
  if (glob[i] === "]") i++;
  const end = glob.indexOf("]", i);
  return end;
}

export function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
}
