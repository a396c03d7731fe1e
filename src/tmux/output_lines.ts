/**
 * One pane's output bytes as lines of plain text, for readiness conditions that match a regex
 * against what a pane prints (`ready: {output: REGEX}`). Pure. Fed from `%output` events
 * (control_protocol.ts re-exports it), or from any other byte stream of a terminal program.
 */

type Scan = "text" | "cr" | "esc" | "esc-inter" | "csi" | "osc" | "osc-esc" | "str" | "str-esc";

/**
 * Assembles one pane's output bytes into lines of plain text, for `ready: {output: REGEX}`.
 * Pure and stateful: a character split across two `%output` events, an escape sequence cut
 * between them and a line printed in pieces all come out whole. Escape sequences (colours,
 * cursor moves, titles) are dropped and a backspace removes the character before it. "\n", "\r\n"
 * and a lone "\r" each end a line, so a progress bar redrawn with "\r" yields every state it
 * showed: a regex sees all the text a program printed, not only what is left on screen.
 */
export class OutputLines {
  #utf8 = new TextDecoder();
  #line = "";
  #scan: Scan = "text";
  #max: number;

  /** `maxLineLength` (default 64 KiB) ends a line that never ends, so memory stays bounded. */
  constructor(options: { maxLineLength?: number } = {}) {
    this.#max = options.maxLineLength ?? 64 * 1024;
  }

  /** The lines that `data` completes. */
  push(data: Uint8Array): string[] {
    const out: string[] = [];
    for (const ch of this.#utf8.decode(data, { stream: true })) this.#char(ch, out);
    return out;
  }

  /** The unfinished line: a prompt waiting on its own line ("Password: ") is only here. */
  get pending(): string {
    return this.#line;
  }

  #char(ch: string, out: string[]): void {
    switch (this.#scan) {
      case "cr":
        this.#scan = "text";
        if (ch === "\n") return;
        break;
      case "esc":
        this.#scan = ch === "["
          ? "csi"
          : ch === "]"
          ? "osc"
          : "P_^X".includes(ch)
          ? "str"
          : ch >= " " && ch <= "/"
          ? "esc-inter"
          : "text";
        return;
      case "esc-inter":
        if (ch >= "0" && ch <= "~") this.#scan = "text";
        return;
      case "csi":
        if (ch >= "@" && ch <= "~") this.#scan = "text";
        return;
      case "osc":
      case "str":
        if (ch === "\x1b") this.#scan = this.#scan === "osc" ? "osc-esc" : "str-esc";
        else if (ch === "\x07" && this.#scan === "osc") this.#scan = "text";
        return;
      case "osc-esc":
      case "str-esc":
        // ESC \ ends the string; any other ESC sequence ends it too and starts anew.
        this.#scan = "esc";
        if (ch === "\\") this.#scan = "text";
        else this.#char(ch, out);
        return;
    }
    if (ch === "\x1b") this.#scan = "esc";
    else if (ch === "\n") this.#end(out);
    else if (ch === "\r") {
      this.#end(out);
      this.#scan = "cr";
    } else if (ch === "\b") {
      const last = this.#line.charCodeAt(this.#line.length - 1);
      this.#line = this.#line.slice(0, last >= 0xdc00 && last <= 0xdfff ? -2 : -1);
    } else if (ch === "\t" || (ch >= " " && ch !== "\x7f" && !(ch >= "\x80" && ch <= "\x9f"))) {
      this.#line += ch;
      if (this.#line.length >= this.#max) this.#end(out);
    }
  }

  #end(out: string[]): void {
    out.push(this.#line);
    this.#line = "";
  }
}
