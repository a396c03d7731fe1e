/**
 * Typed input is lost when a pane's rc file drains typeahead (FACTS §3). So rune types only a
 * harmless marker line first; a pane whose marker file appears has a shell that reads input,
 * and only then gets its commands. A marker can be retyped any number of times (it only
 * touches a file), so "slow" and "lost" never need telling apart: a command is typed exactly
 * once, into a shell that has proved it reads input, and a slow shell at worst runs a spare
 * marker. Watching costs no tmux process: the panes' shells write the files.
 */

export interface HandshakeOptions {
  /** Retypes the markers of these panes (one tmux call for all). */
  retype(keys: string[]): Promise<void>;
  /** Give up waiting after this long (default 15 s). */
  deadlineMs?: number;
  /** First retype of missing markers after this long (default 1 s), then twice as long each time. */
  retypeEveryMs?: number;
  /** Poll interval (default 3 ms: a readdir of a tiny dir costs microseconds). */
  pollMs?: number;
  now?: () => number;
  /** Stop waiting (Ctrl-C): the result lists the panes still silent. */
  signal?: AbortSignal;
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
  while (pending.size && !options.signal?.aborted) {
    for (const entry of Deno.readDirSync(dir)) pending.delete(entry.name);
    if (!pending.size) break;
    const t = now();
    if (t >= deadline) break;
    if (t >= nextRetype) {
      retypes++;
      await options.retype([...pending]);
      // Backing off bounds the clutter a slow (not lost) shell gets: a 5 s rc sees 2 retypes.
      nextRetype = t + every * 2 ** retypes;
    }
    await new Promise((r) => setTimeout(r, options.pollMs ?? 3));
  }
  return { ready: keys.filter((k) => !pending.has(k)), silent: [...pending], retypes };
}
