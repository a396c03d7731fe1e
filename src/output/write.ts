/**
 * Writing rune's own output: writeOrStop (src/base/write.ts: synchronous, and stopped, not
 * fatal, once a stream's reader is gone), and a Write over it for the reporters.
 */
import type { Write } from "../contract/mod.ts";
import { writeOrStop } from "../base/mod.ts";
import type { SyncStream } from "../base/mod.ts";

export { writeOrStop };

/** A Write for `stream` (Deno.stdout, Deno.stderr) that stops once the stream is gone. */
export function streamWriter(stream: SyncStream): Write {
  return (text) => writeOrStop(stream, text);
}
