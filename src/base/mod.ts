/**
 * @module
 * Leaf helpers every layer may use: errors as values (`Result`, `Issue`), durations, "did you
 * mean", the safe names rune gives tmux, colours, control characters made visible, rune's XDG
 * directories, its version and the programs it runs. Imports nothing; nothing here touches the file system or spawns.
 */
export { err, errorIssue, formatIssue, hasErrors, ok, warningIssue } from "./result.ts";
export type { Issue, Location, Result } from "./result.ts";
export { formatDuration, parseDuration } from "./duration.ts";
export { editDistance, suggest } from "./did_you_mean.ts";
export { sanitizeTmuxName, TMUX_NAME_FALLBACK, TMUX_NAME_MAX } from "./names.ts";
export { makeColors, wantsColor } from "./colors.ts";
export type { Colors } from "./colors.ts";
export { expandHome, runePaths } from "./xdg.ts";
export type { RunePaths } from "./xdg.ts";
export { VERSION } from "./version.ts";
export { visible } from "./visible.ts";
export { RUN_PROGRAMS } from "./programs.ts";
