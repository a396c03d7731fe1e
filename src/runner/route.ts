/**
 * How an interactive step runs: the fallback chain tmux → `script` PTY → rune's own terminal
 * (inherited stdio) → a clear "needs a terminal" (skipped when optional). Pure: the caller
 * gathers the facts (probing tmux and `script` only when they matter) and carries out the
 * route; every fallback taken comes back as one line in `notes`.
 */
import type { ScriptFlavour } from "../contract/mod.ts";

/** What the route depends on. */
export interface RouteFacts {
  /** Step name, for notes and messages. */
  name: string;
  /**
   * "pty": interactive without tmux keys. "tmux-session": tmux_session (a command typed into a
   * session, which can run in this terminal instead). "tmux-template": a whole layout.
   */
  want: "pty" | "tmux-session" | "tmux-template";
  optional: boolean;
  /** `tmux -V` works. Only consulted for tmux steps without --no-tmux. */
  tmuxUsable: boolean;
  /** rune's own stdin is a terminal (a person can type to the command). */
  stdinTTY: boolean;
  /** The `script` on PATH, or null. Only consulted on the pty path. */
  scriptFlavour: ScriptFlavour | null;
  flags: { noTmux: boolean; noPty: boolean };
}

export type InteractiveRoute =
  | { kind: "tmux"; notes: string[] }
  | { kind: "pty"; flavour: ScriptFlavour; notes: string[] }
  | { kind: "direct"; notes: string[] }
  /** Nothing can run it and it is optional: the outcome is "skipped" with `message`. */
  | { kind: "skip"; message: string; notes: string[] }
  /** Nothing can run it and it is required: the outcome is "failed" with `message`. */
  | { kind: "fail"; message: string; missing?: "tmux"; notes: string[] };

export function decideInteractiveRoute(f: RouteFacts): InteractiveRoute {
  const notes: string[] = [];
  if (f.want !== "pty") {
    if (!f.flags.noTmux && f.tmuxUsable) return { kind: "tmux", notes };
    const why = f.flags.noTmux ? "--no-tmux" : "tmux is not installed or not on PATH";
    if (f.want === "tmux-template") {
      // A layout of windows and panes has no single-terminal form.
      const message = `${why}, and "${f.name}" is a tmux template`;
      if (f.optional || f.flags.noTmux) {
        return { kind: "skip", message, notes };
      }
      return {
        kind: "fail",
        message: `cannot build the session: ${message}; install tmux`,
        missing: "tmux",
        notes,
      };
    }
    notes.push(`${why}: running "${f.name}" in this terminal instead of tmux`);
  }
  if (!f.stdinTTY) {
    const message = "needs a terminal, and rune's stdin is not one";
    return f.optional ? { kind: "skip", message, notes } : {
      kind: "fail",
      message: `${message}: run rune from a terminal, or set optional: true`,
      notes,
    };
  }
  if (!f.flags.noPty && f.scriptFlavour) return { kind: "pty", flavour: f.scriptFlavour, notes };
  const why = f.flags.noPty ? "--no-pty" : "`script` is not installed";
  notes.push(
    `${why}: "${f.name}" uses rune's terminal directly (no pseudo-terminal, no transcript)`,
  );
  return { kind: "direct", notes };
}
