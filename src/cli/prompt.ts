/**
 * Questions on a terminal: the question on stderr, the answer a line of stdin. Only for a
 * terminal: callers check `Deno.stdin.isTerminal()` first and refuse otherwise, so rune never
 * waits for an answer nobody can give.
 */

export interface Prompter {
  /** Asks `question`; the answer without its newline, or undefined at end of input (Ctrl-D). */
  ask(question: string): Promise<string | undefined>;
  /** A line for the person answering (a problem with the last answer). */
  say(line: string): void;
}

export function terminalPrompter(): Prompter {
  const encoder = new TextEncoder();
  const decoder = new TextDecoder();
  let pending = "";
  let ended = false;
  const write = (text: string) => {
    const bytes = encoder.encode(text);
    for (let off = 0; off < bytes.length;) off += Deno.stderr.writeSync(bytes.subarray(off));
  };
  return {
    async ask(question) {
      write(question);
      const buf = new Uint8Array(4096);
      while (!pending.includes("\n") && !ended) {
        const n = await Deno.stdin.read(buf);
        if (n === null) ended = true;
        else pending += decoder.decode(buf.subarray(0, n), { stream: true });
      }
      const at = pending.indexOf("\n");
      if (at < 0) {
        write("\n");
        return undefined;
      }
      const line = pending.slice(0, at).replace(/\r$/, "");
      pending = pending.slice(at + 1);
      return line;
    },
    say(line) {
      write(`${line}\n`);
    },
  };
}

/** Both ends a question needs are terminals: it can be seen, and answered. */
export function canAsk(): boolean {
  return Deno.stdin.isTerminal() && Deno.stderr.isTerminal();
}

/** Writes `question` to stderr and reads one line from stdin; undefined at end of input. */
export function askLine(question: string): Promise<string | undefined> {
  return terminalPrompter().ask(question);
}
