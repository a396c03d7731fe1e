/**
 * tmux's client message limit, and how a long command list is cut into as few calls as fit
 * under it. Pure. tmux 3.3a's client refuses a command whose argv, counted after the global
 * flags as Σ(UTF-8 length + 1), exceeds 16,364 bytes ("command too long"; MAX_IMSGSIZE 16384
 * less the imsg header and argc; notes/tmux_names.md N7). A new call starts with no current
 * target (N8), so every call but the first begins with a command that names its target: the
 * session by the id the first call printed, which is only known when it runs, so the plan
 * writes {@link SESSION_ID} there and the executor binds it ({@link bindSession}).
 */
import type { BuiltPane, SessionBuild } from "../contract/mod.ts";
import { chain } from "./escape.ts";

/** Σ(UTF-8 length + 1) over the argv after tmux's global flags, at most. */
export const TMUX_ARGV_BUDGET = 16_364;

/** In a `-t` value of a build's later calls: the session id its first call printed ("$3"). */
export const SESSION_ID = "$SESSION";

/** The longest session id tmux prints (an unsigned int): what SESSION_ID is costed as. */
const LONGEST_ID = "$4294967295";

const encoder = new TextEncoder();

/** What tmux's client counts for `args` (everything after its global flags). */
export function argvBytes(args: readonly string[]): number {
  let n = 0;
  for (const a of args) n += encoder.encode(a).length + 1;
  return n;
}

/**
 * `argv` with each `-t` value that starts with {@link SESSION_ID} starting with `target`
 * instead: `-t '$SESSION:^'` → `-t '$3:^'`. Only values right after `-t`: nothing else rune
 * writes there, so a command or path that happens to contain the word is never touched.
 */
export function bindSession(argv: readonly string[], target: string): string[] {
  return argv.map((a, i) =>
    i > 0 && argv[i - 1] === "-t" && a.startsWith(SESSION_ID)
      ? target + a.slice(SESSION_ID.length)
      : a
  );
}

/**
 * Commands that can go into any call together: the first names its target (new-window -t,
 * kill-window -t, …) or, with `continues`, is a split-window that continues the session's
 * current window and gets `-t SESSION:` only when it has to start a call.
 */
export interface Piece {
  commands: string[][];
  panes: BuiltPane[];
  continues?: boolean;
}

/**
 * Packs `pieces` after `head` into as few calls as fit the budget, in order: the first call
 * is `head` and what fits after it, its SESSION_ID targets bound to `firstTarget` (the new
 * session's `=NAME`, which the first call proves tmux stored as given); each later call
 * starts at the next piece that did not fit. A piece bigger than the budget gets a call to
 * itself (tmux then refuses it, and the executor removes what the build made).
 */
export function packPieces(
  socket: readonly string[],
  head: Piece,
  pieces: readonly Piece[],
  options: { firstTarget: string; budget?: number },
): SessionBuild[] {
  const budget = options.budget ?? TMUX_ARGV_BUDGET;
  const calls: { commands: string[][]; panes: BuiltPane[]; bytes: number }[] = [];
  const costIn = (commands: string[][], first: boolean) =>
    argvBytes(bindSession(chain(commands), first ? options.firstTarget : LONGEST_ID));
  calls.push({ commands: [...head.commands], panes: [...head.panes], bytes: 0 });
  calls[0].bytes = costIn(calls[0].commands, true);
  for (const piece of pieces) {
    const last = calls[calls.length - 1];
    const first = calls.length === 1;
    // Joining adds one ";" element (2 bytes) before the piece.
    const joined = last.bytes + 2 + costIn(piece.commands, first);
    if (joined <= budget) {
      last.commands.push(...piece.commands);
      last.panes.push(...piece.panes);
      last.bytes = joined;
      continue;
    }
    const commands = piece.continues ? startAtSession(piece.commands) : [...piece.commands];
    calls.push({ commands, panes: [...piece.panes], bytes: costIn(commands, false) });
  }
  return calls.map((c, i) => {
    const args = chain(c.commands);
    return {
      argv: ["tmux", ...socket, ...(i === 0 ? bindSession(args, options.firstTarget) : args)],
      panes: c.panes,
    };
  });
}

/** A continuing split-window made to start a call: it names the session (its current window). */
function startAtSession(commands: string[][]): string[][] {
  const [split, ...rest] = commands;
  return [[split[0], "-t", `${SESSION_ID}:`, ...split.slice(1)], ...rest];
}

/**
 * Groups of commands that each name their own target (send-keys -t %ID …), packed in order
 * into as few calls as fit; a group is never cut.
 */
export function packCommands(
  socket: readonly string[],
  groups: readonly (readonly string[][])[],
  budget = TMUX_ARGV_BUDGET,
): string[][] {
  const calls: { commands: string[][]; bytes: number }[] = [];
  for (const group of groups) {
    const cost = argvBytes(chain(group));
    const last = calls[calls.length - 1];
    if (last && last.bytes + 2 + cost <= budget) {
      last.commands.push(...group);
      last.bytes += 2 + cost;
    } else {
      calls.push({ commands: [...group], bytes: cost });
    }
  }
  return calls.map((c) => ["tmux", ...socket, ...chain(c.commands)]);
}
