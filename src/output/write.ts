/** Writing rune's own output: synchronous, so progress lines never interleave. */
import type { Write } from "../contract/mod.ts";

export function streamWriter(stream: { writeSync(p: Uint8Array): number }): Write {
  const enc = new TextEncoder();
  return (text) => {
    const bytes = enc.encode(text);
    let off = 0;
    while (off < bytes.length) off += stream.writeSync(bytes.subarray(off));
  };
}
