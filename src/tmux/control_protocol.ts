/**
 * The text protocol of a tmux control-mode client (`tmux -C`), decoded into events. Pure: bytes
 * in, events out; nothing here runs tmux. Written against what tmux 3.3a really prints
 * (fixtures in tests/fixtures/tmux_control, findings in the control-mode notes):
 *
 * - Framing is by byte, not by character: `%output` values carry raw UTF-8 bytes, and tmux cuts
 *   pane data at byte limits, so one character can be split across two `%output` lines.
 * - A reply is `%begin TIME NUMBER FLAGS`, its lines, then `%end` or `%error` with the same three
 *   numbers. FLAGS 1 marks a command this client sent; 0 is anything else (the client's own
 *   startup command, key bindings run in a pane's view mode).
 * - Despite the manual, 3.3a does put notifications inside a reply (`%continue` inside the reply
 *   to `refresh-client -A`: anything the command itself triggers). Inside a reply a line is taken
 *   as a notification only if it names a known one, so pane ids (`%12 …`) stay reply lines.
 */

/** One thing tmux said. Unknown notifications are kept as `other`, never dropped. */
export type ControlEvent =
  | { kind: "begin"; time: number; number: number; flags: number }
  | { kind: "end" | "error"; time: number; number: number; flags: number; lines: string[] }
  /** `%output` and `%extended-output` (sent instead when pause-after is set; `age` in ms). */
  | { kind: "output"; pane: string; data: Uint8Array; age?: number }
  | { kind: "window-add" | "window-close"; window: string; unlinked: boolean }
  | { kind: "layout-change"; window: string; layout: string; visibleLayout: string; flags: string }
  /** The client now shows this session: after a kill, possibly another one than it attached to. */
  | { kind: "session-changed"; session: string; name: string }
  | { kind: "sessions-changed" }
  /** A pane entered or left a mode: view-mode here is how a config error shows (tmux #3193). */
  | { kind: "pane-mode-changed"; pane: string }
  | { kind: "pause" | "continue"; pane: string }
  /** The client is exiting: `reason` is e.g. "server exited unexpectedly", absent on detach. */
  | { kind: "exit"; reason?: string }
  | { kind: "other"; name: string; args: string[] };

/** Every notification the 3.3a manual lists: only these interrupt a reply (see the module doc). */
const NOTIFICATIONS = new Set(
  ("client-detached client-session-changed continue exit extended-output layout-change output " +
    "pane-mode-changed pause session-changed session-renamed session-window-changed " +
    "sessions-changed subscription-changed unlinked-window-add unlinked-window-close " +
    "unlinked-window-renamed window-add window-close window-pane-changed window-renamed").split(
      " ",
    ),
);

export { OutputLines } from "./output_lines.ts";

const NEWLINE = 0x0a;
const BACKSLASH = 0x5c;
const text = new TextDecoder();

interface OpenReply {
  time: number;
  number: number;
  flags: number;
  lines: string[];
}

/**
 * A stateful decoder of a control client's stdout: feed it chunks as they arrive, in any sizes,
 * and it returns the events completed by each chunk.
 */
export class ControlDecoder {
  #partial: Uint8Array = new Uint8Array(0);
  #reply: OpenReply | undefined;

  /** Decodes the lines that `chunk` completes; an unfinished last line waits for the next. */
  push(chunk: Uint8Array): ControlEvent[] {
    const bytes = this.#partial.length ? concatBytes(this.#partial, chunk) : chunk;
    const events: ControlEvent[] = [];
    let start = 0;
    for (let nl = bytes.indexOf(NEWLINE); nl >= 0; nl = bytes.indexOf(NEWLINE, start)) {
      this.#line(bytes.subarray(start, nl), events);
      start = nl + 1;
    }
    this.#partial = bytes.slice(start);
    return events;
  }

  /** End of stream: a last line without its newline still counts. */
  finish(): ControlEvent[] {
    const events: ControlEvent[] = [];
    if (this.#partial.length) this.#line(this.#partial, events);
    this.#partial = new Uint8Array(0);
    return events;
  }

  /** True while a reply has begun and not ended: a stream cut here lost that reply's end. */
  get inReply(): boolean {
    return this.#reply !== undefined;
  }

  #line(bytes: Uint8Array, events: ControlEvent[]): void {
    const reply = this.#reply;
    const name = notificationName(bytes);
    if (reply) {
      const guard = parseGuard(bytes);
      if (
        guard && guard.kind !== "begin" && guard.time === reply.time &&
        guard.number === reply.number && guard.flags === reply.flags
      ) {
        events.push({ ...guard, kind: guard.kind, lines: reply.lines });
        this.#reply = undefined;
      } else if (name !== undefined && NOTIFICATIONS.has(name)) {
        events.push(parseNotification(name, bytes));
      } else {
        reply.lines.push(text.decode(bytes));
      }
      return;
    }
    const guard = parseGuard(bytes);
    if (guard?.kind === "begin") {
      const { time, number, flags } = guard;
      this.#reply = { time, number, flags, lines: [] };
      events.push({ kind: "begin", time, number, flags });
    } else if (name !== undefined) {
      events.push(parseNotification(name, bytes));
    } else if (bytes.length) {
      // Not a protocol line: tmux never prints one, so keep it visible rather than lose it.
      events.push({ kind: "other", name: "", args: [text.decode(bytes)] });
    }
  }
}

/**
 * Undoes `%output`'s escaping: tmux writes each byte below 0x20 and the backslash as `\ooo`
 * (three octal digits) and every other byte, UTF-8 included, as itself.
 */
export function unescapeOutput(value: Uint8Array): Uint8Array {
  const out = new Uint8Array(value.length);
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const b = value[i];
    if (b === BACKSLASH && i + 3 < value.length && isOctal(value, i + 1)) {
      out[n++] = (value[i + 1] - 48) * 64 + (value[i + 2] - 48) * 8 + (value[i + 3] - 48);
      i += 3;
    } else {
      out[n++] = b;
    }
  }
  return out.slice(0, n);
}

/**
 * One line for a control client's stdin running `commands` in order (tmux's own ";" list, so a
 * failure skips the rest). Each argument is double-quoted with \\ \" \$ and a leading ~ escaped,
 * since tmux expands $VAR and ~ even in double quotes, and control characters are written as
 * escapes: a raw newline would end the line. Unlike argv, a quoted trailing ";" is plain text.
 */
export function commandLine(commands: readonly (readonly string[])[]): string {
  return commands.map((argv) => argv.map(quoteArg).join(" ")).join(" ; ");
}

function quoteArg(arg: string): string {
  let out = "";
  for (const ch of arg) {
    const c = ch.charCodeAt(0);
    if (ch === "\\" || ch === '"' || ch === "$" || (ch === "~" && !out)) out += `\\${ch}`;
    else if (ch === "\n") out += "\\n";
    else if (c < 0x20 || c === 0x7f) out += `\\${c.toString(8).padStart(3, "0")}`;
    else out += ch;
  }
  return `"${out}"`;
}

function isOctal(bytes: Uint8Array, at: number): boolean {
  for (let k = at; k < at + 3; k++) if (!(bytes[k] >= 48 && bytes[k] <= 55)) return false;
  return true;
}

/** `%name` at the start of a line (lowercase and dashes), else undefined: `%12` is not a name. */
function notificationName(bytes: Uint8Array): string | undefined {
  if (bytes[0] !== 0x25) return undefined;
  let i = 1;
  while (i < bytes.length && ((bytes[i] >= 0x61 && bytes[i] <= 0x7a) || bytes[i] === 0x2d)) i++;
  if (i === 1 || (i < bytes.length && bytes[i] !== 0x20)) return undefined;
  return text.decode(bytes.subarray(1, i));
}

function parseGuard(
  bytes: Uint8Array,
): { kind: "begin" | "end" | "error"; time: number; number: number; flags: number } | undefined {
  if (bytes.length > 80 || bytes[0] !== 0x25) return undefined;
  const m = /^%(begin|end|error) (\d+) (\d+) (\d+)$/.exec(text.decode(bytes));
  if (!m) return undefined;
  const kind = m[1] as "begin" | "end" | "error";
  return { kind, time: Number(m[2]), number: Number(m[3]), flags: Number(m[4]) };
}

function parseNotification(name: string, bytes: Uint8Array): ControlEvent {
  if (name === "output" || name === "extended-output") {
    const parsed = parseOutput(name, bytes);
    if (parsed) return parsed;
  }
  const rest = text.decode(bytes.subarray(name.length + 2));
  const args = bytes.length > name.length + 1 ? rest.split(" ") : [];
  switch (name) {
    case "window-add":
    case "unlinked-window-add":
      return { kind: "window-add", window: args[0] ?? "", unlinked: name !== "window-add" };
    case "window-close":
    case "unlinked-window-close":
      return { kind: "window-close", window: args[0] ?? "", unlinked: name !== "window-close" };
    case "layout-change":
      return {
        kind: "layout-change",
        window: args[0] ?? "",
        layout: args[1] ?? "",
        visibleLayout: args[2] ?? "",
        flags: args.slice(3).join(" "),
      };
    case "session-changed":
      return { kind: "session-changed", session: args[0] ?? "", name: args.slice(1).join(" ") };
    case "sessions-changed":
      return { kind: "sessions-changed" };
    case "pane-mode-changed":
    case "pause":
    case "continue":
      return { kind: name, pane: args[0] ?? "" };
    case "exit":
      return rest ? { kind: "exit", reason: rest } : { kind: "exit" };
    default:
      return { kind: "other", name, args };
  }
}

/** `%output %ID VALUE` or `%extended-output %ID AGE [reserved…] : VALUE`. */
function parseOutput(name: string, bytes: Uint8Array): ControlEvent | undefined {
  let at = name.length + 2;
  const word = (): string | undefined => {
    const end = bytes.indexOf(0x20, at);
    if (end < 0) return undefined;
    const w = text.decode(bytes.subarray(at, end));
    at = end + 1;
    return w;
  };
  const pane = word();
  if (pane === undefined) return undefined;
  if (name === "output") return { kind: "output", pane, data: unescapeOutput(bytes.subarray(at)) };
  const age = word();
  // Words up to a lone ":" are reserved for future use (tmux.1).
  let w = word();
  while (w !== undefined && w !== ":") w = word();
  if (age === undefined || w === undefined) return undefined;
  return { kind: "output", pane, age: Number(age), data: unescapeOutput(bytes.subarray(at)) };
}

function concatBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
