/**
 * The shapes an import produces: a rune template, the start and stop commands around it, and
 * the warnings for what has no equivalent. Plain data that mirrors rune's config schema, plus
 * the template keys issue 15 adds (marked "new"). Imports only types.
 */
import type { Issue } from "../base/mod.ts";
import type { SourceKind } from "../config/mod.ts";

/** The tools whose project files rune imports (src/config recognises them). */
export type { SourceKind };

/** What a converter needs to know about the world; it never reads it itself. */
export interface ImportFacts {
  /** $HOME, for a `..` that climbs out of `~`. */
  home: string;
  /** Where the source tool would be started (tmuxp resolves some `./` values against it). */
  cwd: string;
  /** The directory of the file being imported (tmuxp's base for `./` paths). */
  fileDir: string;
}

/** tmux option values, as tmux reads them ("on", "30", "#{pane_index}: #{pane_title}"). */
export type TmuxOptions = Record<string, string>;

/** A pane: a command string, null for a plain shell, or an object. */
export type RunePane = string | null | RunePaneObject;

export interface RunePaneObject {
  /** Typed line by line; `""` types just Enter. */
  command?: string | string[];
  dir?: string;
  focus?: boolean;
  /** new: the pane's title (`select-pane -T`). */
  title?: string;
  /** new: variables for this pane, over its window's and the session's. */
  env?: Record<string, string>;
  /** new: the program the pane runs instead of the login shell; `command` is typed into it. */
  shell?: string;
}

export interface RuneWindow {
  name?: string;
  layout?: string;
  dir?: string;
  pre?: string | string[];
  focus?: boolean;
  /** new: variables for this window's panes, over the session's. */
  env?: Record<string, string>;
  /** new: tmux window options (`set-option -w`) set when the window is made. */
  window_options?: TmuxOptions;
  /** new: synchronize-panes on, before or after the panes' lines are typed. */
  synchronize?: "before" | "after";
  panes: RunePane[];
}

export interface RuneTemplate {
  session_name: string;
  dir?: string;
  /** Run with `sh -c` in `dir`, once, before the session is created. */
  before?: string[];
  pre_window?: string | string[];
  /** new: variables of the session (`set-environment`), seen by every pane. */
  env?: Record<string, string>;
  /** new: tmux session options (`set-option -t SESSION`). */
  options?: TmuxOptions;
  /** new: tmux window options for every window of the session. */
  window_options?: TmuxOptions;
  /** new: run with `sh -c` in `dir` only when the session is created (after `before`). */
  on_first_start?: string[];
  /** new: run with `sh -c` in `dir` only when the session already existed and is reused. */
  on_reuse?: string[];
  /** new: false leaves the session detached after it is built (tmuxinator `attach: false`). */
  attach?: boolean;
  windows: RuneWindow[];
}

/** One step of a start or stop ritual. */
export interface RuneCommand {
  name: string;
  command?: string;
  optional?: boolean;
  interactive?: boolean;
  tmux_template?: string;
  working_dir?: string;
}

export interface ImportResult {
  /** The template's and the project's name: a rune project name (lowercase, `-`). */
  name: string;
  kind: SourceKind;
  /** The imported file, as given. */
  file: string;
  template: RuneTemplate;
  /** rituals.start.per_project[name]: hooks, the interactive session step, more hooks. */
  start: RuneCommand[];
  /** rituals.stop.per_project[name]. */
  stop: RuneCommand[];
  /** Everything without an equivalent, every reinterpretation: located, never silent. */
  warnings: Issue[];
}
