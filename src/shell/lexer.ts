/**
 * Which quoting context a placeholder stands in, found by reading the author's command text up
 * to it with a small POSIX-sh lexer. Pure.
 *
 * The lexer reads only the author's text; a value, once escaped for its context, leaves the
 * shell in the same state it found it, so placeholders are treated as one opaque word piece.
 * Where shells disagree, or where rune cannot be sure how the text is read (here-documents,
 * `case` inside `$(…)`, `$'…'` holding `\'`, `$[…]`), every later placeholder is refused rather
 * than guessed: a wrong guess would let a value's quotes close the author's.
 */

import { cmdFrame, doubleFrame, NAME_CHAR, NAME_START, SPECIAL_PARAM, UNCLOSED } from "./frames.ts";
import type { CmdFrame, DoubleFrame, Frame, ShellPlacement } from "./frames.ts";
import { placementAt } from "./placement.ts";

export type { ShellPlacement } from "./frames.ts";

const ARITHMETIC = "it comes after ((, [[ or let, where bash evaluates even quoted values as " +
  "arithmetic (and a[$(cmd)] runs cmd)";

export class ShellLexer {
  #stack: Frame[] = [cmdFrame(0, false)];
  #uncertain: string | undefined;
  /** A `<<` was read: what follows the end of its line is a here-document body. */
  #heredoc = false;
  /** The last character of a command frame was an unquoted `(` opening a word. */
  #paren = false;

  /** Reads author text; `offsetOf(i)` is where `text[i]` sits in the field (for problems). */
  feed(text: string, offsetOf: (i: number) => number = (i) => i): void {
    for (let i = 0; i < text.length; i++) this.feedChar(text[i], offsetOf(i));
  }

  /** The context of a placeholder here; the placeholder then counts as one word piece. */
  placeholder(): ShellPlacement {
    this.#settle();
    return placementAt(this.#stack, this.#uncertain);
  }

  /** What is left open at the end of the text (an unclosed quote…), if anything. */
  unclosed(): { reason: string; offset: number } | undefined {
    this.#settle();
    for (let n = this.#stack.length - 1; n >= 1; n--) {
      const f = this.#stack[n];
      if (f.kind !== "comment") return { reason: UNCLOSED[f.kind], offset: f.start };
    }
    return undefined;
  }

  get #top(): Frame {
    return this.#stack[this.#stack.length - 1];
  }

  #push(frame: Frame): void {
    this.#stack.push(frame);
  }

  #pop(): void {
    if (this.#stack.length > 1) this.#stack.pop();
  }

  #setUncertain(reason: string): void {
    this.#uncertain ??= reason;
  }

  /** Resolves what a pending `$(` or `<<` means before a placeholder or the end. */
  #settle(): void {
    const f = this.#top;
    if (f.kind === "cmd") this.#endOperator(f);
    if ((f.kind === "cmd" || f.kind === "double") && f.dollarParen) {
      f.dollarParen = false;
      this.#push(cmdFrame(f.dollarAt, true));
    }
  }

  feedChar(ch: string, offset: number): void {
    const f = this.#top;
    switch (f.kind) {
      case "cmd":
        return this.#cmd(f, ch, offset);
      case "double":
        return this.#double(f, ch, offset);
      case "single":
        if (ch === "'") this.#pop();
        return;
      case "ansi":
        if (f.escape) {
          f.escape = false;
          // bash reads \' as a quote; dash ends the string there.
          if (ch === "'") this.#setUncertain(`it comes after $'…' holding \\'`);
        } else if (ch === "\\") f.escape = true;
        else if (ch === "'") this.#pop();
        return;
      case "comment":
        if (ch === "\n") {
          this.#pop();
          this.feedChar(ch, offset);
        }
        return;
      case "param":
        return this.#param(f, ch, offset);
      case "arith":
        return this.#arith(f, ch);
      case "backtick":
        if (f.escape) {
          f.escape = false;
          if (ch !== "$" && ch !== "`" && ch !== "\\") f.inner.feedChar("\\", offset);
          f.inner.feedChar(ch, offset);
        } else if (ch === "\\") f.escape = true;
        else if (ch === "`") this.#pop();
        else f.inner.feedChar(ch, offset);
        return;
    }
  }

  #cmd(f: CmdFrame, ch: string, offset: number): void {
    const afterParen = this.#paren;
    this.#paren = false;
    if (f.escape) {
      f.escape = false;
      if (ch !== "\n") f.word += "\0";
      return;
    }
    if (f.dollarParen) return this.#afterDollarParen(f, ch, offset);
    if (f.dollar) {
      f.dollar = false;
      if (this.#afterDollar(f, ch, false)) return;
      f.word += "$";
    }
    if (f.paramName) {
      if (NAME_CHAR.test(ch)) {
        f.word += ch;
        return;
      }
      f.paramName = false;
    }
    if (ch !== "<") this.#endOperator(f);
    if (f.delimiter === 1 && ch !== " " && ch !== "\t" && ch !== "-") f.delimiter = 2;
    switch (ch) {
      case "\\":
        f.escape = true;
        return;
      case "'":
        f.word += "\0";
        return this.#push({ kind: "single", start: offset });
      case '"':
        f.word += "\0";
        return this.#push(doubleFrame(offset, false));
      case "`":
        f.word += "\0";
        return this.#push(this.#backtick(offset, false));
      case "$":
        f.dollar = true;
        f.dollarAt = offset;
        return;
      case "#":
        if (f.word === "") return this.#push({ kind: "comment", start: offset });
        f.word += ch;
        return;
      case " ":
      case "\t":
        return this.#endWord(f);
      case "\n":
        this.#endWord(f);
        if (this.#heredoc) this.#setUncertain("it comes after a here-document (<<)");
        return;
      case "<":
        this.#endWord(f);
        f.lt++;
        return;
      case ";":
      case "&":
      case "|":
      case ">":
        return this.#endWord(f);
      case "(":
        // bash's `(( … ))` evaluates its words as arithmetic, quoted or not: a value like
        // a[$(cmd)] would run cmd. dash reads two subshells; rune cannot know the pane's shell.
        if (afterParen) this.#setUncertain(ARITHMETIC);
        this.#paren = f.word === "";
        this.#endWord(f);
        if (f.sub) f.depth++;
        return;
      case ")":
        this.#endWord(f);
        if (f.sub && f.depth === 0) return this.#pop();
        if (f.sub) f.depth--;
        return;
      default:
        f.word += ch;
    }
  }

  /** `<<` (or `<<-`) makes the next word a here-document delimiter; `<<<` is a here-string. */
  #endOperator(f: CmdFrame): void {
    if (f.lt === 2) {
      this.#heredoc = true;
      f.delimiter = 1;
    }
    f.lt = 0;
  }

  #endWord(f: CmdFrame): void {
    // `[[ x -eq y ]]`, `let` and `declare -i` evaluate quoted values as arithmetic in bash.
    if (f.word === "[[" || f.word === "let") this.#setUncertain(ARITHMETIC);
    if (f.word === "case" && this.#stack.some((s) => s.kind === "cmd" && s.sub)) {
      // A case pattern's `)` would close rune's idea of the `$(` early.
      this.#setUncertain("it comes after case inside $(…)");
    }
    f.word = "";
    if (f.delimiter === 2) f.delimiter = 0;
  }

  /** After `$(`: `$((` opens arithmetic, anything else a command substitution. */
  #afterDollarParen(f: CmdFrame | DoubleFrame, ch: string, offset: number): void {
    f.dollarParen = false;
    if (ch === "(") {
      return this.#push({ kind: "arith", start: f.dollarAt, depth: 0, closing: false });
    }
    this.#push(cmdFrame(f.dollarAt, true));
    return this.feedChar(ch, offset);
  }

  /** The character after `$`; true when it was consumed as part of an expansion. */
  #afterDollar(f: CmdFrame | DoubleFrame, ch: string, inDouble: boolean): boolean {
    if (ch === "(") {
      f.dollarParen = true;
      if (f.kind === "cmd") f.word += "\0";
      return true;
    }
    if (ch === "{") {
      if (f.kind === "cmd") f.word += "\0";
      this.#push({ kind: "param", start: f.dollarAt, inDouble, escape: false, dollar: false });
      return true;
    }
    if (ch === "[") {
      this.#setUncertain("it comes after $[…]");
      return false;
    }
    if (!inDouble && ch === "'") {
      if (f.kind === "cmd") f.word += "\0";
      this.#push({ kind: "ansi", start: f.dollarAt, escape: false });
      return true;
    }
    if (!inDouble && ch === '"') {
      if (f.kind === "cmd") f.word += "\0";
      this.#push(doubleFrame(f.dollarAt, true));
      return true;
    }
    if (NAME_START.test(ch)) {
      f.paramName = true;
      if (f.kind === "cmd") f.word += `$${ch}`;
      return true;
    }
    if (SPECIAL_PARAM.test(ch)) {
      if (f.kind === "cmd") f.word += `$${ch}`;
      return true;
    }
    return false;
  }

  #double(f: DoubleFrame, ch: string, offset: number): void {
    if (f.escape) {
      f.escape = false;
      return;
    }
    if (f.dollarParen) return this.#afterDollarParen(f, ch, offset);
    if (f.dollar) {
      f.dollar = false;
      if (this.#afterDollar(f, ch, true)) return;
    }
    if (f.paramName) {
      if (NAME_CHAR.test(ch)) return;
      f.paramName = false;
    }
    if (ch === "\\") f.escape = true;
    else if (ch === '"') this.#pop();
    else if (ch === "$") {
      f.dollar = true;
      f.dollarAt = offset;
    } else if (ch === "`") this.#push(this.#backtick(offset, true));
  }

  #param(
    f: { kind: "param"; inDouble: boolean; escape: boolean; dollar: boolean },
    ch: string,
    offset: number,
  ): void {
    if (f.escape) {
      f.escape = false;
      return;
    }
    if (f.dollar) {
      f.dollar = false;
      if (ch === "(") {
        this.#setUncertain("it comes after $(…) inside ${…}");
        return;
      }
      if (ch === "{") return this.#push({ ...f, start: offset, escape: false, dollar: false });
    }
    if (ch === "\\") f.escape = true;
    else if (ch === "}") this.#pop();
    else if (ch === "$") f.dollar = true;
    else if (ch === '"') this.#push(doubleFrame(offset, false));
    else if (ch === "`") this.#push(this.#backtick(offset, f.inDouble));
    else if (ch === "'") {
      // Inside "${…}" shells disagree whether ' quotes; outside it always does.
      if (f.inDouble) this.#setUncertain('it comes after \' inside "${…}"');
      else this.#push({ kind: "single", start: offset });
    } else if (ch === "{") this.#setUncertain("it comes after { inside ${…}");
  }

  #arith(f: { kind: "arith"; depth: number; closing: boolean }, ch: string): void {
    if (f.closing) {
      f.closing = false;
      if (ch === ")") return this.#pop();
      this.#setUncertain("it comes after $((…))");
      return;
    }
    if (ch === "(") f.depth++;
    else if (ch === ")") {
      if (f.depth > 0) f.depth--;
      else f.closing = true;
    } else if (/['"`;\n#\\]/.test(ch)) this.#setUncertain("it comes after $((…))");
  }

  #backtick(start: number, inDouble: boolean): Frame {
    return { kind: "backtick", start, inner: new ShellLexer(), escape: false, inDouble };
  }
}
