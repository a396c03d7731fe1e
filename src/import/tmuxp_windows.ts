/**
 * tmuxp windows and panes → rune windows, as loader.py's expand()/trickle() and the classic
 * builder read them. A pane's own lines follow its shell_command_before; the window's and the
 * session's shell_command_before become rune's `pre` and `pre_window`. `shell`/`window_shell`
 * is the program a pane runs, and its lines are typed into that program.
 */
import type { ImportContext } from "./context.ts";
import { focusPane, focusWindow, makePane } from "./panes.ts";
import { describeValue, isRecord } from "./source.ts";
import type { DataPath } from "./source.ts";
import { unknownKeys } from "./steps.ts";
import { looseBoolean, scalarText } from "./text.ts";
import {
  AT_LOAD,
  commandLines,
  environment,
  reportUnsupportedBehaviour,
  startDirectory,
  tmuxOptions,
} from "./tmuxp_values.ts";
import type { RunePane, RuneWindow } from "./types.ts";

const WINDOW_KEYS = [
  "window_name",
  "start_directory",
  "panes",
  "layout",
  "options",
  "options_after",
  "shell_command_before",
  "environment",
  "window_shell",
  "focus",
  "suppress_history",
  "window_index",
];
const PANE_KEYS = [
  "shell_command",
  "start_directory",
  "focus",
  "shell",
  "environment",
  "shell_command_before",
  "suppress_history",
  "enter",
  "sleep_before",
  "sleep_after",
];

export interface SessionBasics {
  dir: string | undefined;
  env: Record<string, string> | undefined;
}

/** The windows under `path`; the last one with `focus` gets it, as in the builder. */
export function convertWindows(
  ctx: ImportContext,
  windows: unknown[],
  path: DataPath,
  session: SessionBasics,
): RuneWindow[] {
  let focused = -1;
  const out: RuneWindow[] = [];
  windows.forEach((item, i) => {
    const at = [...path, i];
    if (!isRecord(item)) {
      ctx.error(
        "import-shape",
        at,
        `Cannot import windows[${i}]: a tmuxp window is a map with window_name: and panes:, ` +
          `got ${describeValue(item)}`,
        "Write the window as `- window_name: NAME` with `panes:` under it",
      );
      return;
    }
    if (looseBoolean(item.get("focus")) === true) focused = out.length;
    out.push(convertWindow(ctx, item, at, session));
  });
  if (focused >= 0) focusWindow(out, focused);
  return out;
}

function convertWindow(
  ctx: ImportContext,
  item: Map<unknown, unknown>,
  path: DataPath,
  session: SessionBasics,
): RuneWindow {
  unknownKeys(ctx, item, path, WINDOW_KEYS, "window");
  reportUnsupportedBehaviour(ctx, item, path);
  const window: RuneWindow = { panes: [] };
  const name = scalarText(item.get("window_name"));
  if (name === undefined || name === "") {
    ctx.warn(
      "unnamed-window",
      path,
      `Cannot name windows[${path[path.length - 1]}]: it has no window_name, so tmux names it ` +
        "after what it runs (automatic-rename)",
      "Add window_name: if you want to find the window by name",
    );
  } else window.name = ctx.expanded(name, [...path, "window_name"], AT_LOAD);
  const ownDir = startDirectory(ctx, item.get("start_directory"), [...path, "start_directory"], {
    dotBase: session.dir,
    parent: session.dir,
  });
  const written = scalarText(item.get("start_directory")) ?? "";
  if (ownDir !== undefined && written.startsWith(".")) {
    const how = session.dir === undefined
      ? "tmuxp 1.27 fails on it when the session has no start_directory; rune reads it as the " +
        "file's directory"
      : "tmuxp 1.27 joins it to the session's start_directory";
    ctx.warn(
      "dot-directory",
      [...path, "start_directory"],
      `Cannot read start_directory ${JSON.stringify(written)} one way only: ${how}, so it is ` +
        JSON.stringify(ownDir),
      `Write ${JSON.stringify(ctx.facts.fileDir)} if you meant the file's directory`,
    );
  }
  if (ownDir !== undefined && ownDir !== session.dir) window.dir = ownDir;
  const windowDir = ownDir ?? session.dir;
  const layout = scalarText(item.get("layout"));
  if (layout) window.layout = ctx.literal(layout, "layout");
  const pre = commandLines(ctx, shellCommands(item.get("shell_command_before")), [
    ...path,
    "shell_command_before",
  ]);
  if (pre.length) window.pre = pre.length === 1 ? pre[0] : pre;
  const env = environment(ctx, item.get("environment"), [...path, "environment"], ctx.facts.cwd);
  if (env) window.env = env;
  const options = tmuxOptions(ctx, item.get("options"), [...path, "options"], undefined);
  const after = optionsAfter(ctx, item.get("options_after"), [...path, "options_after"], window);
  if (Object.keys({ ...options, ...after }).length) {
    window.window_options = { ...options, ...after };
  }
  const rawPanes = item.get("panes");
  const panes = Array.isArray(rawPanes) ? rawPanes : [];
  let focused = -1;
  window.panes = panes.map((p, i) => {
    const at = [...path, "panes", i];
    if (isRecord(p) && looseBoolean(p.get("focus")) === true) focused = i;
    return convertPane(ctx, p, at, { window: item, windowDir, first: i === 0, session, env });
  });
  if (!window.panes.length) window.panes = [makePane([], { shell: windowShell(item) })];
  if (focused > 0) focusPane(window, focused);
  if (item.has("window_index")) {
    ctx.unsupported(
      [...path, "window_index"],
      "window_index",
      "rune never addresses windows by index; the windows keep their order in the file",
    );
  }
  return window;
}

/** `shell_command_before` may also be `{shell_command: [...]}` (expand_cmd's own form). */
export function shellCommands(value: unknown): unknown {
  return isRecord(value) ? value.get("shell_command") ?? null : value;
}

function optionsAfter(
  ctx: ImportContext,
  raw: unknown,
  path: DataPath,
  window: RuneWindow,
): Record<string, string> {
  const options = tmuxOptions(ctx, raw, path, undefined);
  const sync = options["synchronize-panes"];
  if (sync !== undefined) {
    delete options["synchronize-panes"];
    if (sync === "on") window.synchronize = "after";
  }
  for (const name of Object.keys(options)) {
    ctx.warn(
      "options-after",
      [...path, name],
      `Cannot set ${name} after the panes are built: rune sets window options when it makes ` +
        "the window, so it is imported under window_options",
      "Check that the option does not need the panes to exist first",
      "key",
    );
  }
  return options;
}

interface PaneContext {
  window: Map<unknown, unknown>;
  windowDir: string | undefined;
  first: boolean;
  session: SessionBasics;
  env: Record<string, string> | undefined;
}

function convertPane(ctx: ImportContext, raw: unknown, path: DataPath, pc: PaneContext): RunePane {
  if (!isRecord(raw)) {
    return makePane(commandLines(ctx, raw ?? [], path), { shell: paneShell(undefined, pc) });
  }
  unknownKeys(ctx, raw, path, PANE_KEYS, "pane");
  reportUnsupportedBehaviour(ctx, raw, path);
  const before = commandLines(ctx, shellCommands(raw.get("shell_command_before")), [
    ...path,
    "shell_command_before",
  ]);
  const own = commandLines(ctx, raw.get("shell_command") ?? [], [...path, "shell_command"]);
  const dir = startDirectory(ctx, raw.get("start_directory"), [...path, "start_directory"], {
    dotBase: pc.windowDir,
    parent: pc.windowDir,
  });
  const env = paneEnvironment(ctx, raw, path, pc);
  return makePane([...before, ...own], {
    ...(dir !== undefined && dir !== pc.windowDir && { dir }),
    ...(env && { env }),
    shell: paneShell(scalarText(raw.get("shell")), pc),
  });
}

/** A pane's `shell`, else the window's `window_shell` (a first pane's `""` also falls back). */
function paneShell(own: string | undefined, pc: PaneContext): string | undefined {
  if (own !== undefined && own !== "") return own;
  if (own === "" && !pc.first) return undefined;
  return windowShell(pc.window);
}

function windowShell(window: Map<unknown, unknown>): string | undefined {
  const shell = scalarText(window.get("window_shell"));
  return shell === "" ? undefined : shell;
}

/**
 * tmuxp gives a pane its own environment INSTEAD of its window's (split-window -e), over the
 * session's. rune layers pane over window over session, so a window variable the pane does not
 * set is put back to the session's value.
 */
function paneEnvironment(
  ctx: ImportContext,
  raw: Map<unknown, unknown>,
  path: DataPath,
  pc: PaneContext,
): Record<string, string> | undefined {
  const own = environment(ctx, raw.get("environment"), [...path, "environment"], ctx.facts.cwd);
  if (!own || !pc.env) return own;
  const out = { ...own };
  for (const name of Object.keys(pc.env)) {
    if (name in out) continue;
    const session = pc.session.env?.[name];
    if (session !== undefined) out[name] = session;
    else {
      ctx.warn(
        "env-unset",
        [...path, "environment"],
        `Cannot unset ${name} in this pane: tmuxp gives the pane only its own environment, ` +
          "while rune's pane also sees its window's",
        `Set ${name} in the pane's environment to the value it should have`,
      );
    }
  }
  return out;
}
