/** Runs `fn` over `items` with `workers` at a time; worker i gets its own index (and state). */
export async function pool<T>(
  items: readonly T[],
  workers: number,
  fn: (item: T, index: number, worker: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(workers, items.length) }, async (_, worker) => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i], i, worker);
      }
    }),
  );
}

/** `bytes` with every occurrence of the ASCII `from` replaced by `to` (raw bytes kept). */
export function replaceBytes(bytes: Uint8Array, from: string, to: string): Uint8Array {
  const f = new TextEncoder().encode(from);
  const t = new TextEncoder().encode(to);
  const out: number[] = [];
  for (let i = 0; i < bytes.length;) {
    if (f.every((b, k) => bytes[i + k] === b)) {
      out.push(...t);
      i += f.length;
    } else {
      out.push(bytes[i++]);
    }
  }
  return new Uint8Array(out);
}
