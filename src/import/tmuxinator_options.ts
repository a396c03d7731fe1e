/**
 * tmuxinator's project options that shape the session after its windows are known: which window
 * and pane are selected at the end (startup_window, startup_pane over a window's focused_pane),
 * and pane titles in the border (enable_pane_titles). Pure.
 */
import type { ImportContext } from "./context.ts";
import { focusedPane, focusPane, focusWindow } from "./panes.ts";
import { isRecord } from "./source.ts";
import { looseBoolean, scalarText } from "./text.ts";
import type { RuneWindow, TmuxOptions } from "./types.ts";

/** enable_pane_titles → pane-border-status/-format for every window (project.rb). */
export function paneTitleOptions(
  ctx: ImportContext,
  top: Map<unknown, unknown>,
): { window_options?: TmuxOptions } {
  const enabled = looseBoolean(top.get("enable_pane_titles")) === true;
  if (!enabled) {
    for (const k of ["pane_title_position", "pane_title_format"]) {
      if (!top.has(k)) continue;
      ctx.warn(
        "ignored-key",
        [k],
        `Cannot import ${k}: it does nothing without enable_pane_titles: true`,
        "Add enable_pane_titles: true, or remove it",
        "key",
      );
    }
    return {};
  }
  let position = scalarText(top.get("pane_title_position")) ?? "top";
  if (!["top", "bottom", "off"].includes(position)) {
    ctx.warn(
      "bad-value",
      ["pane_title_position"],
      `Cannot use pane_title_position ${
        JSON.stringify(position)
      }: tmux reads top, bottom or off, ` +
        "so it is top (as in tmuxinator)",
      "Write top, bottom or off",
    );
    position = "top";
  }
  const format = scalarText(top.get("pane_title_format")) ?? "#{pane_index}: #{pane_title}";
  return {
    window_options: {
      "pane-border-status": position,
      "pane-border-format": ctx.text(format, ["pane_title_format"]),
    },
  };
}

/**
 * startup_window (a name or an index from 0) gets focus; in it, startup_pane (from 0, default
 * the first) is the pane tmuxinator selects last, over that window's focused_pane.
 */
export function applyStartup(
  ctx: ImportContext,
  top: Map<unknown, unknown>,
  windows: RuneWindow[],
) {
  let index = 0;
  const sw = top.get("startup_window");
  if (sw !== undefined && sw !== null && windows.length) {
    const text = ctx.literal(scalarText(sw) ?? "", "startup_window");
    const byName = windows.findIndex((w) => w.name === text);
    const byIndex = /^\d+$/.test(text) && Number(text) < windows.length ? Number(text) : -1;
    index = byName >= 0 ? byName : byIndex;
    if (index < 0) {
      ctx.warn(
        "bad-value",
        ["startup_window"],
        `Cannot select startup_window ${JSON.stringify(text)}: no window has that name or index`,
        "Name a window, or give its index from 0",
      );
      index = 0;
    } else focusWindow(windows, index);
  }
  const window = windows[index];
  if (!window) return;
  const sp = top.get("startup_pane");
  let pane = 0;
  if (sp !== undefined && sp !== null) {
    const text = scalarText(sp) ?? "";
    pane = /^\d+$/.test(text) ? Number(text) : -1;
    if (pane < 0 || pane >= window.panes.length) {
      ctx.warn(
        "bad-value",
        ["startup_pane"],
        `Cannot select startup_pane ${JSON.stringify(text)}: window ${
          JSON.stringify(window.name ?? "")
        } ` +
          `has ${window.panes.length} pane(s)`,
        "Give a pane index from 0",
      );
      pane = 0;
    }
  }
  const was = focusedPane(window);
  const asked = focusedPaneOption(top, index);
  if (was !== pane && asked !== undefined) {
    const given = sp !== undefined && sp !== null;
    ctx.warn(
      "focus-overridden",
      given ? ["startup_pane"] : asked.path,
      `Cannot keep focused_pane ${JSON.stringify(asked.value)} of window ` +
        `${JSON.stringify(window.name ?? "")}: tmuxinator selects pane ${pane} (from 0) of the ` +
        "startup window last, so rune focuses that pane",
      given ? "Set startup_pane to the pane you want" : "Add startup_pane: with the pane you want",
    );
  }
  focusPane(window, pane);
}

/** The startup window's own focused_pane, as written, and where it is. */
function focusedPaneOption(
  top: Map<unknown, unknown>,
  index: number,
): { value: string; path: unknown[] } | undefined {
  const tabs = top.get("tabs");
  const key = tabs !== undefined && tabs !== null ? "tabs" : "windows";
  const raw = top.get(key);
  const item = Array.isArray(raw) ? raw[index] : undefined;
  if (!isRecord(item) || !item.size) return undefined;
  const [name, options] = [...item.entries()][0];
  const value = isRecord(options) ? scalarText(options.get("focused_pane")) : undefined;
  return value === undefined ? undefined : { value, path: [key, index, name, "focused_pane"] };
}
