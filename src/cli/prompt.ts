/** One question to the person at the terminal. Callers ask only when stdin and stderr are one. */
import { writeQuietly } from "./write.ts";

/** Both ends a question needs are terminals: it can be seen, and answered. */
export function canAsk(): boolean {
  return Deno.stdin.isTerminal() && Deno.stderr.isTerminal();
}

/** Writes `question` to stderr and reads one line from stdin; undefined at end of input. */
export async function askLine(question: string): Promise<string | undefined> {
  writeQuietly(Deno.stderr, question);
  const decoder = new TextDecoder();
  const buffer = new Uint8Array(256);
  let text = "";
  while (!text.includes("\n")) {
    const n = await Deno.stdin.read(buffer);
    if (n === null) return text === "" ? undefined : text;
    text += decoder.decode(buffer.subarray(0, n), { stream: true });
  }
  return text.slice(0, text.indexOf("\n"));
}
