/**
 * When a typed pane's shell reads input, so its commands are typed exactly once and nothing
 * else is (FACTS §3, notes/control_mode.md §2). Keys typed earlier are lost when an rc file
 * drains typeahead, and show twice when the tty echoes them before the line editor runs.
 *
 * bash ≥ 5.1, zsh ≥ 5.1 and fish switch on bracketed paste (ESC[?2004h) when their line
 * editor starts reading, after the whole rc file and PROMPT_COMMAND/precmd. rune sees each
 * typed pane's output from its first byte, through the build's control client (%output) or,
 * when control mode is not usable, through a pipe-pane file (DIR/KEY.out, see fileSource): a
 * pane is ready on that sequence, and nothing but its commands is ever typed, so it shows the
 * prompt and the commands only.
 *
 * A shell that never sends it (dash, bracketed paste turned off), or a pane whose output rune
 * could not pipe (the user's own pipe-pane), gets the marker line instead once it has printed
 * and gone quiet: the marker clears the screen and scrollback it ran on and signals rune (an
 * OSC sequence in its output, or a file it touches). It can be retyped any number of times,
 * so slow and lost never need telling apart.
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

/** What rune has seen of one pane's output so far. */
export interface PaneLook {
  /** rune sees this pane's output (the control client, or its pipe file exists). */
  watched: boolean;
  /** How much it printed: a change means new output. */
  bytes: number;
  /** The last output ended a line (an rc's output, not a prompt). */
  lineEnded: boolean;
  /** Its line editor said it reads (READING). */
  reading: boolean;
  /** rune's marker line ran in it. */
  marker: boolean;
}

/** Where the handshake looks: the control client's view, or pipe-pane files (fileSource). */
export interface PaneSource {
  look(key: string): PaneLook;
  /** rune's pipe-pane is open on watched panes (close it before typing). */
  pipes: boolean;
  /** Waits `ms`, or less when new output came (default: a timer). */
  wait?(ms: number): Promise<void>;
}

export interface HandshakeOptions {
  /** Panes that run a program, not a shell: never typed the marker (see the module doc). */
  programs?: ReadonlySet<string>;
  /** Types the marker line into these panes (one tmux call for all). */
  typeMarkers(keys: string[]): Promise<void>;
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
  source: PaneSource,
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
      let how = t >= deadline ? "deadline" : check(source, w, t);
      const quiet = !how && options.programs?.has(w.key) && wantsMarker(w, t, start, options);
      if (quiet) how = "quiet";
      if (how) {
        if (!waiting.length) since = t;
        waiting.push({ key: w.key, piped: w.piped && source.pipes, how });
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
    if (pending.length) {
      await (source.wait ? source.wait(pollMs) : new Promise((r) => setTimeout(r, pollMs)));
    }
  }
  result.untyped = [
    ...waiting,
    ...pending.map((w): ReadyPane => ({
      key: w.key,
      piped: w.piped && source.pipes,
      how: "deadline",
    })),
  ];
  return result;
}

/** What the pane printed since the last look; how it is ready, if it is. */
function check(source: PaneSource, w: Watch, t: number): ReadyPane["how"] | undefined {
  const look = source.look(w.key);
  if (w.marker && look.marker) return "marker";
  if (!look.watched) return undefined;
  w.piped = true;
  if (look.bytes === w.size) return undefined;
  w.size = look.bytes;
  w.printed = true;
  w.lastOutput = t;
  w.lineEnded = look.lineEnded;
  return look.reading ? "editor" : undefined;
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

/**
 * Typed panes' output in pipe-pane files: DIR/KEY.out (from the build's pipe-pane), and the
 * marker's file DIR/KEY. Needs --allow-read on DIR.
 */
export function fileSource(dir: string): PaneSource {
  const seen = new Map<string, { size: number; look: PaneLook }>();
  return {
    pipes: true,
    look(key) {
      const marker = exists(`${dir}/${key}`);
      let size: number;
      try {
        size = Deno.statSync(`${dir}/${key}.out`).size;
      } catch (e) {
        if (e instanceof Deno.errors.NotCapable) throw e;
        return { watched: false, bytes: 0, lineEnded: false, reading: false, marker };
      }
      const last = seen.get(key);
      if (last && last.size === size) return { ...last.look, marker };
      const text = new TextDecoder().decode(Deno.readFileSync(`${dir}/${key}.out`));
      const look = {
        watched: true,
        bytes: size,
        lineEnded: /\n$/.test(text),
        reading: text.includes(READING),
        marker,
      };
      seen.set(key, { size, look });
      return look;
    },
  };
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
