/**
 * SessionLayout → the exact tmux argv that builds it: as few chained calls as fit tmux's
 * message limit (pack.ts), usually one. Pure. Nothing is addressed by index: each new-window
 * and split-window makes its pane the current target, every call starts at an explicit target
 * (the session: `=NAME` in the first call, its id in later ones), and focus uses offsets from
 * the current window/pane, so users' base-index and pane-base-index never matter. Every
 * created pane's id is printed (-P -F) so the typing call (after the handshake) addresses
 * panes by id.
 */
import type { BuiltPane, SessionBuild, SessionLayout, WindowLayout } from "../contract/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import { chain, literalFormat } from "./escape.ts";
import { setCloseHook } from "./close_hook.ts";
import type { CloseHookSpec } from "./close_hook.ts";
import { autosaveCommands } from "./autosave.ts";
import type { AutosaveSpec } from "./autosave.ts";
import { packCommands, packPieces, SESSION_ID } from "./pack.ts";
import type { Piece } from "./pack.ts";
import {
  builtPane,
  envFlags,
  paneProcess,
  panesOf,
  windowPieces,
  windowTail,
} from "./build_window.ts";

export { pipeCommand } from "./build_window.ts";

export interface BuildOptions {
  /** Global flags selecting the server: [], ["-L", name] or ["-S", path]. */
  socket: readonly string[];
  /** Recorded as the session's @rune-project option: rune's mark on sessions it made. */
  project: string;
  /** Size of the detached session, so layouts fit before a client attaches (FACTS §4). */
  size: { columns: number; rows: number };
  /** The step's own env, given to every pane (-e). */
  env: Readonly<Record<string, string>>;
  /** Names hidden from the session's panes (set-environment -r, before any pane starts). */
  hide: readonly string[];
  /** Where typed panes' output is watched and markers land (see pipeCommand, markerLine). */
  markerDir: string;
  /** settings.tmux.stop_on_session_close: the hook, set last (only if all else succeeded). */
  closeHook?: CloseHookSpec;
  /** settings.tmux.autosave: the session's mark, the hook and its timer (autosave.ts). */
  autosave?: AutosaveSpec;
  /** Bytes of argv one call may carry (tests shrink it); default TMUX_ARGV_BUDGET. */
  budget?: number;
}

/** The marker option: `#{@rune-project}` is non-empty only on sessions rune made. */
export const PROJECT_OPTION = "@rune-project";
/** The variables the build gave every pane (-e), as JSON: what `rune session save` keeps. */
export const ENV_OPTION = "@rune-env";
/** Printed by -P for each new pane: "%12". */
const PRINT_ID = ["-P", "-F", "#{pane_id}"];
/** Printed by new-session: "$3<TAB>NAME", the id later calls target and the name tmux stored. */
const SESSION_LINE = "#{session_id}\t#{session_name}";

/**
 * The fallback handshake line (handshake.ts), for a shell whose line editor does not say when
 * it reads: it clears the screen and scrollback it was echoed on (ESC[3J: tmux clears history)
 * and touches DIR/KEY. Every shell (sh, bash, zsh, fish) runs it without starting a process; the
 * leading space keeps it out of history (HISTCONTROL=ignorespace, HIST_IGNORE_SPACE, fish).
 */
export function markerLine(markerDir: string, key: string): string {
  return ` printf '\\033[H\\033[2J\\033[3J'; true >${shellQuote(`${markerDir}/${key}`)}`;
}

/**
 * Builds a new session from `layout`. The session starts on a placeholder window (`cat`, run
 * directly, no shell, no rc file) whose environment has every hidden name blanked (-e NAME=):
 * a session's first pane exists before set-environment -r can hide anything (FACTS §1a), and
 * a shell there would run the user's rc with the secret. Once the session is marked and its
 * names hidden, every real window is a new-window; the placeholder is killed and the windows
 * renumbered at the end.
 */
export function buildSession(layout: SessionLayout, options: BuildOptions): SessionBuild[] {
  const session = `${SESSION_ID}:`;
  const blanks = options.hide.flatMap((name) => ["-e", `${name}=`]);
  const head: Piece = {
    commands: [
      [
        "new-session",
        "-d",
        "-s",
        literalFormat(layout.session),
        "-x",
        String(options.size.columns),
        "-y",
        String(options.size.rows),
        "-c",
        literalFormat(layout.dir),
        ...blanks,
        "-P",
        "-F",
        SESSION_LINE,
        "cat",
        "-",
      ],
      ["set-option", "-t", session, PROJECT_OPTION, options.project],
      ...(Object.keys(options.env).length
        ? [["set-option", "-t", session, ENV_OPTION, JSON.stringify(options.env)]]
        : []),
      ...options.hide.map((name) => ["set-environment", "-t", session, "-r", name]),
      // Before any real pane starts: panes opened later get the env too, and default-shell,
      // history-limit and the like hold for every pane.
      ...Object.entries(layout.env ?? {}).map(([k, v]) => ["set-environment", "-t", session, k, v]),
      ...Object.entries(layout.options ?? {}).map(([k, v]) => ["set-option", "-t", session, k, v]),
    ],
    panes: [],
  };
  const pieces: Piece[] = layout.windows.flatMap((window, wi) =>
    windowPieces(window, wi, {
      newWindow: ["-t", session],
      print: PRINT_ID,
      env: options.env,
      markerDir: options.markerDir,
      layout,
    })
  );
  const last: string[][] = [
    ["kill-window", "-t", `${session}^`],
    ["move-window", "-r", "-t", session],
  ];
  const focused = Math.max(0, layout.windows.findIndex((w) => w.focus));
  const back = layout.windows.length - 1 - focused;
  if (back > 0) last.push(["select-window", "-t", `${session}-${back}`]);
  if (options.autosave) last.push(...autosaveCommands(options.autosave, session));
  if (options.closeHook) last.push(setCloseHook(options.closeHook));
  pieces.push({ commands: last, panes: [] });
  return packPieces(options.socket, head, pieces, {
    firstTarget: `=${layout.session}`,
    budget: options.budget,
  });
}

/**
 * Adds one window running `window`'s panes to an existing session (tmux_session steps): the
 * session may be the user's own, so it is named (`=NAME`), and each pane prints its id and
 * its window's index.
 */
export function buildAddWindow(
  session: string,
  window: WindowLayout,
  options: BuildOptions,
): SessionBuild {
  const commands: string[][] = [];
  const panes: BuiltPane[] = [];
  const target = `=${session}:`;
  // The session may be the user's own: its later windows lose these names too (documented).
  for (const name of options.hide) commands.push(["set-environment", "-t", target, "-r", name]);
  panesOf(window).forEach((pane, pi) => {
    const tail = [
      "-c",
      literalFormat(pane.dir),
      ...envFlags({ ...options.env, ...pane.env }),
      "-P",
      "-F",
      "#{pane_id} #{window_index}",
      ...paneProcess(pane),
    ];
    if (pi === 0) {
      const name = window.name === undefined ? [] : ["-n", literalFormat(window.name)];
      commands.push(["new-window", "-t", target, ...name, ...tail]);
    } else {
      commands.push(["split-window", ...tail]);
    }
    panes.push(builtPane(`w1p${pi + 1}`, pane, options.markerDir, commands));
  });
  windowTail(window, commands);
  return { argv: ["tmux", ...options.socket, ...chain(commands)], panes };
}

/**
 * Types each pane's lines, addressed by pane id: as few calls as fit, a line never cut. With
 * `closePipe`, rune's pipe-pane on that pane is closed first (its handshake is over). A
 * `pending` line is typed last without Enter: it waits on the prompt for the user.
 */
export function buildTyping(
  socket: readonly string[],
  panes: readonly {
    id: string;
    lines: readonly string[];
    closePipe?: boolean;
    pending?: string;
  }[],
  budget?: number,
): string[][] {
  const groups = panes.flatMap(({ id, lines, closePipe, pending }) => {
    const typed: string[][][] = lines.map((line) => [
      ["send-keys", "-t", id, "-l", line],
      ["send-keys", "-t", id, "Enter"],
    ]);
    if (pending) typed.push([["send-keys", "-t", id, "-l", pending]]);
    if (closePipe && typed.length) typed[0].unshift(["pipe-pane", "-t", id]);
    return typed;
  });
  return packCommands(socket, groups, budget);
}
