/**
 * Text for a person's terminal, with every control character shown instead of obeyed. A value
 * rune prints (a project directory, a configured name, a command, an argument) may hold ESC
 * (`\x1b[8m` hides what follows, `\x1b]0;…` retitles the window), CR (overwrites the line),
 * BEL, or bidi controls (U+202E shows the rest reversed). Every human output passes values
 * through here; `--json` escapes them itself. Pure.
 */

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates and marks, line/para separators,
// and the invisible spaces that make two names look alike (U+200B, U+2060, U+FEFF; the
// joiners U+200C/D stay, since scripts and emoji need them).
const CONTROLS =
  // deno-lint-ignore no-control-regex
  /[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/g;
const CONTROLS_BUT_NEWLINE =
  // deno-lint-ignore no-control-regex
  /[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b\u2060\ufeff]/g;

const NAMED: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * `text` with control characters written out: `\x1b`, `\r`, `\n`, `\t`, `\x07`, `\u202e`.
 * `keepNewlines` leaves line breaks as they are, for text of several lines (a multi-line
 * command, a message with a hint).
 */
export function visible(text: string, options: { keepNewlines?: boolean } = {}): string {
  return text.replace(options.keepNewlines ? CONTROLS_BUT_NEWLINE : CONTROLS, (ch) => {
    const named = NAMED[ch];
    if (named) return named;
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, "0")}`
      : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}
