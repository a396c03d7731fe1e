/**
 * When a typed pane's shell reads input, so its commands are typed exactly once and nothing
 * else is (FACTS §3, notes/control_mode.md §2). Keys typed earlier are lost when an rc file
 * drains typeahead, and show twice when the tty echoes them before the line editor runs.
 *
 * bash ≥ 5.1, zsh ≥ 5.1 and fish switch on bracketed paste (ESC[?2004h) when their line
 * editor starts reading, after the whole rc file and PROMPT_COMMAND/precmd. The build pipes
 * each typed pane's output (pipe-pane, in the same command list as the pane, so from its first
 * byte) into DIR/KEY.out, and this watches those files: a pane is ready on that sequence, and
 * nothing but its commands is ever typed, so it shows the prompt and the commands only.
 *
 * A shell that never sends it (dash, bracketed paste turned off), or a pane whose output rune
 * could not pipe (the user's own pipe-pane), gets the marker line instead once it has printed
 * and gone quiet: the marker touches DIR/KEY and clears the screen and scrollback it ran on.
 * It can be retyped any number of times, so slow and lost never need telling apart. Watching
 * costs no tmux process. Needs --allow-read on DIR.
 *
 * A pane that runs a program instead of a shell (a template's `shell:`: python, vim, top) must
 * never get the marker, which is shell text: it is ready on READING (vim says so too), else
 * once it has printed and gone quiet where a shell would get the marker ("quiet").
 */

/** What bash, zsh and fish print when their line editor starts reading a line. */
export const READING = "\x1b[?2004h";

export interface ReadyPane {
  key: string;
  /** rune's pipe-pane is open on it (close it before typing). */
  piped: boolean;
  /**
   * "editor": the line editor is reading; "marker": the marker ran; "quiet": a program pane
   * printed and went quiet; "deadline": none of these in time.
   */
  how: "editor" | "marker" | "quiet" | "deadline";
}

export interface HandshakeOptions {
  /** Types the marker line into these panes (one tmux call for all). */
  typeMarkers(keys: string[]): Promise<void>;
  /** Panes that run a program, not a shell: never typed the marker (see the module doc). */
  programs?: ReadonlySet<string>;
  /** These panes read input now: type their commands. */
  ready(panes: ReadyPane[]): Promise<void>;
  /** Give up waiting after this long (default 15 s): the rest are typed anyway. */
  deadlineMs?: number;
  /**
   * No READING yet, output seen, then none for this long: the marker. 150 ms after what looks
   * like a prompt (output not ending in a newline: a line editor would have said so with it),
   * 1 s after a line an rc printed (default { prompt: 150, line: 1000 }).
   */
  quietMs?: { prompt: number; line: number };
  /** Nothing printed at all for this long: the marker (default 8 s; slow rc files are common). */
  silentMs?: number;
  /**
   * Panes that are ready wait for the others this long at most, so most builds type in one
   * tmux call (default 250 ms).
   */
  batchMs?: number;
  /** No pipe file this long after the build: rune's pipe is not open (default 500 ms). */
  noPipeMs?: number;
  /** First retype of a marker that did not run after this long (default 1 s), then 2×. */
  retypeEveryMs?: number;
  /** Poll interval (default 5 ms, longer for many panes). */
  pollMs?: number;
  now?: () => number;
  /** Stop waiting (Ctrl-C): the result lists the panes not typed. */
  signal?: AbortSignal;
}

export interface HandshakeResult {
  /** In the order they became ready; "deadline" ones were typed anyway. */
  ready: ReadyPane[];
  /** Left untyped (Ctrl-C). */
  untyped: ReadyPane[];
  /** How many times a marker was typed. */
  markers: number;
}

interface Watch {
  key: string;
  size: number;
  piped: boolean;
  printed: boolean;
  /** The last output ended a line (an rc's output, not a prompt). */
  lineEnded: boolean;
  lastOutput: number;
  /** When the marker was last typed, and when to retype it. */
  marker?: { next: number; tries: number };
}

/** Waits for each pane in `keys`, handing each to `ready` as soon as it reads input. */
export async function awaitPanes(
  dir: string,
  keys: readonly string[],
  options: HandshakeOptions,
): Promise<HandshakeResult> {
  const now = options.now ?? Date.now;
  const start = now();
  const deadline = start + (options.deadlineMs ?? 15_000);
  const every = options.retypeEveryMs ?? 1000;
  const pollMs = options.pollMs ?? Math.max(5, Math.ceil(keys.length / 10));
  const pending: Watch[] = keys.map((key) => ({
    key,
    size: 0,
    piped: false,
    printed: false,
    lineEnded: false,
    lastOutput: start,
  }));
  const result: HandshakeResult = { ready: [], untyped: [], markers: 0 };
  const waiting: ReadyPane[] = [];
  let since = 0;
  while ((pending.length || waiting.length) && !options.signal?.aborted) {
    const t = now();
    const markers: Watch[] = [];
    for (const w of [...pending]) {
      let how = t >= deadline ? "deadline" : check(dir, w, t);
      const quiet = !how && options.programs?.has(w.key) && wantsMarker(w, t, start, options);
      if (quiet) how = "quiet";
      if (how) {
        if (!waiting.length) since = t;
        waiting.push({ key: w.key, piped: w.piped, how });
        pending.splice(pending.indexOf(w), 1);
      } else if (wantsMarker(w, t, start, options)) markers.push(w);
    }
    if (waiting.length && (!pending.length || t - since >= (options.batchMs ?? 250))) {
      const batch = waiting.splice(0);
      result.ready.push(...batch);
      await options.ready(batch);
    }
    if (markers.length && !options.signal?.aborted) {
      for (const w of markers) {
        const tries = (w.marker?.tries ?? 0) + 1;
        // Backing off bounds the clutter a slow (not lost) shell gets.
        w.marker = { tries, next: t + every * 2 ** (tries - 1) };
      }
      result.markers += markers.length;
      await options.typeMarkers(markers.map((w) => w.key));
    }
    if (pending.length) await new Promise((r) => setTimeout(r, pollMs));
  }
  result.untyped = [
    ...waiting,
    ...pending.map((w): ReadyPane => ({ key: w.key, piped: w.piped, how: "deadline" })),
  ];
  return result;
}

/** Reads what the pane printed since the last look; how it is ready, if it is. */
function check(dir: string, w: Watch, t: number): ReadyPane["how"] | undefined {
  if (w.marker && exists(`${dir}/${w.key}`)) return "marker";
  let size: number;
  try {
    size = Deno.statSync(`${dir}/${w.key}.out`).size;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return undefined;
  }
  w.piped = true;
  if (size === w.size) return undefined;
  w.size = size;
  w.printed = true;
  w.lastOutput = t;
  const text = new TextDecoder().decode(Deno.readFileSync(`${dir}/${w.key}.out`));
  w.lineEnded = /\n$/.test(text);
  return text.includes(READING) ? "editor" : undefined;
}

function wantsMarker(w: Watch, t: number, start: number, o: HandshakeOptions): boolean {
  if (w.marker) return t >= w.marker.next;
  if (!w.piped) return t - start >= (o.noPipeMs ?? 500);
  if (w.printed) {
    const quiet = o.quietMs ?? { prompt: 150, line: 1000 };
    return t - w.lastOutput >= (w.lineEnded ? quiet.line : quiet.prompt);
  }
  return t - start >= (o.silentMs ?? 8000);
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}
