/**
 * Keeps the last lines of a child's combined output, bounded in lines and bytes, so a chatty
 * command cannot eat memory and a failure can still show what went wrong.
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
    const parts = text.split(/\r?\n/);
    this.#partial = parts.pop() ?? "";
    if (this.#partial.length > this.maxLineLength * 4) {
      this.#partial = this.#partial.slice(0, this.maxLineLength + 1);
    }
    for (const line of parts.slice(-this.maxLines)) this.#add(line);
  }

  /** The kept lines, oldest first, with an unterminated last line if any. */
  lines(): string[] {
    const all = this.#partial ? [...this.#lines, this.#partial] : [...this.#lines];
    return all.slice(-this.maxLines).map((l) => this.#clip(l));
  }

  #add(line: string): void {
    this.#lines.push(line);
    if (this.#lines.length > this.maxLines) this.#lines.shift();
  }

  #clip(line: string): string {
    return line.length > this.maxLineLength ? `${line.slice(0, this.maxLineLength)}…` : line;
  }
}
