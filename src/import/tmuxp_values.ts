/**
 * tmuxp's small value shapes, read as src/tmuxp/workspace/loader.py reads them: command lists
 * (expand_cmd), start directories (expand + trickle), environments and tmux options.
 */
import type { ImportContext } from "./context.ts";
import { isAnchored, joinDir, normalizeDir } from "./dirs.ts";
import { describeValue, isRecord } from "./source.ts";
import type { DataPath } from "./source.ts";
import { looseBoolean, optionText, scalarText } from "./text.ts";
import type { TmuxOptions } from "./types.ts";

/** When tmuxp expands `$VAR` in a value: while it loads the file. */
export const AT_LOAD = "tmuxp expands it from its own environment when it loads the file";

const BLANK = ["blank", "pane"];

/**
 * The lines a pane (or a shell_command_before) types: a string is one line, a list one line per
 * item, null/[]/"pane"/"blank" nothing, `""` an Enter. Items may be `{cmd, enter, sleep_*}`.
 */
export function commandLines(ctx: ImportContext, value: unknown, path: DataPath): string[] {
  const cmds = typeof value === "string" ? [value] : Array.isArray(value) ? value : [];
  const listed = Array.isArray(value);
  if (cmds.length === 1 && (cmds[0] === null || BLANK.includes(cmds[0] as string))) return [];
  if (value !== null && value !== undefined && !listed && typeof value !== "string") {
    ctx.warn(
      "bad-value",
      path,
      `Cannot import ${describeValue(value)} as commands: tmuxp reads a string or a list`,
      "Write shell_command: as a list of lines",
    );
    return [];
  }
  return cmds.flatMap((item, i) => {
    const at = listed ? [...path, i] : path;
    if (isRecord(item)) return commandItem(ctx, item, at);
    const text = scalarText(item);
    if (text === undefined) return [];
    if (BLANK.includes(text)) {
      ctx.warn(
        "blank-word",
        at,
        `Cannot read ${JSON.stringify(text)} as a blank pane here: tmuxp types it as a command ` +
          "when the list has other lines",
        "Remove it, or make the pane only that word",
      );
    }
    return [ctx.text(text, at)];
  });
}

function commandItem(ctx: ImportContext, item: Map<unknown, unknown>, path: DataPath): string[] {
  for (const key of item.keys()) {
    if (key === "cmd") continue;
    if (key === "enter" && looseBoolean(item.get(key)) !== false) continue;
    const what = key === "enter" ? "enter: false" : String(key);
    const hint = key === "enter"
      ? "rune presses Enter after every line; leave the line out, or accept the Enter"
      : "rune waits for each pane's shell before it types; remove the key";
    ctx.unsupported([...path, key], what, hint);
  }
  const text = scalarText(item.get("cmd"));
  return text === undefined ? [] : [ctx.text(text, [...path, "cmd"])];
}

/** Pane- or window-level keys rune has nothing for, reported once each. */
export function reportUnsupportedBehaviour(
  ctx: ImportContext,
  value: Map<unknown, unknown>,
  path: DataPath,
): void {
  if (value.has("suppress_history") && looseBoolean(value.get("suppress_history")) !== false) {
    ctx.unsupported(
      [...path, "suppress_history"],
      "suppress_history: true",
      "rune types lines as they are, so they go to the shell's history",
    );
  }
  for (const key of ["enter", "sleep_before", "sleep_after"]) {
    if (!value.has(key) || (key === "enter" && looseBoolean(value.get(key)) !== false)) continue;
    ctx.unsupported(
      [...path, key],
      key === "enter" ? "enter: false" : key,
      key === "enter"
        ? "rune presses Enter after every line"
        : "rune waits for each pane's shell before it types; remove the key",
    );
  }
}

/**
 * A start_directory as tmuxp computes it. `./x` joins `dotBase` (the file's directory for the
 * session, the session's start_directory for a window); a bare relative one joins `parent`.
 */
export function startDirectory(
  ctx: ImportContext,
  raw: unknown,
  path: DataPath,
  options: { dotBase: string | undefined; parent: string | undefined },
): string | undefined {
  const text = scalarText(raw);
  if (text === undefined || text === "") return undefined;
  const dir = ctx.expanded(text, path, AT_LOAD);
  const home = ctx.facts.home;
  if (dir.startsWith(".")) return joinDir(options.dotBase ?? ctx.facts.fileDir, dir, home);
  if (isAnchored(dir) || dir.startsWith("~")) return normalizeDir(dir, home);
  return joinDir(options.parent, dir, home);
}

/** An `environment:` map: values expanded as tmuxp does, `./x` joined to `dotBase`. */
export function environment(
  ctx: ImportContext,
  raw: unknown,
  path: DataPath,
  dotBase: string,
): Record<string, string> | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!isRecord(raw)) {
    ctx.warn(
      "bad-value",
      path,
      `Cannot import environment: it is ${describeValue(raw)}, not a map`,
      "Write environment: as NAME: value lines",
    );
    return undefined;
  }
  const out: Record<string, string> = {};
  for (const [key, value] of raw) {
    const text = scalarText(value);
    if (text === undefined) {
      ctx.warn(
        "bad-value",
        [...path, key],
        `Cannot import the variable ${String(key)}: its value is ${describeValue(value)}`,
        "Give it a string value",
      );
      continue;
    }
    const v = ctx.expanded(text, [...path, key], AT_LOAD);
    out[String(key)] = v.startsWith(".") ? joinDir(dotBase, v, ctx.facts.home) : v;
  }
  return out;
}

/** tmux options: booleans become on/off; strings are expanded as tmuxp does. */
export function tmuxOptions(
  ctx: ImportContext,
  raw: unknown,
  path: DataPath,
  dotBase: string | undefined,
): TmuxOptions {
  const out: TmuxOptions = {};
  if (raw === undefined || raw === null) return out;
  if (!isRecord(raw)) {
    ctx.warn(
      "bad-value",
      path,
      `Cannot import ${String(path[path.length - 1])}: it is ${describeValue(raw)}, not a map`,
      "Write tmux options as NAME: value lines",
    );
    return out;
  }
  for (const [key, value] of raw) {
    const name = ctx.literal(String(key), "tmux option name");
    const text = optionText(value);
    if (text === undefined) {
      ctx.warn(
        "bad-value",
        [...path, key],
        `Cannot import the tmux option ${name}: its value is ${describeValue(value)}`,
        "Give the option one value",
      );
      continue;
    }
    const v = typeof value === "string" ? ctx.expanded(text, [...path, key], AT_LOAD) : text;
    out[name] = dotBase && v.startsWith(".") ? joinDir(dotBase, v, ctx.facts.home) : v;
  }
  return out;
}
