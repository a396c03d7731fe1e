/**
 * A template resolved for one project: every name sanitized, every variable expanded for where
 * it lands, every directory absolute, and the layered keys merged (env: template, window, pane;
 * window options: the template's, then the window's). Pure.
 */
import type { ConfigPath, TemplateSpec } from "../config/mod.ts";
import { expandHome, knownOptionScope, optionValue } from "../base/mod.ts";
import type { FieldContext, Variables } from "../templates/mod.ts";
import type { PaneLayout, ProjectInfo, SessionLayout, WindowLayout } from "../contract/mod.ts";

/** Expands one field; a problem becomes a located issue and the field expands to "". */
export type Expander = (
  text: string,
  vars: Variables,
  context: FieldContext,
  path: ConfigPath,
) => string;

type Values = Record<string, string | number | boolean> | undefined;

/** `~` → HOME; relative → under `base`. */
export function absoluteDir(dir: string, base: string, env: Record<string, string>): string {
  const expanded = expandHome(dir, env);
  if (expanded.startsWith("/")) return normalize(expanded);
  return normalize(`${base}/${expanded}`);
}

/** Removes `.`/`..` segments and duplicate slashes (paths are shown to people and tmux). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
}

function lines(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A template with every name sanitized, every variable expanded and every dir absolute. */
export function resolveLayout(
  template: TemplateSpec,
  templateName: string,
  path: ConfigPath,
  ctx: { project: ProjectInfo; vars: Variables; expander: Expander },
): SessionLayout {
  const { vars, expander } = ctx;
  const env = { HOME: vars.Home };
  const text = (v: string, p: ConfigPath) => expander(v, vars, "text", p);
  const shell = (v: string, p: ConfigPath) => expander(v, vars, "shell", p);
  const shellLines = (v: string | string[] | undefined, p: ConfigPath) =>
    lines(v).map((line, i) => shell(line, Array.isArray(v) ? [...p, i] : p));
  // env values as a command's env has them (true → "true"); option values as tmux reads them.
  const values = (map: Values, p: ConfigPath, read: (v: string | number | boolean) => string) =>
    Object.fromEntries(Object.entries(map ?? {}).map(([k, v]) => [k, text(read(v), [...p, k])]));
  const envOf = (map: Values, p: ConfigPath) => values(map, p, String);
  const optionsOf = (map: Values, p: ConfigPath) => values(map, p, optionValue);

  const sessionDir = template.dir === undefined
    ? ctx.project.dir
    : absoluteDir(text(template.dir, [...path, "dir"]), ctx.project.dir, env);
  const preWindow = shellLines(template.pre_window, [...path, "pre_window"]);
  const sessionEnv = envOf(template.env, [...path, "env"]);
  // tmux sets an option where its name says (FACTS: `set-option -t S main-pane-height` sets one
  // window): a window option under options is meant for the session's windows, so each gets it.
  const options = optionsOf(template.options, [...path, "options"]);
  const windowWide = {
    ...Object.fromEntries(
      Object.entries(options).filter(([name]) => knownOptionScope(name) === "window"),
    ),
    ...optionsOf(template.window_options, [...path, "window_options"]),
  };
  const sessionOptions = Object.fromEntries(
    Object.entries(options).filter(([name]) => knownOptionScope(name) !== "window"),
  );

  const windows: WindowLayout[] = (template.windows ?? []).map((w, wi) => {
    const wPath = [...path, "windows", wi];
    const windowDir = w.dir === undefined
      ? sessionDir
      : absoluteDir(text(w.dir, [...wPath, "dir"]), sessionDir, env);
    const pre = [...preWindow, ...shellLines(w.pre, [...wPath, "pre"])];
    const windowEnv = { ...sessionEnv, ...envOf(w.env, [...wPath, "env"]) };
    const panes: PaneLayout[] = (w.panes ?? []).map((pane, pi) => {
      const pPath = [...wPath, "panes", pi];
      const base = { dir: windowDir, focus: false, exec: false, ...nonEmpty("env", windowEnv) };
      if (pane === null || typeof pane === "string") {
        const own = pane ? [shell(pane, pPath)] : [];
        return { commands: [...pre, ...own], ...base };
      }
      return {
        ...base,
        commands: [...pre, ...shellLines(pane.command, [...pPath, "command"])],
        dir: pane.dir === undefined
          ? windowDir
          : absoluteDir(text(pane.dir, [...pPath, "dir"]), windowDir, env),
        focus: pane.focus === true,
        exec: pane.exec === true,
        ...nonEmpty("env", { ...windowEnv, ...envOf(pane.env, [...pPath, "env"]) }),
        ...(pane.title !== undefined && { title: text(pane.title, [...pPath, "title"]) }),
        ...(pane.shell !== undefined && { shell: shell(pane.shell, [...pPath, "shell"]) }),
      };
    });
    const windowOptions = {
      ...windowWide,
      ...optionsOf(w.window_options, [...wPath, "window_options"]),
    };
    return {
      name: w.name === undefined ? undefined : expander(w.name, vars, "name", [...wPath, "name"]),
      layout: w.layout,
      dir: windowDir,
      focus: w.focus === true,
      panes,
      ...nonEmpty("options", windowOptions),
      ...(w.synchronize !== undefined && { synchronize: w.synchronize }),
    };
  });

  const hooks = (key: "on_first_start" | "on_reuse") =>
    (template[key] ?? []).map((line, i) => shell(line, [...path, key, i]));
  return {
    template: templateName,
    session: expander(template.session_name, vars, "name", [...path, "session_name"]),
    dir: sessionDir,
    before: (template.before ?? []).map((b, i) => shell(b, [...path, "before", i])),
    windows,
    ...nonEmpty("env", sessionEnv),
    ...nonEmpty("options", sessionOptions),
    ...(template.on_first_start?.length ? { onFirstStart: hooks("on_first_start") } : {}),
    ...(template.on_reuse?.length ? { onReuse: hooks("on_reuse") } : {}),
    ...(template.attach === false ? { attach: false } : {}),
  };
}

/** `{ [key]: map }` when the map has entries, else nothing (layouts stay minimal). */
function nonEmpty<K extends string>(
  key: K,
  map: Record<string, string>,
): { [k in K]?: Record<string, string> } {
  return Object.keys(map).length ? { [key]: map } as { [k in K]: Record<string, string> } : {};
}
