/**
 * One value made literal for the quoting context it is placed in. Pure.
 *
 * The output is read the same way by sh (dash), bash, zsh and fish, interactive or not, because
 * pane commands are typed into the user's own shell: no backslash is ever left inside single
 * quotes (fish reads `\'` and `\\` there), no backslash escapes a backtick inside double quotes
 * (fish keeps it), and `!` never stands inside double quotes (interactive bash and zsh expand
 * history there). NUL cannot be passed to a program and is dropped.
 */

import type { ShellPlacement } from "./shell_context.ts";

/** Characters no shell treats specially anywhere in a word (no `=`, `~`, `,`, `%`, `#`…). */
const SAFE_BARE = /^[A-Za-z0-9_./:@+-]+$/;

/** Words a shell reads as syntax when unquoted in command position (sh, bash, zsh). */
const RESERVED = new Set([
  "case",
  "coproc",
  "do",
  "done",
  "elif",
  "else",
  "end",
  "esac",
  "fi",
  "for",
  "foreach",
  "function",
  "if",
  "in",
  "nocorrect",
  "repeat",
  "select",
  "then",
  "time",
  "until",
  "while",
]);

function dropNul(value: string): string {
  return value.includes("\0") ? value.replaceAll("\0", "") : value;
}

/**
 * A value as one shell word (or word piece) outside any quotes: left as is when every
 * character is plain, else single-quoted with `'` and `\` written as `\'` and `\\` between the
 * quoted runs. The empty string is `''`. `force` quotes even plain values (needed where the
 * preceding text would join them: `~{{x}}`, `$NAME{{x}}`).
 *
 *   web → web     it's → 'it'\''s'     a b → 'a b'     "" → ''     a\b → 'a'\\'b'
 */
export function quoteBare(value: string, force = false): string {
  const v = dropNul(value);
  if (v === "") return "''";
  if (!force && SAFE_BARE.test(v) && !RESERVED.has(v)) return v;
  let out = "";
  let run = "";
  for (const ch of v) {
    if (ch === "'" || ch === "\\") {
      if (run) out += `'${run}'`;
      run = "";
      out += `\\${ch}`;
    } else {
      run += ch;
    }
  }
  return run ? `${out}'${run}'` : out;
}

/** The one quoting other modules use to put a value into shell text. */
export function shellQuote(value: string): string {
  return quoteBare(value);
}

/**
 * A value inside the author's single quotes (`echo 'Starting {{.Project}}'`): everything stays
 * quoted; each `'` and `\` closes the quotes, is written escaped, and reopens them.
 *
 *   it's → it'\''s     a\b → a'\\'b
 */
export function quoteInSingle(value: string): string {
  return dropNul(value).replace(/['\\]/g, (ch) => `'\\${ch}'`);
}

/**
 * A value inside the author's double quotes: `\`, `"` and `$` are backslash-escaped; a
 * backtick and `!` close the double quotes and stand in single quotes (`"'!'"`). Newlines stay
 * literal. `separate` starts with `""`, so the value cannot extend a `$NAME` written just
 * before it.
 */
export function quoteInDouble(value: string, separate = false): string {
  const body = dropNul(value).replace(/[\\"$`!]/g, (ch) => {
    if (ch === "`" || ch === "!") return `"'${ch}'"`;
    return `\\${ch}`;
  });
  return separate ? `""${body}` : body;
}

/**
 * A value inside a comment: a line break would end the comment and run the rest, so line breaks
 * become spaces; the value is also quoted as a bare word, so a shell that scanned the comment
 * for a closing `)` or backtick would still find none.
 */
export function quoteInComment(value: string): string {
  return quoteBare(value.replace(/[\r\n]/g, " "));
}

/**
 * Text placed inside backticks: the shell removes one backslash before `\`, `` ` `` and `$`
 * when it reads the substitution, so each of those gets one more.
 */
export function escapeBacktickLayer(text: string): string {
  return text.replace(/[\\`$]/g, (ch) => `\\${ch}`);
}

/** A value escaped for where it stands (see shell_context.ts); undefined when it may not. */
export function escapeForPlacement(placement: ShellPlacement, value: string): string | undefined {
  let text: string;
  switch (placement.kind) {
    case "bare":
      text = quoteBare(value, placement.force);
      break;
    case "single":
      text = quoteInSingle(value);
      break;
    case "double":
      text = quoteInDouble(value, placement.separate);
      break;
    case "comment":
      text = quoteInComment(value);
      break;
    case "unsupported":
      return undefined;
  }
  for (let n = 0; n < placement.layers; n++) text = escapeBacktickLayer(text);
  return text;
}
