/**
 * A smug project file (ivaaaan/smug: config.go, smug.go) → a rune template with its start and
 * stop commands. A smug window's `commands` run in its first pane and each of its `panes` is
 * split off after it; the layout (default even-horizontal) is applied after the splits, so a
 * pane's split `type` never shows. smug replaces `$VAR` in the whole file when it loads it: rune
 * turns the ones in names, roots and env values into variables and leaves those in commands to
 * the shell.
 */
import type { Issue, Result } from "../base/mod.ts";
import { runImport } from "./context.ts";
import type { ImportContext } from "./context.ts";
import { isAnchored, joinDir, normalizeDir } from "./dirs.ts";
import { focusWindow, makePane } from "./panes.ts";
import { describeValue, isRecord } from "./source.ts";
import type { DataPath } from "./source.ts";
import { fileStem, hasVariable, relativeRootWarning, sessionStep, unknownKeys } from "./steps.ts";
import { findShellVariables, looseBoolean, projectKey, scalarText } from "./text.ts";
import type { ImportFacts, ImportResult, RuneCommand, RunePane, RuneWindow } from "./types.ts";

const SESSION_KEYS = [
  "session",
  "root",
  "before_start",
  "stop",
  "env",
  "windows",
  "attach",
  "sendkeys_timeout",
  "attach_hook",
  "detach_hook",
  "tmux_options",
];
const WINDOW_KEYS = [
  "name",
  "root",
  "before_start",
  "panes",
  "commands",
  "layout",
  "selected",
  "manual",
];
const PANE_KEYS = ["root", "type", "commands"];
const AT_LOAD =
  "smug replaces it from `smug start` settings or its environment when it loads the file";
const NO_EQUIVALENT: Record<string, string> = {
  sendkeys_timeout: "rune waits for each pane's shell before it types; remove the key",
  attach_hook: "rune has no hook on every attach; put the command in a start step before the " +
    "session step if once per `rune start` is enough",
  detach_hook: "rune has no hook on every detach; a start step after the session step runs " +
    "once, when `rune start`'s own client detaches",
  tmux_options: "Set settings.tmux.socket for the socket, and source the file from tmux.conf",
};

/** Imports a smug project file. Pure. */
export function importSmug(
  text: string,
  file: string,
  facts: ImportFacts,
): Result<ImportResult, Issue[]> {
  return runImport(text, file, facts, { kind: "smug" }, convert);
}

function convert(ctx: ImportContext): ImportResult | undefined {
  const top = ctx.source.data;
  if (!isRecord(top)) {
    ctx.error(
      "import-shape",
      [],
      `Cannot import ${ctx.file}: it holds ${describeValue(top)}, not smug's settings`,
      "A smug file is a map with session:, root: and windows:",
    );
    return undefined;
  }
  unknownKeys(ctx, top, [], SESSION_KEYS, "session");
  for (const [key, hint] of Object.entries(NO_EQUIVALENT)) {
    if (top.has(key)) ctx.unsupported([key], key, hint);
  }
  if (top.has("attach") && looseBoolean(top.get("attach")) === false) {
    ctx.unsupported(["attach"], "attach: false", "rune switches to the session inside tmux too");
  }
  const shellVars = new ShellVariableNote(ctx);
  const rawName = scalarText(top.get("session"));
  const rootText = scalarText(top.get("root"));
  const root = rootText ? sessionRoot(ctx, rootText) : undefined;
  const rawWindows = top.get("windows");
  const windows = Array.isArray(rawWindows) ? convertWindows(ctx, rawWindows, root, shellVars) : [];
  if (!windows.length && !ctx.failed) {
    ctx.error(
      "import-no-windows",
      Array.isArray(rawWindows) ? ["windows"] : [],
      `Cannot import ${ctx.file}: it has no windows to start`,
      "Add windows: with at least one `- name: NAME`",
    );
  }
  if (!rawName?.trim()) {
    ctx.error(
      "import-no-name",
      [],
      `Cannot import ${ctx.file}: it has no session name`,
      "Add session: with the session's name",
    );
    return undefined;
  }
  const session = ctx.expanded(rawName, ["session"], AT_LOAD);
  const name = (hasVariable(session) ? "" : projectKey(rawName)) || fileStem(ctx.file);
  const before = lines(ctx, top.get("before_start"), ["before_start"], shellVars);
  const env = environment(ctx, top.get("env"));
  const stop: RuneCommand[] = lines(ctx, top.get("stop"), ["stop"], shellVars).map((c, i, all) => ({
    name: all.length > 1 ? `stop ${i + 1}` : "stop",
    command: c,
    ...(root !== undefined && { working_dir: root }),
  }));
  return {
    name,
    kind: "smug",
    file: ctx.file,
    template: {
      session_name: session,
      ...(root !== undefined && { dir: root }),
      ...(before.length && { before }),
      ...(env && { env }),
      windows,
    },
    start: [sessionStep(name)],
    stop,
    warnings: [],
  };
}

function sessionRoot(ctx: ImportContext, text: string): string {
  const dir = normalizeDir(ctx.expanded(text, ["root"], AT_LOAD), ctx.facts.home);
  if (!isAnchored(dir)) relativeRootWarning(ctx, ["root"], dir, "the directory it is started in");
  return dir;
}

function convertWindows(
  ctx: ImportContext,
  windows: unknown[],
  root: string | undefined,
  shellVars: ShellVariableNote,
): RuneWindow[] {
  const out: RuneWindow[] = [];
  let selected = -1;
  windows.forEach((item, i) => {
    const path = ["windows", i];
    if (!isRecord(item)) {
      ctx.error(
        "import-shape",
        path,
        `Cannot import windows[${i}]: a smug window is a map with name: and commands:, got ` +
          describeValue(item),
        "Write the window as `- name: NAME` with `commands:` under it",
      );
      return;
    }
    unknownKeys(ctx, item, path, WINDOW_KEYS, "window");
    if (looseBoolean(item.get("manual")) === true) {
      ctx.unsupported(
        [...path, "manual"],
        `the manual window ${JSON.stringify(scalarText(item.get("name")) ?? "")}`,
        "rune starts every window of a template; copy it into a template of its own to start it alone",
      );
      return;
    }
    if (item.has("before_start")) {
      ctx.warn(
        "ignored-key",
        [...path, "before_start"],
        "Cannot import a window's before_start: smug never runs it, so it is left out",
        "Move the commands to the session's before_start, or into the window's commands",
        "key",
      );
    }
    if (looseBoolean(item.get("selected")) === true) selected = out.length;
    out.push(convertWindow(ctx, item, path, root, shellVars));
  });
  if (selected >= 0) focusWindow(out, selected);
  return out;
}

function convertWindow(
  ctx: ImportContext,
  item: Map<unknown, unknown>,
  path: DataPath,
  root: string | undefined,
  shellVars: ShellVariableNote,
): RuneWindow {
  const window: RuneWindow = { panes: [] };
  const name = scalarText(item.get("name"));
  if (name) window.name = ctx.expanded(name, [...path, "name"], AT_LOAD);
  else {
    ctx.warn(
      "unnamed-window",
      path,
      `Cannot name windows[${path[1]}]: it has no name, so tmux names it after what it runs`,
      "Add name: if you want to find the window by name",
    );
  }
  const dir = dirUnder(ctx, root, item.get("root"), [...path, "root"]);
  if (dir !== root) window.dir = dir;
  const panes: RunePane[] = [
    makePane(lines(ctx, item.get("commands"), [...path, "commands"], shellVars)),
  ];
  const raw = item.get("panes");
  (Array.isArray(raw) ? raw : []).forEach((p, i) => {
    const at = [...path, "panes", i];
    if (!isRecord(p)) {
      panes.push(null);
      return;
    }
    unknownKeys(ctx, p, at, PANE_KEYS, "pane");
    if (p.has("type")) {
      ctx.warn(
        "ignored-key",
        [...at, "type"],
        `Cannot import the split type ${JSON.stringify(scalarText(p.get("type")) ?? "")}: smug ` +
          "applies the window's layout after the splits, so the direction never shows",
        "Choose the arrangement with the window's layout:",
        "key",
      );
    }
    const paneDir = dirUnder(ctx, dir, p.get("root"), [...at, "root"]);
    const commands = lines(ctx, p.get("commands"), [...at, "commands"], shellVars);
    panes.push(makePane(commands, paneDir !== dir ? { dir: paneDir } : {}));
  });
  window.panes = panes;
  const layout = scalarText(item.get("layout"));
  if (layout) window.layout = ctx.literal(layout, "layout");
  else if (panes.length > 1) window.layout = "even-horizontal";
  return window;
}

/** smug.go: an absolute (or `~/`) root stands alone, any other joins the one above. */
function dirUnder(
  ctx: ImportContext,
  base: string | undefined,
  raw: unknown,
  path: DataPath,
): string | undefined {
  const text = scalarText(raw);
  if (text === undefined || text === "") return base;
  return joinDir(base, ctx.expanded(text, path, AT_LOAD), ctx.facts.home);
}

/** A list of commands (a single string is taken as one); `$VAR` is left to the shell. */
function lines(
  ctx: ImportContext,
  raw: unknown,
  path: DataPath,
  shellVars: ShellVariableNote,
): string[] {
  const items = Array.isArray(raw) ? raw : raw === undefined || raw === null ? [] : [raw];
  return items.flatMap((c, i) => {
    const text = scalarText(c);
    if (text === undefined) return [];
    const at = Array.isArray(raw) ? [...path, i] : path;
    shellVars.check(text, at);
    return [ctx.text(text, at)];
  });
}

function environment(ctx: ImportContext, raw: unknown): Record<string, string> | undefined {
  if (!isRecord(raw)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, value] of raw) {
    const text = scalarText(value) ?? "";
    out[String(key)] = ctx.expanded(text, ["env", key], AT_LOAD);
  }
  return out;
}

/** One warning per file for `$VAR` in commands, at the first one. */
class ShellVariableNote {
  #ctx: ImportContext;
  #warned = false;
  constructor(ctx: ImportContext) {
    this.#ctx = ctx;
  }
  check(text: string, path: DataPath) {
    const found = findShellVariables(text);
    if (!found.length || this.#warned) return;
    this.#warned = true;
    {
      this.#ctx.warn(
        "shell-variable",
        path,
        `Cannot expand ${JSON.stringify(found[0].source)} (and any other $VAR in commands) ` +
          "at import time: smug replaces it when it loads the file; rune leaves it to the " +
          "pane's shell, which reads the session's environment",
        "Pass a smug setting as `rune start NAME --var KEY=…` and write {{.Var.KEY}} in its place",
      );
    }
  }
}
