/**
 * The state of shell_context.ts's lexer: one frame per open quote, substitution or comment.
 */

/** Where a value goes, and how many backtick substitutions enclose it. */
export type ShellPlacement =
  | { kind: "bare"; force: boolean; layers: number }
  | { kind: "single"; layers: number }
  | { kind: "double"; separate: boolean; layers: number }
  | { kind: "comment"; layers: number }
  /** `hint`: a fix particular to this reason (else: assign the value to a variable first). */
  | { kind: "unsupported"; reason: string; hint?: string };

export type CmdFrame = {
  kind: "cmd";
  start: number;
  /** Inside `$(…)`: a `)` at depth 0 closes it. */
  sub: boolean;
  depth: number;
  /** The current word's unquoted characters; quoted parts and placeholders are "\0". */
  word: string;
  escape: boolean;
  dollar: boolean;
  dollarAt: number;
  dollarParen: boolean;
  paramName: boolean;
  /** Consecutive `<` just read. */
  lt: number;
  /** Here-document delimiter: 0 none, 1 expected next, 2 being read. */
  delimiter: 0 | 1 | 2;
};
export type DoubleFrame = {
  kind: "double";
  start: number;
  locale: boolean;
  escape: boolean;
  dollar: boolean;
  dollarAt: number;
  dollarParen: boolean;
  paramName: boolean;
};
export type Frame =
  | CmdFrame
  | DoubleFrame
  | { kind: "single"; start: number }
  | { kind: "ansi"; start: number; escape: boolean }
  | { kind: "comment"; start: number }
  | { kind: "param"; start: number; inDouble: boolean; escape: boolean; dollar: boolean }
  | { kind: "arith"; start: number; depth: number; closing: boolean }
  | { kind: "backtick"; start: number; inner: InnerLexer; escape: boolean; inDouble: boolean };

export const UNCLOSED: Record<Frame["kind"], string> = {
  cmd: `"$(" is never closed`,
  double: "a double-quoted string is never closed",
  single: "a single-quoted string is never closed",
  ansi: `"$'" is never closed`,
  comment: "",
  param: `"\${" is never closed`,
  arith: `"$((" is never closed`,
  backtick: "a backtick substitution is never closed",
};

export const NAME_START = /[A-Za-z_]/;
export const NAME_CHAR = /[A-Za-z0-9_]/;
export const SPECIAL_PARAM = /[0-9?#$!*@-]/;

export function cmdFrame(start: number, sub: boolean): CmdFrame {
  return {
    kind: "cmd",
    start,
    sub,
    depth: 0,
    word: "",
    escape: false,
    dollar: false,
    dollarAt: start,
    dollarParen: false,
    paramName: false,
    lt: 0,
    delimiter: 0,
  };
}

export function doubleFrame(start: number, locale: boolean): DoubleFrame {
  return {
    kind: "double",
    start,
    locale,
    escape: false,
    dollar: false,
    dollarAt: start,
    dollarParen: false,
    paramName: false,
  };
}

/** What a backtick frame needs of the lexer reading its inside. */
export interface InnerLexer {
  feedChar(ch: string, offset: number): void;
  placeholder(): ShellPlacement;
}
