/**
 * Building rune panes in their shortest form: a plain shell is `null`, one command with nothing
 * else is a string, anything more is an object. Pure.
 */
import type { RunePane, RunePaneObject, RuneWindow } from "./types.ts";

/** Extra pane keys besides `command`. */
export type PaneExtras = Omit<RunePaneObject, "command">;

/**
 * A pane typing `lines` in order. `[]` is a plain shell; `[""]` types just Enter, which a pane
 * string cannot say (rune reads the pane `""` as a plain shell), so it stays an object.
 */
export function makePane(lines: readonly string[], extras: PaneExtras = {}): RunePane {
  const keys = Object.entries(extras).filter(([, v]) => v !== undefined);
  const rest = Object.fromEntries(keys) as PaneExtras;
  if (!keys.length) {
    if (!lines.length) return null;
    if (lines.length === 1 && lines[0] !== "") return lines[0];
  }
  const command = lines.length === 0 ? undefined : lines.length === 1 ? lines[0] : [...lines];
  return command === undefined ? rest : { command, ...rest };
}

/** The pane as an object (to add a key to it). */
export function paneObject(pane: RunePane): RunePaneObject {
  if (pane === null) return {};
  if (typeof pane === "string") return { command: pane };
  return { ...pane };
}

/** The index of the pane with `focus: true`, or 0 (rune's default). */
export function focusedPane(window: RuneWindow): number {
  const i = window.panes.findIndex((p) => p !== null && typeof p === "object" && p.focus);
  return i < 0 ? 0 : i;
}

/** Makes pane `index` the window's only focused pane (index 0 needs no key). */
export function focusPane(window: RuneWindow, index: number): void {
  window.panes = window.panes.map((pane, i) => {
    if (pane === null || typeof pane === "string" || !pane.focus) {
      return i === index && i > 0 ? { ...paneObject(pane), focus: true } : pane;
    }
    const { focus: _focus, ...rest } = pane;
    if (i === index && i > 0) return { ...rest, focus: true };
    return makePane(linesOf(rest), withoutCommand(rest));
  });
}

/** Makes window `index` the only focused window (index 0 needs no key). */
export function focusWindow(windows: RuneWindow[], index: number): void {
  windows.forEach((w, i) => {
    if (i === index && i > 0) w.focus = true;
    else delete w.focus;
  });
}

function linesOf(pane: RunePaneObject): string[] {
  if (pane.command === undefined) return [];
  return Array.isArray(pane.command) ? pane.command : [pane.command];
}

/** `makePane` keeps extras; this drops `command` from them so it is not counted twice. */
export function withoutCommand(pane: RunePaneObject): PaneExtras {
  const { command: _c, ...rest } = pane;
  return rest;
}
