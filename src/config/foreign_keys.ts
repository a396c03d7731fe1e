/**
 * Keys of tmuxinator, tmuxp and smug pasted into a rune template: each has a rune key that does
 * the same, so the loader can say which (`window_name` → `name`) instead of dropping the value
 * with a warning. Also tmuxinator's one-key window (`- server: rails s`), shown in rune's form.
 * Pure.
 */
import type { SourceKind } from "./foreign.ts";
import { isMap } from "./raw.ts";

/** Where in a template a key sits. */
export type TemplateLevel = "template" | "window" | "pane";

export interface ForeignKey {
  /** rune's key for the same thing. */
  rune: string;
  /** Whose key it is. */
  tools: SourceKind[];
}

const TABLE: Record<TemplateLevel, Record<string, ForeignKey>> = {
  template: {
    session: { rune: "session_name", tools: ["smug"] },
    root: { rune: "dir", tools: ["tmuxinator", "smug"] },
    project_root: { rune: "dir", tools: ["tmuxinator"] },
    start_directory: { rune: "dir", tools: ["tmuxp"] },
    shell_command_before: { rune: "pre_window", tools: ["tmuxp"] },
    pre_tab: { rune: "pre_window", tools: ["tmuxinator"] },
    before_script: { rune: "before", tools: ["tmuxp"] },
    before_start: { rune: "before", tools: ["smug"] },
    tabs: { rune: "windows", tools: ["tmuxinator"] },
    environment: { rune: "env", tools: ["tmuxp"] },
    global_options: { rune: "options", tools: ["tmuxp"] },
  },
  window: {
    window_name: { rune: "name", tools: ["tmuxp"] },
    root: { rune: "dir", tools: ["tmuxinator", "smug"] },
    start_directory: { rune: "dir", tools: ["tmuxp"] },
    shell_command_before: { rune: "pre", tools: ["tmuxp"] },
    selected: { rune: "focus", tools: ["smug"] },
    environment: { rune: "env", tools: ["tmuxp"] },
    options: { rune: "window_options", tools: ["tmuxp"] },
  },
  pane: {
    shell_command: { rune: "command", tools: ["tmuxp"] },
    cmd: { rune: "command", tools: ["tmuxp"] },
    commands: { rune: "command", tools: ["smug"] },
    start_directory: { rune: "dir", tools: ["tmuxp"] },
    root: { rune: "dir", tools: ["smug"] },
    environment: { rune: "env", tools: ["tmuxp"] },
  },
};

/** rune's key for another tool's `key` at `level`, if it has one. */
export function findForeignKey(level: TemplateLevel, key: string): ForeignKey | undefined {
  return Object.hasOwn(TABLE[level], key) ? TABLE[level][key] : undefined;
}

/** "tmuxp's", "tmuxinator's and smug's" */
export function toolsPossessive(tools: readonly SourceKind[]): string {
  const names = tools.map((t) => `${t}'s`);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : names[0];
}

/** The keys a rune window has; any other single key makes a tmuxinator-style window. */
const WINDOW_KEYS = new Set([
  "name",
  "layout",
  "dir",
  "pre",
  "focus",
  "panes",
  "env",
  "window_options",
  "synchronize",
]);

export interface OneKeyWindow {
  /** The window's name in tmuxinator's form: the one key. */
  name: string;
  /** rune's form of the same window, as flow YAML: `{name: "server", panes: ["rails s"]}`. */
  runeForm: string;
}

/**
 * `- server: rails s` (tmuxinator's window: its name as the only key) → its name and rune's form,
 * or undefined for anything else. tmuxinator's meaning is kept: a list is ONE pane typing each
 * item, a map holds the window's options (`root`, `layout`, `panes`, `pre`).
 */
export function oneKeyWindow(window: unknown): OneKeyWindow | undefined {
  if (!isMap(window)) return undefined;
  const keys = Object.keys(window);
  if (keys.length !== 1 || WINDOW_KEYS.has(keys[0]) || findForeignKey("window", keys[0])) {
    return undefined;
  }
  const name = keys[0];
  const value = window[name];
  const fields: [string, unknown][] = [["name", name]];
  if (isMap(value)) {
    for (const [k, v] of Object.entries(value)) fields.push([k === "root" ? "dir" : k, v]);
  } else if (Array.isArray(value)) fields.push(["panes", [{ command: value }]]);
  else fields.push(["panes", [value ?? null]]);
  return { name, runeForm: flow(Object.fromEntries(fields)) };
}

/** A value as one line of flow YAML (JSON, which YAML reads, with unquoted keys). */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(", ")}]`;
  if (isMap(value)) {
    return `{${Object.entries(value).map(([k, v]) => `${k}: ${flow(v)}`).join(", ")}}`;
  }
  return JSON.stringify(value ?? null);
}
