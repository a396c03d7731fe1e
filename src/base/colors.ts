/**
 * ANSI colours, on only for a terminal without NO_COLOR or --no-color. Own code rather than a
 * library: colour libraries read many environment variables at import time, and rune's
 * `--help` must work with no env permission at all (NO_COLOR is readable without one).
 */
export interface Colors {
  enabled: boolean;
  bold(s: string): string;
  dim(s: string): string;
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
}

export function makeColors(enabled: boolean): Colors {
  const wrap = (open: number, close: number) => (s: string) =>
    enabled ? `\x1b[${open}m${s}\x1b[${close}m` : s;
  return {
    enabled,
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    green: wrap(32, 39),
    yellow: wrap(33, 39),
    cyan: wrap(36, 39),
  };
}

/** Whether output to `stream` should be coloured: a terminal, no NO_COLOR, no --no-color. */
export function wantsColor(stream: "stdout" | "stderr", noColorFlag = false): boolean {
  if (noColorFlag || Deno.env.get("NO_COLOR")) return false;
  return stream === "stdout" ? Deno.stdout.isTerminal() : Deno.stderr.isTerminal();
}
