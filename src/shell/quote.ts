/**
 * One value made literal for the quoting context it is placed in. Pure.
 *
 * Commands run with `sh -c`, and pane commands are typed into the user's own interactive shell,
 * so the output avoids what shells or terminals read differently: no backslash is left inside
 * single quotes (fish reads `\'` and `\\` there), no backslash escapes a backtick inside double
 * quotes (fish keeps it), no `!` is written at all (interactive bash and zsh expand history
 * from it by a reading of the quotes simpler than the parser's), no control character is
 * written (typed, ^U or ^C edit the line or send a signal), and no typed line starts inside a
 * value. Verified with dash, bash -c and bash reading typed lines with history expansion on;
 * zsh and fish are reasoned about, not tested here. NUL cannot reach a program and is dropped.
 */

import type { ShellPlacement } from "./lexer.ts";

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

/** Control characters: typed into a terminal they edit the line (^U, ^W), send signals (^C)
 * or complete (Tab), so they are never written raw; a line break is handled on its own. */
// deno-lint-ignore no-control-regex
const CONTROL = /[\x01-\x09\x0b-\x1f\x7f]/;
// deno-lint-ignore no-control-regex
const CONTROL_OR_NEWLINE = /[\x01-\x1f\x7f]/;

/** A character made at run time by printf, so the text holds only printable characters. */
function printfPiece(ch: string): string {
  return `"$(printf '\\${ch.charCodeAt(0).toString(8).padStart(3, "0")}')"`;
}

/** `!`, which interactive bash and zsh expand from history wherever their own (simpler)
 * reading of the line thinks it is unquoted, made by printf instead of written. */
const BANG = printfPiece("!");

/**
 * A value as one shell word (or word piece) outside any quotes: left as is when every
 * character is plain, else single-quoted with `'` and `\` written as `\'` and `\\` between the
 * quoted runs. The empty string is `''`. `force` quotes even plain values (needed where the
 * preceding text would join them: `~{{x}}`, `$NAME{{x}}`).
 *
 *   web → web     it's → 'it'\''s'     a b → 'a b'     "" → ''     a\b → 'a'\\'b'
 *
 * Control characters and `!` become `"$(printf '\ooo')"`: typed into a terminal, controls edit
 * the line or send signals, and interactive bash and zsh expand `!` from history wherever their
 * own simpler reading of the line thinks it unquoted. A line break stands alone as `'⏎'`, so no
 * typed line starts inside the value (bash reads `^x^y` at a line's start as a history
 * substitution), and such a value ends with `\⏎`, so the line after it starts unquoted for the
 * shell and its history expansion alike.
 */
export function quoteBare(value: string, force = false): string {
  const v = dropNul(value);
  if (v === "") return "''";
  if (!force && SAFE_BARE.test(v) && !RESERVED.has(v)) return v;
  const lines = v.includes("\n");
  let out = "";
  let run = "";
  const flush = () => {
    if (run) out += `'${run}'`;
    run = "";
  };
  for (const ch of v) {
    if (ch === "'" || ch === "\\") {
      flush();
      out += `\\${ch}`;
    } else if (ch === "\n") {
      flush();
      out += "'\n'";
    } else if (CONTROL.test(ch) || ch === "!") {
      flush();
      out += printfPiece(ch);
    } else {
      run += ch;
    }
  }
  flush();
  return lines ? `${out}\\\n` : out;
}

/** The one quoting other modules use to put a value into shell text. */
export function shellQuote(value: string): string {
  return quoteBare(value);
}

/**
 * A value inside the author's single quotes (`echo 'Starting {{.Project}}'`): everything stays
 * quoted; each `'` and `\` closes the quotes, is written escaped, and reopens them (`!` is
 * made by printf there, as in quoteBare). A value
 * holding line breaks or control characters closes the quotes, stands as a bare word, and
 * reopens them.
 *
 *   it's → it'\''s     a\b → a'\\'b
 */
export function quoteInSingle(value: string): string {
  const v = dropNul(value);
  if (CONTROL_OR_NEWLINE.test(v)) return `'${quoteBare(v, true)}'`;
  return v.replace(/['\\!]/g, (ch) => ch === "!" ? `'${BANG}'` : `'\\${ch}'`);
}

/**
 * A value inside the author's double quotes: `\`, `"` and `$` are backslash-escaped; a
 * backtick closes the double quotes and stands in single quotes (`"'`'"`), and `!` is made by
 * `$(printf '\041')`. A value holding line breaks or control characters closes the quotes,
 * stands as a bare word, and reopens them. `separate` starts with `""`, so the value cannot extend a `$NAME` written just
 * before it.
 */
export function quoteInDouble(value: string, separate = false): string {
  const v = dropNul(value);
  if (CONTROL_OR_NEWLINE.test(v)) return `"${quoteBare(v, true)}"`;
  const body = v.replace(/[\\"$`!]/g, (ch) => {
    if (ch === "!") return BANG.slice(1, -1);
    if (ch === "`") return `"'${ch}'"`;
    return `\\${ch}`;
  });
  return separate ? `""${body}` : body;
}

/**
 * A value inside a comment: a line break would end the comment and run the rest, so line breaks
 * and other control characters become spaces; the value is also quoted as a bare word, so a shell that scanned the comment
 * for a closing `)` or backtick would still find none.
 */
export function quoteInComment(value: string): string {
  // deno-lint-ignore no-control-regex
  return quoteBare(value.replace(/[\x01-\x1f\x7f]/g, " "));
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
