/**
 * Keeps the last lines of a child's combined output, bounded in lines and bytes, so a chatty
 * command cannot eat memory and a failure can still show what went wrong. Lines come out
 * printable: a command's colours, cursor moves or title sequences must not reach rune's own
 * display (they would break the redraw, or worse, drive the user's terminal).
 */
export class OutputTail {
  #lines: string[] = [];
  #partial = "";
  #decoder = new TextDecoder();
  readonly maxLines: number;
  readonly maxLineLength: number;

  constructor(maxLines = 20, maxLineLength = 400) {
    this.maxLines = maxLines;
    this.maxLineLength = maxLineLength;
  }

  push(chunk: Uint8Array): void {
    const text = this.#partial + this.#decoder.decode(chunk, { stream: true });
    const parts = text.split("\n");
    this.#partial = parts.pop() ?? "";
    if (this.#partial.length > this.maxLineLength * 4) {
      this.#partial = this.#partial.slice(-this.maxLineLength * 2);
    }
    for (const line of parts.slice(-this.maxLines)) this.#add(line);
  }

  /** The kept lines, oldest first, with an unterminated last line if any; printable only. */
  lines(): string[] {
    const all = this.#partial ? [...this.#lines, this.#partial] : [...this.#lines];
    return all.slice(-this.maxLines).map((l) => this.#clip(printable(l)));
  }

  /** The most recent non-empty line (what a live display shows under a running step). */
  lastLine(): string | undefined {
    for (const l of [this.#partial, ...[...this.#lines].reverse()]) {
      const p = printable(l).trim();
      if (p) return this.#clip(p);
    }
    return undefined;
  }

  #add(line: string): void {
    this.#lines.push(
      line.length > this.maxLineLength * 2 ? line.slice(0, this.maxLineLength * 2) : line,
    );
    if (this.#lines.length > this.maxLines) this.#lines.shift();
  }

  #clip(line: string): string {
    return line.length > this.maxLineLength ? `${line.slice(0, this.maxLineLength)}…` : line;
  }
}

// CSI (colours, cursor moves), OSC (titles, hyperlinks) and two-byte escapes.
// deno-lint-ignore no-control-regex
const ESCAPES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?|\x1b[@-Z\\-_]?/g;
// deno-lint-ignore no-control-regex
const CONTROLS = /[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]/g;

/**
 * What a terminal would leave visible of one line, without any control: escape sequences
 * dropped, a carriage return keeps only what was written after it (progress bars), tabs become
 * a space. Pure.
 */
export function printable(line: string): string {
  let s = line.endsWith("\r") ? line.slice(0, -1) : line;
  const cr = s.lastIndexOf("\r");
  if (cr >= 0) s = s.slice(cr + 1);
  return s.replace(ESCAPES, "").replaceAll("\t", " ").replace(CONTROLS, "");
}
