/**
 * Which tmux options are the server's, a session's or a window's: tmux picks an option's scope
 * from its name (`set-option -t S main-pane-height 30` sets one window, `escape-time` the whole
 * server, whatever flags are given), so a template's `options` and `window_options` are read
 * the same way. The names are tmux 3.3a's (`show-options -s`, `-g`, `-gw`); a name not listed
 * (a user option `@x`, a newer tmux's option) is taken as the key it stands under says. Pure.
 */

/** tmux 3.3a's server options (`show-options -s`). */
const SERVER = new Set([
  "backspace",
  "buffer-limit",
  "command-alias",
  "copy-command",
  "default-terminal",
  "editor",
  "escape-time",
  "exit-empty",
  "exit-unattached",
  "extended-keys",
  "focus-events",
  "history-file",
  "message-limit",
  "prompt-history-limit",
  "set-clipboard",
  "terminal-features",
  "terminal-overrides",
  "user-keys",
]);

/** tmux 3.3a's session options (`show-options -g`). */
const SESSION = new Set([
  "activity-action",
  "assume-paste-time",
  "base-index",
  "bell-action",
  "default-command",
  "default-shell",
  "default-size",
  "destroy-unattached",
  "detach-on-destroy",
  "display-panes-active-colour",
  "display-panes-colour",
  "display-panes-time",
  "display-time",
  "history-limit",
  "key-table",
  "lock-after-time",
  "lock-command",
  "message-command-style",
  "message-style",
  "mouse",
  "prefix",
  "prefix2",
  "renumber-windows",
  "repeat-time",
  "set-titles",
  "set-titles-string",
  "silence-action",
  "status",
  "status-bg",
  "status-fg",
  "status-format",
  "status-interval",
  "status-justify",
  "status-keys",
  "status-left",
  "status-left-length",
  "status-left-style",
  "status-position",
  "status-right",
  "status-right-length",
  "status-right-style",
  "status-style",
  "update-environment",
  "visual-activity",
  "visual-bell",
  "visual-silence",
  "word-separators",
]);

/** tmux 3.3a's window and pane options (`show-options -gw`). */
const WINDOW = new Set([
  "aggressive-resize",
  "allow-passthrough",
  "allow-rename",
  "alternate-screen",
  "automatic-rename",
  "automatic-rename-format",
  "clock-mode-colour",
  "clock-mode-style",
  "copy-mode-current-match-style",
  "copy-mode-mark-style",
  "copy-mode-match-style",
  "cursor-colour",
  "cursor-style",
  "fill-character",
  "main-pane-height",
  "main-pane-width",
  "mode-keys",
  "mode-style",
  "monitor-activity",
  "monitor-bell",
  "monitor-silence",
  "other-pane-height",
  "other-pane-width",
  "pane-active-border-style",
  "pane-base-index",
  "pane-border-format",
  "pane-border-indicators",
  "pane-border-lines",
  "pane-border-status",
  "pane-border-style",
  "pane-colours",
  "popup-border-lines",
  "popup-border-style",
  "popup-style",
  "remain-on-exit",
  "remain-on-exit-format",
  "scroll-on-clear",
  "synchronize-panes",
  "window-active-style",
  "window-size",
  "window-status-activity-style",
  "window-status-bell-style",
  "window-status-current-format",
  "window-status-current-style",
  "window-status-format",
  "window-status-last-style",
  "window-status-separator",
  "window-status-style",
  "window-style",
  "wrap-search",
  "xterm-keys",
]);

export type TmuxOptionScope = "server" | "session" | "window";

/**
 * The scope tmux gives `name` (an array item `name[2]` is its array's), or undefined for a
 * name rune does not know (user options `@x`, a newer tmux's options).
 */
export function knownOptionScope(name: string): TmuxOptionScope | undefined {
  const base = name.replace(/\[\d*\]$/, "");
  if (SERVER.has(base)) return "server";
  if (SESSION.has(base)) return "session";
  if (WINDOW.has(base)) return "window";
  return undefined;
}

/** A tmux option name as tmux accepts one (`status-left`, `@mine`, `command-alias[3]`), never a flag. */
export const OPTION_NAME = /^@?[A-Za-z0-9_][A-Za-z0-9_-]*(\[\d+\])?$/;

/** An option value as tmux reads it: YAML's true/false are tmux's on/off. */
export function optionValue(value: string | number | boolean): string {
  return value === true ? "on" : value === false ? "off" : String(value);
}
