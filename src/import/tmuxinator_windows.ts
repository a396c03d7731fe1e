/**
 * tmuxinator's windows and panes → rune windows, as lib/tmuxinator/window.rb and pane.rb read
 * them. A window is a one-key map `NAME: VALUE`: a string is one pane typing it, a list is ONE
 * pane typing each item, null is a plain shell, a map holds root/layout/panes/pre/synchronize/
 * focused_pane. A window with several panes and no layout is tiled (tmuxinator re-tiles after
 * every split and its final `select-layout` with no layout changes nothing).
 */
import type { ImportContext } from "./context.ts";
import { joinDir } from "./dirs.ts";
import { focusPane, makePane } from "./panes.ts";
import type { PaneExtras } from "./panes.ts";
import { describeValue, isRecord } from "./source.ts";
import type { DataPath } from "./source.ts";
import { looseBoolean, scalarText } from "./text.ts";
import type { RunePane, RuneWindow } from "./types.ts";

const WINDOW_KEYS = ["root", "layout", "panes", "pre", "synchronize", "focused_pane"];

/** Converts `windows` (the list under `path`); `root` is the project's root, if any. */
export function convertWindows(
  ctx: ImportContext,
  windows: unknown[],
  path: DataPath,
  root: string | undefined,
): RuneWindow[] {
  const out: RuneWindow[] = [];
  windows.forEach((item, i) => {
    const w = convertWindow(ctx, item, [...path, i], root);
    if (w) out.push(w);
  });
  return out;
}

function convertWindow(
  ctx: ImportContext,
  item: unknown,
  path: DataPath,
  root: string | undefined,
): RuneWindow | undefined {
  const label = `windows[${path[path.length - 1]}]`;
  if (!isRecord(item) || item.size === 0) {
    ctx.error(
      "import-shape",
      path,
      `Cannot import ${label}: a tmuxinator window is a one-key map such as "- editor: vim", ` +
        `got ${describeValue(item)}`,
      "Write the window as `- NAME: COMMAND` or `- NAME: {panes: [...]}`",
    );
    return undefined;
  }
  const [key, value] = [...item.entries()][0];
  for (const extra of [...item.keys()].slice(1)) {
    ctx.warn(
      "ignored-key",
      [...path, extra],
      `Cannot import ${JSON.stringify(String(extra))} in ${label}: tmuxinator reads only a ` +
        `window's first key (${JSON.stringify(String(key))}), so it is left out`,
      "Make it a window of its own, or an option under the first key",
      "key",
    );
  }
  const vPath = [...path, key];
  const keyText = scalarText(key);
  const window: RuneWindow = { panes: [] };
  if (keyText === undefined) {
    ctx.warn(
      "unnamed-window",
      path,
      `Cannot name ${label}: its key is ~ (no name), so tmux names it after what it runs`,
      "Give the window a name if you want to find it by name",
    );
  } else window.name = ctx.text(keyText, vPath);
  if (isRecord(value)) return optionsWindow(ctx, window, value, vPath, root);
  window.panes = [commandWindowPane(ctx, value, vPath, label)];
  return window;
}

/** `- NAME: COMMAND` or `- NAME: [COMMANDS]`: one pane typing them (window.rb build_commands). */
function commandWindowPane(
  ctx: ImportContext,
  value: unknown,
  path: DataPath,
  label: string,
): RunePane {
  if (Array.isArray(value)) {
    const lines = value.flatMap((c, i) => {
      const t = scalarText(c);
      return t === undefined ? [] : [ctx.text(t, [...path, i])];
    });
    return makePane(lines);
  }
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "string") return ctx.text(value, path);
  ctx.warn(
    "not-a-command",
    path,
    `Cannot import ${describeValue(value)} as the command of ${label}: tmuxinator types nothing ` +
      "for it, so the pane is a plain shell",
    "Quote it if it is a command",
  );
  return null;
}

function optionsWindow(
  ctx: ImportContext,
  window: RuneWindow,
  options: Map<unknown, unknown>,
  path: DataPath,
  root: string | undefined,
): RuneWindow {
  for (const key of options.keys()) {
    if (typeof key === "string" && WINDOW_KEYS.includes(key)) continue;
    ctx.warn(
      "unknown-key",
      [...path, key],
      `Cannot import the window key ${JSON.stringify(String(key))}: tmuxinator does not read it ` +
        "either, so it is left out",
      `Window keys tmuxinator reads: ${WINDOW_KEYS.join(", ")}`,
      "key",
    );
  }
  const rootText = scalarText(options.get("root"));
  if (rootText !== undefined && rootText !== "") {
    const dir = joinDir(root, ctx.text(rootText, [...path, "root"]), ctx.facts.home);
    if (dir !== root) window.dir = dir;
  }
  const layout = scalarText(options.get("layout"));
  if (layout) window.layout = ctx.literal(layout, "layout");

  const rawPanes = options.get("panes");
  const list = rawPanes === null || rawPanes === undefined
    ? []
    : Array.isArray(rawPanes)
    ? rawPanes
    : [rawPanes];
  const titles: (string | undefined)[] = [];
  window.panes = list.map((p, i) => {
    const { pane, title } = convertPane(ctx, p, [
      ...path,
      "panes",
      ...(Array.isArray(rawPanes) ? [i] : []),
    ]);
    titles.push(title);
    return pane;
  });

  const pre = windowPre(ctx, options.get("pre"), [...path, "pre"]);
  if (!window.panes.length) {
    window.panes = [null];
    if (pre !== undefined) {
      ctx.warn(
        "ignored-key",
        [...path, "pre"],
        "Cannot import pre of a window without panes: tmuxinator types it only into listed panes",
        "Move the commands into panes:, or into pre_window",
        "key",
      );
    }
  } else if (pre !== undefined) window.pre = pre;
  if (window.panes.length > 1 && !window.layout) window.layout = "tiled";

  const sync = options.get("synchronize");
  if (sync !== undefined && sync !== null) {
    if (sync === "after") window.synchronize = "after";
    else if (sync === "before" || looseBoolean(sync) === true) window.synchronize = "before";
    else if (looseBoolean(sync) !== false) {
      ctx.warn(
        "bad-value",
        [...path, "synchronize"],
        `Cannot import synchronize ${describeValue(sync)}: tmuxinator reads true, before or after`,
        "Write synchronize: after",
      );
    }
  }
  focusFromOption(ctx, window, titles, options.get("focused_pane"), [...path, "focused_pane"]);
  return window;
}

/** A window's `pre`: a string, or a list tmuxinator joins with ` && ` (null items dropped). */
function windowPre(ctx: ImportContext, value: unknown, path: DataPath): string | undefined {
  if (Array.isArray(value)) {
    const parts = value.flatMap((v) => {
      const t = scalarText(v);
      return t === undefined || t === "" ? [] : [t];
    });
    return parts.length ? ctx.text(parts.join(" && "), path) : undefined;
  }
  const t = scalarText(value);
  return t === undefined || t === "" ? undefined : ctx.text(t, path);
}

/** A pane item: a command, null, a list of commands, or `TITLE: command-or-list`. */
function convertPane(
  ctx: ImportContext,
  value: unknown,
  path: DataPath,
): { pane: RunePane; title?: string } {
  const extras: PaneExtras = {};
  let commands = value;
  let cPath = path;
  let rawTitle: string | undefined;
  if (isRecord(value) && value.size > 0) {
    const [key, inner] = [...value.entries()][0];
    for (const extra of [...value.keys()].slice(1)) {
      ctx.warn(
        "ignored-key",
        [...path, extra],
        `Cannot import ${
          JSON.stringify(String(extra))
        }: tmuxinator reads only a pane's first key ` +
          `(its title ${JSON.stringify(String(key))}), so it is left out`,
        "Make it a pane of its own",
        "key",
      );
    }
    rawTitle = scalarText(key);
    if (rawTitle !== undefined) extras.title = ctx.text(rawTitle, path);
    commands = inner;
    cPath = [...path, key];
  }
  const items = Array.isArray(commands) ? commands : [commands];
  // pane.rb types each command; a null one types nothing, and "" types an Enter.
  const lines = items.flatMap((c, i) => {
    const t = scalarText(c);
    return t === undefined ? [] : [ctx.text(t, Array.isArray(commands) ? [...cPath, i] : cPath)];
  });
  return { pane: makePane(lines, extras), title: rawTitle };
}

/** `focused_pane`: an index from 0, or a pane's title; anything else is pane 0 (window.rb). */
function focusFromOption(
  ctx: ImportContext,
  window: RuneWindow,
  titles: (string | undefined)[],
  value: unknown,
  path: DataPath,
): void {
  if (value === undefined || value === null) return;
  const text = scalarText(value) ?? "";
  let index = /^-?\d+$/.test(text) ? Number(text) : titles.indexOf(text);
  if (index < 0 || index >= window.panes.length) {
    ctx.warn(
      "bad-value",
      path,
      `Cannot focus pane ${JSON.stringify(text)}: the window has no such pane, so tmuxinator ` +
        "focuses its first pane",
      "Name a pane by its title, or give its index from 0",
    );
    index = 0;
  }
  focusPane(window, index);
}
