/**
 * @module
 * Leaf helpers every layer may use: errors as values (`Result`, `Issue`), durations, "did you
 * mean", the safe names rune gives tmux and paths, colours, control characters made visible,
 * rune's XDG directories and where the config is looked for, its version and the programs it
 * runs, and `importLazy`, the one way to load rune's own modules on first use. Imports no other
 * folder; nothing here touches the file system (importLazy only loads a module; writeOrStop
 * writes to the stream it is given) or spawns.
 */
export { err, errorIssue, formatIssue, hasErrors, ok, warningIssue } from "./result.ts";
export type { Issue, Location, Result } from "./result.ts";
export { formatDuration, parseDuration } from "./duration.ts";
export { editDistance, suggest } from "./did_you_mean.ts";
export {
  hasUnprintable,
  isPathLike,
  PATH_COMPONENT_MAX_BYTES,
  pathComponent,
  sanitizeTmuxName,
  TMUX_NAME_FALLBACK,
  TMUX_NAME_MAX,
} from "./names.ts";
export {
  formatBytes,
  shortenQuoted,
  shortenValue,
  SHOWN_VALUE_MAX,
  utf8Length,
} from "./shorten.ts";
export { makeColors, wantsColor } from "./colors.ts";
export type { Colors } from "./colors.ts";
export { expandHome, runePaths } from "./xdg.ts";
export type { RunePaths } from "./xdg.ts";
export { configCandidates, LOCAL_CONFIG_NAME, noConfigHint } from "./config_paths.ts";
export type { ConfigCandidate } from "./config_paths.ts";
export { VERSION } from "./version.ts";
export { visible } from "./visible.ts";
export { RUN_PROGRAMS } from "./programs.ts";
export { importLazy, LAZY_MODULES, lazyModuleUrl } from "./lazy.ts";
export type { LazyModule } from "./lazy.ts";
export { writeOrStop } from "./write.ts";
export type { SyncStream } from "./write.ts";
export { knownOptionScope, OPTION_NAME, optionValue } from "./tmux_options.ts";
export type { TmuxOptionScope } from "./tmux_options.ts";
export { sha256Hex } from "./hash.ts";
