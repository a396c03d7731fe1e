/**
 * @module
 * History brought along: other trackers' data → `HistoryRecord`s that rune's work-session store
 * imports. This folder decides how each source's data maps onto a work session (Go Rune's
 * sessions.db, Watson's frames/log/state, Timewarrior's data files and export), which key makes
 * a second import add nothing, what `--project-map` does, and the summary the CLI prints.
 *
 * Everything here is pure: readers take bytes or text and return `Result`s; none reads a file,
 * prints or touches the store (the CLI reads the files, the store writes what `planImport`
 * returns). It imports nothing of rune's except the types in `src/base`.
 */
export { findBucket, readBolt } from "./bbolt.ts";
export type { BoltBucket, BoltChild, BoltFile, BoltPair } from "./bbolt.ts";
export { importKey, mapProjects, parseProjectMap, planImport, workedMs } from "./record.ts";
export type {
  HistoryRead,
  HistoryRecord,
  HistorySource,
  ImportedState,
  ImportPlan,
  ImportSummary,
  Pause,
  Skip,
} from "./record.ts";
export { readRuneSessions, runeSessionsOf } from "./rune_sessions.ts";
export { readTimewarrior, readTimewarriorExport } from "./timewarrior.ts";
export type { TimewarriorFile, TimewarriorOptions } from "./timewarrior.ts";
export { readWatson } from "./watson.ts";
