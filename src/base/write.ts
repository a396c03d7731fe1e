/**
 * Writing rune's own output: synchronous, so progress lines never interleave, and never fatal.
 * A stream whose reader is gone (`rune start --json | head -1`, a closed terminal) makes
 * `writeSync` throw (BrokenPipe, EIO): from then on, that stream's output stops and rune goes
 * on — the ritual is what matters, and there is nobody left to read. Here, not in src/output,
 * so that `--help` and usage errors print without loading the reporters (and, through them,
 * the executors and stores).
 */

export interface SyncStream {
  writeSync(p: Uint8Array): number;
}

/** Streams that failed a write: later writes to them are dropped. */
const gone = new WeakSet<SyncStream>();

/**
 * Writes all of `text` to `stream`, or, once a write has failed, nothing. Returns whether the
 * stream still takes output.
 */
export function writeOrStop(stream: SyncStream, text: string | Uint8Array): boolean {
  if (gone.has(stream)) return false;
  const bytes = typeof text === "string" ? new TextEncoder().encode(text) : text;
  try {
    let off = 0;
    while (off < bytes.length) off += stream.writeSync(bytes.subarray(off));
    return true;
  } catch (e) {
    // A missing permission is rune's bug, not a closed reader.
    if (e instanceof Deno.errors.NotCapable || !(e instanceof Error)) throw e;
    gone.add(stream);
    return false;
  }
}
