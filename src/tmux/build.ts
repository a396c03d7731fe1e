/**
 * SessionLayout → the exact tmux argv that builds it, as ONE client invocation (FACTS §2).
 * Pure. Nothing is addressed by index: each new-session/new-window/split-window makes its pane
 * the current target, windows are added with `-t =S:`, and focus uses offsets from the current
 * window/pane, so users' base-index and pane-base-index never matter. Every created pane's id
 * is printed (-P -F) so the second call (typing, after the handshake) addresses panes by id.
 */
import type {
  BuiltPane,
  PaneLayout,
  SessionBuild,
  SessionLayout,
  WindowLayout,
} from "../contract/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import { chain, literalFormat } from "./escape.ts";
import { setCloseHook } from "./close_hook.ts";
import type { CloseHookSpec } from "./close_hook.ts";

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
  /** Where typed panes report readiness (see markerLine). */
  markerDir: string;
  /** settings.tmux.stop_on_session_close: the hook, set last (only if all else succeeded). */
  closeHook?: CloseHookSpec;
}

/** The marker option: `#{@rune-project}` is non-empty only on sessions rune made. */
export const PROJECT_OPTION = "@rune-project";
/** Printed by -P for each new pane: "%12". */
const PRINT_ID = ["-P", "-F", "#{pane_id}"];
/** Printed by the placeholder's new-session: "$3", a line that is not a pane id. */
const PRINT_SESSION = ["-P", "-F", "#{session_id}"];
/** Panes beyond this get `select-layout tiled` between splits so there is room to split. */
const RETILE_AFTER = 3;

/**
 * ` true >DIR/KEY`: a line every shell (sh, bash, zsh, fish) runs without starting a process;
 * the leading space keeps it out of history (HISTCONTROL=ignorespace, HIST_IGNORE_SPACE).
 */
export function markerLine(markerDir: string, key: string): string {
  return ` true >${shellQuote(`${markerDir}/${key}`)}`;
}

/** Builds a new session from `layout`. */
export function buildSession(layout: SessionLayout, options: BuildOptions): SessionBuild {
  const commands: string[][] = [];
  const panes: BuiltPane[] = [];
  const target = `=${layout.session}:`;
  const env = envFlags(options.env);
  const size = ["-x", String(options.size.columns), "-y", String(options.size.rows)];
  const session = ["new-session", "-d", "-s", literalFormat(layout.session)];
  const mark = ["set-option", "-t", target, PROJECT_OPTION, options.project];
  // A session's first pane exists before set-environment -r can hide anything from it
  // (FACTS §1a), and respawn-pane would rerun the first command rather than the user's
  // default shell: so with names to hide, the session starts on an idle placeholder window
  // that is killed once the real windows exist, and the windows are renumbered.
  const placeholder = options.hide.length > 0;
  if (placeholder) {
    commands.push([...session, ...size, "-c", literalFormat(layout.dir), ...PRINT_SESSION, "cat"]);
    commands.push(mark);
    for (const name of options.hide) commands.push(["set-environment", "-t", target, "-r", name]);
  }
  layout.windows.forEach((window, wi) => {
    panesOf(window).forEach((pane, pi) => {
      const dir = ["-c", literalFormat(pane.dir)];
      const name = window.name === undefined ? [] : ["-n", literalFormat(window.name)];
      const tail = [...dir, ...env, ...PRINT_ID, ...paneProcess(pane)];
      if (wi === 0 && pi === 0 && !placeholder) {
        commands.push([...session, ...name, ...size, ...tail]);
        commands.push(mark);
      } else if (pi === 0) {
        commands.push(["new-window", "-t", target, ...name, ...tail]);
      } else {
        commands.push(["split-window", ...tail]);
        if (panesOf(window).length > RETILE_AFTER) commands.push(["select-layout", "tiled"]);
      }
      panes.push(typedPane(`w${wi + 1}p${pi + 1}`, pane, options.markerDir, commands));
    });
    windowTail(window, commands);
  });
  if (placeholder) {
    commands.push(["kill-window", "-t", `${target}^`]);
    commands.push(["move-window", "-r", "-t", target]);
  }
  focusWindow(layout.windows, commands);
  if (options.closeHook) commands.push(setCloseHook(options.closeHook));
  return { argv: ["tmux", ...options.socket, ...chain(commands)], panes };
}

/** Adds one window running `window`'s panes to an existing session (tmux_session steps). */
export function buildAddWindow(
  session: string,
  window: WindowLayout,
  options: BuildOptions,
): SessionBuild {
  const commands: string[][] = [];
  const panes: BuiltPane[] = [];
  const target = `=${session}:`;
  const env = envFlags(options.env);
  // The session may be the user's own: its later windows lose these names too (documented).
  for (const name of options.hide) commands.push(["set-environment", "-t", target, "-r", name]);
  panesOf(window).forEach((pane, pi) => {
    const tail = ["-c", literalFormat(pane.dir), ...env, ...PRINT_ID, ...paneProcess(pane)];
    if (pi === 0) {
      const name = window.name === undefined ? [] : ["-n", literalFormat(window.name)];
      commands.push(["new-window", "-t", target, ...name, ...tail]);
    } else {
      commands.push(["split-window", ...tail]);
    }
    panes.push(typedPane(`w1p${pi + 1}`, pane, options.markerDir, commands));
  });
  windowTail(window, commands);
  return { argv: ["tmux", ...options.socket, ...chain(commands)], panes };
}

/** Types each pane's lines, addressed by pane id, in one invocation. */
export function buildTyping(
  socket: readonly string[],
  panes: readonly { id: string; lines: readonly string[] }[],
): string[] {
  const commands: string[][] = [];
  for (const { id, lines } of panes) {
    for (const line of lines) {
      commands.push(["send-keys", "-t", id, "-l", line]);
      commands.push(["send-keys", "-t", id, "Enter"]);
    }
  }
  return ["tmux", ...socket, ...chain(commands)];
}

/** A window always has a pane: one with none listed gets a plain shell in the window's dir. */
function panesOf(window: WindowLayout): readonly PaneLayout[] {
  return window.panes.length
    ? window.panes
    : [{ commands: [], dir: window.dir, focus: false, exec: false }];
}

function envFlags(env: Readonly<Record<string, string>>): string[] {
  return Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
}

/**
 * An exec pane runs its lines as its process, under the default shell's `-c` (no rc file, no
 * aliases); the pane closes when they end. Other panes start the user's default shell.
 */
function paneProcess(pane: PaneLayout): string[] {
  return pane.exec && pane.commands.length ? [pane.commands.join("\n")] : [];
}

/** A typed pane gets its marker line now; its commands wait for the marker (handshake). */
function typedPane(
  key: string,
  pane: PaneLayout,
  markerDir: string,
  commands: string[][],
): BuiltPane {
  if (pane.exec || pane.commands.length === 0) return { key, commands: [] };
  commands.push(["send-keys", "-l", markerLine(markerDir, key)]);
  commands.push(["send-keys", "Enter"]);
  return { key, commands: pane.commands };
}

/** After a window's last split: its layout, then its focused pane (offset from the last). */
function windowTail(window: WindowLayout, commands: string[][]): void {
  if (window.layout) commands.push(["select-layout", window.layout]);
  const panes = panesOf(window);
  const focused = Math.max(0, panes.findIndex((p) => p.focus));
  const back = panes.length - 1 - focused;
  if (back > 0) commands.push(["select-pane", "-t", `:.-${back}`]);
}

/** The focused window (default the first), as an offset back from the last one created. */
function focusWindow(windows: readonly WindowLayout[], commands: string[][]): void {
  const focused = Math.max(0, windows.findIndex((w) => w.focus));
  const back = windows.length - 1 - focused;
  if (back > 0) commands.push(["select-window", "-t", `:-${back}`]);
}
