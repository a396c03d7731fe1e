/**
 * A tmuxinator project file → a rune template with its start and stop commands, as tmuxinator
 * 3.x reads the file (lib/tmuxinator/project.rb and its template.erb). ERB is never run: see
 * erb.ts. Hooks: on_project_start and on_project_exit wrap the session step (the step returns
 * when the user detaches, which is when tmuxinator runs on_project_exit), first_start/restart
 * become the template's on_first_start/on_reuse, on_project_stop a stop command.
 */
import { err } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { runImport } from "./context.ts";
import type { ImportContext } from "./context.ts";
import { isAnchored, normalizeDir } from "./dirs.ts";
import { scanErb } from "./erb.ts";
import { applyStartup, paneTitleOptions } from "./tmuxinator_options.ts";
import { describeValue, isRecord } from "./source.ts";
import { fileStem, hasVariable, hookCommand, relativeRootWarning, sessionStep } from "./steps.ts";
import { looseBoolean, projectKey, scalarText } from "./text.ts";
import { convertWindows } from "./tmuxinator_windows.ts";
import type { ImportFacts, ImportResult, RuneCommand, RuneTemplate } from "./types.ts";

const HOOKS = [
  "on_project_start",
  "on_project_first_start",
  "on_project_restart",
  "on_project_exit",
  "on_project_stop",
  "pre",
  "post",
];
const MAPPED = [
  "name",
  "project_name",
  "root",
  "project_root",
  "windows",
  "tabs",
  "pre_window",
  "pre_tab",
  "rbenv",
  "rvm",
  "startup_window",
  "startup_pane",
  "attach",
  "enable_pane_titles",
  "pane_title_position",
  "pane_title_format",
  ...HOOKS,
];
const NO_EQUIVALENT: Record<string, string> = {
  socket_name: "Set settings.tmux.socket to use one socket for every rune session, or drop it",
  socket_path: "rune names sockets with -L: set settings.tmux.socket, or drop it",
  tmux_options: "Put tmux settings in your tmux.conf, or under the template's options:",
  cli_args: "Put tmux settings in your tmux.conf, or under the template's options:",
  tmux_command: "rune always runs tmux",
};

/** Imports a tmuxinator project file (YAML, ERB-free or with the two plain forms). Pure. */
export function importTmuxinator(
  text: string,
  file: string,
  facts: ImportFacts,
): Result<ImportResult, Issue[]> {
  const erb = scanErb(text, file);
  if (erb.issues.length) return err(erb.issues);
  return runImport(erb.text, file, facts, { kind: "tmuxinator", erb: erb.variables }, convert);
}

function convert(ctx: ImportContext): ImportResult | undefined {
  const top = ctx.source.data;
  if (!isRecord(top)) {
    ctx.error(
      "import-shape",
      [],
      `Cannot import ${ctx.file}: it holds ${describeValue(top)}, not tmuxinator's settings`,
      "A tmuxinator project file is a map with name:, root: and windows:",
    );
    return undefined;
  }
  reportOtherKeys(ctx, top);
  // project.rb reads the old spelling first: project_name || name, project_root || root.
  const given = (k: string) => top.get(k) !== undefined && top.get(k) !== null;
  const nameKey = given("project_name") ? "project_name" : "name";
  const rawName = scalarText(top.get(nameKey));
  const rootKey = given("project_root") ? "project_root" : "root";
  const rootText = scalarText(top.get(rootKey));
  const root = rootText ? projectRoot(ctx, rootText, [rootKey]) : undefined;
  const windowsKey = given("tabs") ? "tabs" : "windows";
  const rawWindows = top.get(windowsKey);
  const windows = Array.isArray(rawWindows)
    ? convertWindows(ctx, rawWindows, [windowsKey], root)
    : [];
  if (!windows.length && !ctx.failed) {
    ctx.error(
      "import-no-windows",
      Array.isArray(rawWindows) ? [windowsKey] : [],
      `Cannot import ${ctx.file}: it has no windows (tmuxinator refuses it too)`,
      "Add windows: with at least one window, e.g. `- editor: vim`",
    );
  }
  if (!rawName?.trim()) {
    ctx.error(
      "import-no-name",
      [],
      `Cannot import ${ctx.file}: it has no name (tmuxinator refuses it too)`,
      "Add name: with the project's name",
    );
    return undefined;
  }
  applyStartup(ctx, top, windows);
  const session = ctx.text(rawName.replace(/[.:]/g, "_"), [nameKey]);
  const key = (hasVariable(session) ? "" : projectKey(rawName)) || fileStem(ctx.file);
  const lines = (k: string) => hookLines(ctx, top.get(k), [k]);
  const before = lines("pre");
  const firstStart = lines("on_project_first_start");
  const reuse = lines("on_project_restart");
  const attach = top.has("attach") ? looseBoolean(top.get("attach")) : undefined;
  const preWindow = preWindowOf(ctx, top);
  const template: RuneTemplate = {
    session_name: session,
    ...(root !== undefined && { dir: root }),
    ...(attach === false && { attach: false }),
    ...(before.length && { before }),
    ...(firstStart.length && { on_first_start: firstStart }),
    ...(reuse.length && { on_reuse: reuse }),
    ...(preWindow !== undefined && { pre_window: preWindow }),
    ...paneTitleOptions(ctx, top),
    windows,
  };
  const hook = (k: string) => hookCommand(ctx, top.get(k), [k], root);
  const start: RuneCommand[] = [
    ...hook("on_project_start"),
    sessionStep(key),
    ...hook("post"),
    ...hook("on_project_exit"),
  ];
  const stop = hook("on_project_stop");
  return { name: key, kind: "tmuxinator", file: ctx.file, template, start, stop, warnings: [] };
}

function projectRoot(ctx: ImportContext, text: string, path: string[]): string {
  const dir = normalizeDir(ctx.text(text, path), ctx.facts.home);
  if (!isAnchored(dir)) relativeRootWarning(ctx, path, dir, "the directory it is started in");
  return dir;
}

/** `pre_window`, or what tmuxinator prefers over it: rbenv, then rvm, then pre_tab. */
function preWindowOf(ctx: ImportContext, top: Map<unknown, unknown>): string | undefined {
  const order = ["rbenv", "rvm", "pre_tab", "pre_window"].filter((k) => {
    const v = top.get(k);
    return v !== undefined && v !== null && v !== "";
  });
  if (!order.length) return undefined;
  const [used, ...ignored] = order;
  for (const k of ignored) {
    ctx.warn(
      "ignored-key",
      [k],
      `Cannot import ${k}: tmuxinator uses ${used} instead when both are set, so it is left out`,
      `Keep only one of ${order.join(", ")}`,
      "key",
    );
  }
  const value = top.get(used);
  const lines = hookLines(ctx, value, [used]);
  if (!lines.length) return undefined;
  if (used === "rbenv") return `rbenv shell ${lines[0]}`;
  if (used === "rvm") return `rvm use ${lines[0]}`;
  // A list is joined with "; " into one line (project.rb parsed_parameters).
  return lines.join("; ");
}

/** A hook or `pre`: a string, or a list (null items dropped); each is one `sh -c` line. */
function hookLines(ctx: ImportContext, value: unknown, path: (string | number)[]): string[] {
  const items = Array.isArray(value) ? value : [value];
  return items.flatMap((v, i) => {
    const t = scalarText(v);
    if (t === undefined || t.trim() === "") return [];
    return [ctx.text(t, Array.isArray(value) ? [...path, i] : path)];
  });
}

function reportOtherKeys(ctx: ImportContext, top: Map<unknown, unknown>) {
  for (const [key, value] of top) {
    const k = String(key);
    if (MAPPED.includes(k)) continue;
    const hint = NO_EQUIVALENT[k];
    if (hint) {
      const shown = scalarText(value);
      ctx.unsupported(
        [key],
        shown ? `${k} ${JSON.stringify(shown)}` : k,
        socketHint(k, shown, hint),
      );
    } else if (!ctx.source.anchored([key])) {
      ctx.warn(
        "unknown-key",
        [key],
        `Cannot import ${
          JSON.stringify(k)
        }: tmuxinator does not read this key either, so it is left out`,
        "Remove it, or check its spelling",
        "key",
      );
    }
  }
}

/** What to do instead of a tmux flag: the socket is a rune setting, the rest tmux.conf. */
function socketHint(key: string, value: string | undefined, hint: string): string {
  if (key === "socket_name" && value) {
    return `Set settings.tmux.socket: ${value} to use that socket for every rune session, or drop it`;
  }
  const socket = value?.match(/(?:^|\s)-L\s*(\S+)/);
  const conf = value?.match(/(?:^|\s)-f\s*(\S+)/);
  const steps = [
    socket && `set settings.tmux.socket: ${socket[1]} to use that socket for every rune session`,
    conf && `add \`source-file ${conf[1]}\` to your tmux.conf`,
  ].filter(Boolean);
  if (!steps.length) return hint;
  const text = steps.join(", and ");
  return `${text[0].toUpperCase()}${text.slice(1)}`;
}
