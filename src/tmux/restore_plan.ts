/**
 * A saved session → the tmux step that rebuilds it with rune's own engine (the same build
 * calls, hidden env, escaping, nothing addressed by index), and the one call that puts back
 * what a build does not make: options, titles, zoom. Pure.
 *
 * Layout strings are applied after the splits, at the saved size, so they come back exact.
 * A program that was running comes back typed into the pane's shell: run (Enter) when it is on
 * the allowlist or with --run-commands, else left on the prompt for the user to run.
 */
import { sanitizeTmuxName } from "../base/mod.ts";
import type {
  PaneLayout,
  SavedPane,
  SavedSession,
  SessionLayout,
  TmuxStep,
  WindowLayout,
} from "../contract/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import { literalFormat } from "./escape.ts";
import { packCommands } from "./pack.ts";
import { programName } from "./processes.ts";

/** Programs restarted by default (settings.tmux.restore_programs replaces the list). */
export const DEFAULT_RESTORE_PROGRAMS = [
  "vi",
  "vim",
  "nvim",
  "emacs",
  "nano",
  "less",
  "more",
  "man",
  "tail",
  "top",
  "htop",
  "btop",
  "watch",
] as const;

export interface RestoreChoices {
  /** Program names restarted (their command typed with Enter). */
  programs: readonly string[];
  /** --run-commands: every program is restarted. */
  runCommands: boolean;
  /** Whether a directory exists now (a pane in a missing one would open in tmux's cwd). */
  isDirectory(path: string): boolean;
  /** Where a pane whose directory is gone opens when the session's is gone too. */
  home: string;
}

export interface RestorePlan {
  step: TmuxStep;
  /** What comes back differently, one line each ("directory … is gone: opened in …"). */
  notes: string[];
  /** Programs typed and run, and those left on the prompt. */
  restarted: string[];
  typed: string[];
}

/** The step that rebuilds `saved` (step id `id`). */
export function planRestore(saved: SavedSession, id: number, c: RestoreChoices): RestorePlan {
  const notes: string[] = [];
  const restarted: string[] = [];
  const typed: string[] = [];
  const name = sanitizeTmuxName(saved.name);
  if (name !== saved.name) {
    notes.push(
      `session "${saved.name}" is restored as "${name}" (tmux would store that name ` +
        "differently, and rune could not find it again)",
    );
  }
  const gone = new Set<string>();
  const sessionDir = c.isDirectory(saved.dir) ? saved.dir : c.home;
  if (sessionDir !== saved.dir) {
    notes.push(`the session's directory "${saved.dir}" is gone: it starts in "${c.home}"`);
  }
  const dirOf = (dir: string) => {
    if (c.isDirectory(dir)) return dir;
    if (!gone.has(dir)) notes.push(`directory "${dir}" is gone: its panes open in "${sessionDir}"`);
    gone.add(dir);
    return sessionDir;
  };
  const windows = saved.windows.map((w): WindowLayout => {
    const panes = w.panes.map((p): PaneLayout => {
      const pane: PaneLayout = { commands: [], dir: dirOf(p.dir), focus: p.active, exec: false };
      const line = commandLine(p);
      if (line === undefined) return pane;
      const program = programName(p.running!);
      if (c.runCommands || c.programs.includes(program)) {
        pane.commands = [line];
        restarted.push(program);
      } else {
        pane.pending = line;
        typed.push(program);
      }
      return pane;
    });
    return { name: w.name, layout: w.layout, dir: panes[0].dir, focus: w.active, panes };
  });
  const layout: SessionLayout = {
    template: "",
    session: name,
    dir: sessionDir,
    before: [],
    windows,
  };
  const step: TmuxStep = {
    kind: "tmux",
    id,
    name: `restore "${name}"`,
    scope: "global",
    optional: false,
    session: name,
    layout,
    cwd: sessionDir,
    env: saved.env,
  };
  return { step, notes, restarted, typed };
}

/**
 * The size the session is built at: the saved one, so each window's layout string fits as it
 * was (never below 80x24, where tmux soon has "no space for new pane" while splitting).
 */
export function restoreSize(saved: SavedSession): { columns: number; rows: number } {
  return { columns: Math.max(80, saved.size.columns), rows: Math.max(24, saved.size.rows) };
}

/** The line that starts the pane's program again: its argv quoted, or ps's text as it was. */
export function commandLine(pane: SavedPane): string | undefined {
  if (pane.running === undefined) return undefined;
  return typeof pane.running === "string" ? pane.running : pane.running.map(shellQuote).join(" ");
}

/** A rebuilt session's ids: the session, then each window with its panes, in order. */
export interface BuiltShape {
  session: string;
  windows: { id: string; panes: string[] }[];
}

/** The format of the list-panes that reads the rebuilt sessions' ids (a name has no tab). */
export const SHAPE_FORMAT = "#{session_name}\t#{session_id} #{window_id} #{pane_id}";

/** `list-panes -a -F SHAPE_FORMAT` output → each session's ids, by its name. */
export function parseShapes(text: string): Map<string, BuiltShape> {
  const out = new Map<string, BuiltShape>();
  for (const line of text.split("\n")) {
    const tab = line.lastIndexOf("\t");
    const ids = line.slice(tab + 1).split(" ");
    if (tab < 0 || ids.length !== 3) continue;
    const [session, window, pane] = ids;
    const name = line.slice(0, tab);
    const shape = out.get(name) ?? { session, windows: [] };
    out.set(name, shape);
    const last = shape.windows[shape.windows.length - 1];
    if (last?.id === window) last.panes.push(pane);
    else shape.windows.push({ id: window, panes: [pane] });
  }
  return out;
}

/** Whether the rebuilt session has the saved one's windows and panes. */
export function sameShape(saved: SavedSession, built: BuiltShape): boolean {
  return saved.windows.length === built.windows.length &&
    saved.windows.every((w, i) => w.panes.length === built.windows[i].panes.length);
}

/**
 * What a build does not make, addressed by id, for every rebuilt session in as few calls as
 * fit: session and window options, pane titles, then zoom (last: a zoomed window shows only
 * its active pane).
 */
export function finishArgv(
  socket: readonly string[],
  rebuilt: readonly { saved: SavedSession; built: BuiltShape }[],
): string[][] {
  const groups: string[][][] = [];
  for (const { saved, built } of rebuilt) {
    for (const [name, value] of Object.entries(saved.options)) {
      groups.push([["set-option", "-t", built.session, name, value]]);
    }
    saved.windows.forEach((w, wi) => {
      const ids = built.windows[wi];
      for (const [name, value] of Object.entries(w.options)) {
        groups.push([["set-option", "-w", "-t", ids.id, name, value]]);
      }
      // The build names every window (-n turns automatic-rename off for it); one whose name
      // followed its program follows it again.
      if (!("automatic-rename" in w.options)) {
        groups.push([["set-option", "-w", "-t", ids.id, "-u", "automatic-rename"]]);
      }
      w.panes.forEach((p, pi) => {
        groups.push([["select-pane", "-t", ids.panes[pi], "-T", literalFormat(p.title)]]);
      });
    });
  }
  for (const { saved, built } of rebuilt) {
    saved.windows.forEach((w, wi) => {
      const active = Math.max(0, w.panes.findIndex((p) => p.active));
      if (w.zoomed && w.panes.length > 1) {
        groups.push([["resize-pane", "-Z", "-t", built.windows[wi].panes[active]]]);
      }
    });
  }
  return groups.length ? packCommands(socket, groups) : [];
}
