/**
 * One window of a build as pieces of tmux commands (pack.ts), pane by pane in creation order,
 * so a session build and `--append` make a window the same way. Pure. Every command after the
 * window's new-window has no -t: the pane each new-window/split-window makes is the current
 * target (FACTS §2), so window options, titles and pipes land where they belong and nothing is
 * addressed by index. Titles and pane processes are data: a title is format-expanded by tmux
 * (`select-pane -T`), so it is written as a literal format; option values are not expanded by
 * tmux and go as they are (`#{pane_index}` in pane-border-format is the user's format).
 */
import type {
  BuiltPane,
  PaneLayout,
  SessionLayout,
  SyncWindow,
  WindowLayout,
} from "../contract/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import { literalFormat } from "./escape.ts";
import type { Piece } from "./pack.ts";
import { paneReadinessBuild } from "./readiness_build.ts";

/** Panes beyond this get `select-layout tiled` between splits so there is room to split. */
const RETILE_AFTER = 3;

/**
 * The pipe-pane command that copies a typed pane's output into DIR/KEY.out from its first
 * byte, for the handshake to watch (format-expanded by tmux, so escaped). `-o`: a pipe the
 * user's own hooks opened is left alone (the pane then gets the marker).
 */
export function pipeCommand(markerDir: string, key: string): string[] {
  return ["pipe-pane", "-o", literalFormat(`exec cat >>${shellQuote(`${markerDir}/${key}.out`)}`)];
}

export interface WindowBuildOptions {
  /** new-window's -t: `$SESSION:` (a new session) or `-a` after `$SESSION:{end}` (--append). */
  newWindow: string[];
  /** What new-window/split-window print for each pane (-P -F …). */
  print: readonly string[];
  /** The step's env, under each pane's own (-e). */
  env: Readonly<Record<string, string>>;
  markerDir: string;
  /** The session's layout, for its declared readiness (remain-on-exit, panes started later). */
  layout?: SessionLayout;
}

/** A window always has a pane: one with none listed gets a plain shell in the window's dir. */
export function panesOf(window: WindowLayout): readonly PaneLayout[] {
  return window.panes.length
    ? window.panes
    : [{ commands: [], dir: window.dir, focus: false, exec: false }];
}

/** A pane whose lines are typed after the handshake (not an exec pane, not a plain shell). */
export function isTyped(pane: PaneLayout): boolean {
  return !pane.exec && (pane.commands.length > 0 || Boolean(pane.pending));
}

/** The pieces that make window `wi` (from 0): one per pane, the window's tail on the last. */
export function windowPieces(window: WindowLayout, wi: number, o: WindowBuildOptions): Piece[] {
  const panes = panesOf(window);
  return panes.map((pane, pi) => {
    const commands: string[][] = [];
    const key = `w${wi + 1}p${pi + 1}`;
    const env = envFlags({ ...o.env, ...pane.env });
    const ready = o.layout ? paneReadinessBuild(o.layout, key, pane, env) : { after: [] };
    const tail = [
      "-c",
      literalFormat(pane.dir),
      ...env,
      ...o.print,
      ...(ready.process ?? paneProcess(pane)),
    ];
    if (pi === 0) {
      const name = window.name === undefined ? [] : ["-n", literalFormat(window.name)];
      commands.push(["new-window", ...o.newWindow, ...name, ...tail]);
      for (const [option, value] of Object.entries(window.options ?? {})) {
        commands.push(["set-option", "-w", option, value]);
      }
    } else {
      commands.push(["split-window", ...tail]);
      if (panes.length > RETILE_AFTER) commands.push(["select-layout", "tiled"]);
    }
    commands.push(...ready.after);
    if (pane.title !== undefined) commands.push(["select-pane", "-T", literalFormat(pane.title)]);
    const built = builtPane(key, pane, o.markerDir, commands);
    if (ready.respawn) built.respawn = ready.respawn;
    if (pi === panes.length - 1) windowTail(window, commands);
    return { commands, panes: [built], continues: pi > 0 };
  });
}

/**
 * The windows whose synchronize-panes the typing phase sets (their typed panes' keys); a
 * window with none typed has it set in the build itself (windowTail).
 */
export function syncWindows(windows: readonly WindowLayout[]): SyncWindow[] {
  return windows.flatMap((w, wi) => {
    if (!w.synchronize) return [];
    const panes = panesOf(w).flatMap((p, pi) => isTyped(p) ? [`w${wi + 1}p${pi + 1}`] : []);
    return panes.length ? [{ panes, when: w.synchronize }] : [];
  });
}

export function envFlags(env: Readonly<Record<string, string>>): string[] {
  return Object.entries(env).flatMap(([k, v]) => ["-e", `${k}=${v}`]);
}

/**
 * An exec pane runs its lines as its process, under the default shell's `-c` (no rc file, no
 * aliases); the pane closes when they end. A pane with `shell` runs that program the same way
 * (its lines are typed into it). Other panes start the user's default shell.
 */
export function paneProcess(pane: PaneLayout): string[] {
  if (pane.exec && pane.commands.length) return [pane.commands.join("\n")];
  return pane.shell !== undefined ? [pane.shell] : [];
}

/** A typed pane's output is watched from now on; its commands wait for the handshake. */
export function builtPane(
  key: string,
  pane: PaneLayout,
  markerDir: string,
  commands: string[][],
): BuiltPane {
  if (!isTyped(pane)) return { key, commands: [] };
  commands.push(pipeCommand(markerDir, key));
  return {
    key,
    commands: pane.commands,
    ...(pane.shell !== undefined ? { program: pane.shell } : {}),
    ...(pane.pending ? { pending: pane.pending } : {}),
  };
}

/**
 * After a window's last split: its layout, synchronize-panes when no typed pane waits for it
 * (syncWindows), then its focused pane (offset from the last).
 */
export function windowTail(window: WindowLayout, commands: string[][]): void {
  if (window.layout) commands.push(["select-layout", window.layout]);
  const panes = panesOf(window);
  if (window.synchronize && !panes.some(isTyped)) {
    commands.push(["set-option", "-w", "synchronize-panes", "on"]);
  }
  const focused = Math.max(0, panes.findIndex((p) => p.focus));
  const back = panes.length - 1 - focused;
  if (back > 0) commands.push(["select-pane", "-t", `:.-${back}`]);
}
