/**
 * What every pane of a build has printed, as the build's control client sees it (`%output`,
 * from each pane's first byte: the client is attached before any real pane exists). Kept per
 * pane id from the first event on, because a pane's output can arrive in the same read as the
 * reply that names its id. Pure bookkeeping; the control client feeds it.
 *
 * Per pane: how much it printed and when, whether its line editor has said it reads
 * (ESC[?2004h, handshake.ts), whether rune's fallback marker ran (an OSC tmux ignores on
 * screen), and its recent lines as plain text (OutputLines) for `ready: {output: REGEX}`.
 */
import { OutputLines } from "./output_lines.ts";
import { READING } from "./handshake.ts";
import type { PaneSource } from "./handshake.ts";

/** What the fallback marker prints (OSC 777, ignored by tmux's screen): "this shell ran it". */
export const MARKER_SIGNAL = "\x1b]777;rune;ready\x07";

const encoder = new TextEncoder();
const READING_BYTES = encoder.encode(READING);
const MARKER_BYTES = encoder.encode(MARKER_SIGNAL);
/** Completed lines kept per pane: enough for a condition registered just after the build. */
const KEPT_LINES = 200;

interface Expect {
  re: RegExp;
  skip: (line: string) => boolean;
  hit: boolean;
}

export class PaneOutput {
  bytes = 0;
  lastOutput = 0;
  lineEnded = false;
  reading = false;
  marker = false;
  /** Lines completed so far (the count never drops; only the last KEPT_LINES are kept). */
  lineCount = 0;
  #lines: string[] = [];
  #text = new OutputLines();
  #tail = new Uint8Array(0);
  #expects: Expect[] = [];

  feed(data: Uint8Array, at: number): void {
    if (!data.length) return;
    this.bytes += data.length;
    this.lastOutput = at;
    this.lineEnded = data[data.length - 1] === 0x0a;
    // Either sequence may be cut between two events: look at the end of the last one too.
    const look = concat(this.#tail, data);
    if (!this.reading && includes(look, READING_BYTES)) this.reading = true;
    if (!this.marker && includes(look, MARKER_BYTES)) this.marker = true;
    this.#tail = look.slice(Math.max(0, look.length - MARKER_BYTES.length));
    for (const line of this.#text.push(data)) {
      this.#lines.push(line);
      this.lineCount++;
      for (const e of this.#expects) if (!e.hit && !e.skip(line) && e.re.test(line)) e.hit = true;
    }
    if (this.#lines.length > KEPT_LINES) this.#lines.splice(0, this.#lines.length - KEPT_LINES);
  }

  /**
   * Watches for a line matching `re` from line number `since` on (lines `skip` says are not
   * the program's are left out): every line is tested as it completes, so a flood between two
   * looks loses none; the unfinished line ("Password: ") is tested when asked.
   */
  expect(re: RegExp, skip: (line: string) => boolean, since: number): () => boolean {
    const e: Expect = { re, skip, hit: false };
    e.hit = this.linesSince(since).slice(0, -1).some((l) => !skip(l) && re.test(l));
    this.#expects.push(e);
    return () => e.hit || (!skip(this.#text.pending) && re.test(this.#text.pending));
  }

  /** Lines completed since line number `since` (those still kept), then the unfinished one. */
  linesSince(since: number): string[] {
    const first = this.lineCount - this.#lines.length;
    return [...this.#lines.slice(Math.max(0, since - first)), this.#text.pending];
  }

  /** The last `n` lines, the unfinished one included when it holds text. */
  lastLines(n: number): string[] {
    const all = [...this.#lines, ...(this.#text.pending.trim() ? [this.#text.pending] : [])];
    return all.slice(-n);
  }
}

/** Every pane's output by pane id ("%12"), and a way to wait for the next bit of it. */
export class PaneOutputs {
  #panes = new Map<string, PaneOutput>();
  #now: () => number;
  #waiters: (() => void)[] = [];

  constructor(now: () => number = Date.now) {
    this.#now = now;
  }

  /** The pane's record, made empty if nothing came from it yet. */
  pane(id: string): PaneOutput {
    let p = this.#panes.get(id);
    if (!p) this.#panes.set(id, p = new PaneOutput());
    return p;
  }

  feed(id: string, data: Uint8Array): void {
    this.pane(id).feed(data, this.#now());
    for (const wake of [...this.#waiters]) wake();
  }

  /** Resolves on the next output of any pane, or after `ms`. */
  next(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        const i = this.#waiters.indexOf(done);
        if (i >= 0) this.#waiters.splice(i, 1);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiters.push(done);
    });
  }
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (!a.length) return b;
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function includes(hay: Uint8Array, needle: Uint8Array): boolean {
  outer: for (let i = hay.indexOf(needle[0]); i >= 0 && i + needle.length <= hay.length;) {
    for (let k = 1; k < needle.length; k++) {
      if (hay[i + k] !== needle[k]) {
        i = hay.indexOf(needle[0], i + 1);
        continue outer;
      }
    }
    return true;
  }
  return false;
}

/** The handshake's view of the panes `idOf` names (key → pane id) through `outputs`. */
export function controlSource(outputs: PaneOutputs, idOf: (key: string) => string): PaneSource {
  return {
    pipes: false,
    look(key) {
      const p = outputs.pane(idOf(key));
      return {
        watched: true,
        bytes: p.bytes,
        lineEnded: p.lineEnded,
        reading: p.reading,
        marker: p.marker,
      };
    },
    wait: (ms) => outputs.next(ms),
  };
}

/**
 * The fallback marker through the control client: clears the screen and scrollback it was
 * echoed on (ESC[3J: tmux clears history) and prints MARKER_SIGNAL, which tmux's screen
 * ignores and the control client sees. No file, no process; every shell (sh, bash, zsh, fish)
 * runs it as a builtin; the leading space keeps it out of history.
 */
export const CONTROL_MARKER_LINE = ` printf '\\033[H\\033[2J\\033[3J\\033]777;rune;ready\\007'`;
