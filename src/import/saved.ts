/**
 * A saved (or live) tmux session → a rune template to edit, as `tmuxp freeze` makes one: each
 * window's name and exact layout, each pane's directory and the program it runs as its
 * command, the project's directory written as `{{.ProjectDir}}` so the template works for the
 * project wherever it lives. Pure.
 */
import type { SavedPane, SavedSession } from "../contract/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import { escapeBraces } from "./text.ts";
import type { RunePaneObject, RuneTemplate, RuneWindow } from "./types.ts";

/** What rune gives every pane itself: never written into a template's env. */
const RUNE_OWN_ENV = ["RUNE_PROJECT", "RUNE_PROJECT_DIR"];

/** The line that starts a pane's program again: its argv quoted, or ps's text as it was. */
export function savedCommandLine(pane: SavedPane): string | undefined {
  if (pane.running === undefined) return undefined;
  return typeof pane.running === "string" ? pane.running : pane.running.map(shellQuote).join(" ");
}

/**
 * The template for `saved`. `projectDir` (the session's RUNE_PROJECT_DIR, else its start
 * directory) becomes `{{.ProjectDir}}` at the start of every directory under it. Titles are
 * kept only where they differ from the session's usual one (tmux's default is the host name),
 * and `automatic-rename off` is left out (a window with a name has it anyway).
 */
export function templateFromSaved(saved: SavedSession, projectDir: string): RuneTemplate {
  const dir = (path: string) => {
    if (path === projectDir) return "{{.ProjectDir}}";
    if (projectDir !== "/" && path.startsWith(`${projectDir}/`)) {
      return `{{.ProjectDir}}${escapeBraces(path.slice(projectDir.length))}`;
    }
    return escapeBraces(path);
  };
  const usualTitle = mostCommon(saved.windows.flatMap((w) => w.panes.map((p) => p.title)));
  const template: RuneTemplate = {
    session_name: escapeBraces(saved.name),
    dir: dir(saved.dir),
    windows: saved.windows.map((w): RuneWindow => {
      const window: RuneWindow = {
        name: escapeBraces(w.name),
        layout: w.layout,
        panes: w.panes.map((p): RunePaneObject => {
          const pane: RunePaneObject = {};
          if (p.title !== usualTitle) pane.title = p.title;
          const command = savedCommandLine(p);
          if (command !== undefined) pane.command = escapeBraces(command);
          pane.dir = dir(p.dir);
          if (p.active && w.panes.length > 1) pane.focus = true;
          return pane;
        }),
      };
      if (w.active) window.focus = true;
      const options = Object.entries(w.options).filter(([k, v]) =>
        !(k === "automatic-rename" && v === "off")
      );
      if (options.length) window.window_options = escapedValues(options);
      return window;
    }),
  };
  const env = Object.entries(saved.env).filter(([k]) => !RUNE_OWN_ENV.includes(k));
  if (env.length) template.env = escapedValues(env);
  const options = Object.entries(saved.options);
  if (options.length) template.options = escapedValues(options);
  return template;
}

/** Values rune expands (env and option values; names are literal). */
function escapedValues(entries: [string, string][]): Record<string, string> {
  return Object.fromEntries(entries.map(([k, v]) => [k, escapeBraces(v)]));
}

function mostCommon(values: readonly string[]): string | undefined {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  let best: string | undefined;
  for (const [v, n] of counts) if (best === undefined || n > counts.get(best)!) best = v;
  return best;
}
