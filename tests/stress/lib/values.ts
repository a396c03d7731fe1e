/**
 * The hostile values of issue 18: shell metacharacters, `$(…)`, backticks, quotes, newlines,
 * NUL, ESC, `..`, tmux targets and formats, a trailing `;`, key names, leading dashes, a
 * 5,000-character value, Unicode tricks. Every value that would run something if it escaped
 * creates a file named `pwned…` where it ran (world.ts looks for them).
 */
import { HOSTILE } from "../../templates/hostile_values.ts";

const TMUX: string[] = [
  "a:b.c",
  "=x",
  "%1",
  "$1",
  "@1",
  "{last}",
  "!",
  "#(touch pwned-tmux)",
  "#{pane_id}",
  "#[fg=red]x",
  "##(touch pwned-tmux2)",
  "x;",
  ";",
  "x\\;",
  "a ; run-shell 'touch pwned-rs'",
  "Enter",
  "C-c",
  "-t",
  "--",
  "-e",
  "-",
];

const UNICODE: string[] = [
  "a\u200bb", // zero width space
  "\u202eevil\u202c", // bidi override
  "\u2066iso\u2069",
  "e\u0301", // combining
  "ＦＵＬＬ", // full width
  "\u{1f600}\u{1f468}\u200d\u{1f469}", // emoji, ZWJ
  "\ufeffbom",
  "\u00a0nbsp",
  "İı",
];

const CONTROLS: string[] = [
  "\x1b]0;title\x07",
  "\x1b[8mhidden",
  "a\rtouch pwned-cr",
  "\x00nul",
  "a\x00$(touch pwned-nul)",
  "\x04eot",
  "\x1a",
  "\x7f",
];

/** 5,000 characters, with something to run at the end. */
const LONG = `${"x".repeat(4_980)}$(touch pwned-long)`;

/** Every hostile value, once. */
export const VALUES: string[] = [...new Set([...HOSTILE, ...TMUX, ...UNICODE, ...CONTROLS, LONG])];

/** Values that can be a program's argument or an environment value (no NUL). */
export const ARGV_VALUES = VALUES.filter((v) => !v.includes("\0"));

/** Shortened and escaped for a report line. */
export function label(v: string): string {
  const s = JSON.stringify(v.length > 40 ? `${v.slice(0, 20)}…(${v.length})` : v);
  return s;
}
