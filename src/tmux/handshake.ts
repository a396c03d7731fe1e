/**
 * Typed input is lost when a pane's rc file drains typeahead (FACTS §3). So rune types only a
 * harmless marker line first; a pane whose marker file appears has a shell that reads input,
 * and only then gets its commands. A marker can be retyped any number of times (it only
 * touches a file), so "slow" and "lost" never need telling apart: nothing is typed twice.
 */

export interface HandshakeOptions {
  /** Retypes the markers of these panes (one tmux call for all). */
  retype(keys: string[]): Promise<void>;
  /** Give up waiting after this long (default 15 s). */
  deadlineMs?: number;
  /** Retype missing markers this often (default 1 s). */
  retypeEveryMs?: number;
  /** Poll interval (default 10 ms). */
  pollMs?: number;
  now?: () => number;
}

export interface HandshakeResult {
  ready: string[];
  /** Panes that never answered by the deadline. */
  silent: string[];
  /** How many retype rounds were needed. */
  retypes: number;
}

/** Waits until a file named after each key exists in `dir`. Needs --allow-read on `dir`. */
export async function awaitMarkers(
  dir: string,
  keys: readonly string[],
  options: HandshakeOptions,
): Promise<HandshakeResult> {
  const now = options.now ?? Date.now;
  const start = now();
  const deadline = start + (options.deadlineMs ?? 15_000);
  const every = options.retypeEveryMs ?? 1000;
  const pending = new Set(keys);
  let nextRetype = start + every;
  let retypes = 0;
  while (pending.size) {
    for (const entry of Deno.readDirSync(dir)) pending.delete(entry.name);
    if (!pending.size) break;
    const t = now();
    if (t >= deadline) break;
    if (t >= nextRetype) {
      retypes++;
      await options.retype([...pending]);
      nextRetype = t + every;
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 10));
  }
  return { ready: keys.filter((k) => !pending.has(k)), silent: [...pending], retypes };
}
