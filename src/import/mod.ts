/**
 * @module
 * Importing tmuxinator, tmuxp and smug project files (and rune's own saved sessions, as
 * `templateFromSaved`): recognising them (`detectFormat`),
 * converting one into a rune template with its start and stop commands (`importTmuxinator`,
 * `importTmuxp`, `importSmug`), printing that as a config fragment (`renderImport`) and merging
 * it into a config's text without losing its comments (`mergeIntoConfig`). Everything here is
 * pure: text and facts in, data or text out, every problem an `Issue` with the source file's
 * line:col. Nothing is evaluated: tmuxinator's ERB is read, never run. Imports npm:yaml,
 * src/base, and from src/config only the recogniser of foreign files (re-exported here).
 */
export { detectFormat, foreignFileIssue } from "../config/mod.ts";
export type { DetectedKind, Detection } from "../config/mod.ts";
export { importTmuxinator } from "./tmuxinator.ts";
export { importTmuxp } from "./tmuxp.ts";
export { importSmug } from "./smug.ts";
export { fragmentOf, renderImport } from "./render.ts";
export { mergeIntoConfig } from "./merge.ts";
export { renameImport } from "./rename.ts";
export { savedCommandLine, templateFromSaved } from "./saved.ts";
export type { MergeOptions } from "./merge.ts";
export { IMPORTERS } from "./importers.ts";
export type { Importer } from "./importers.ts";
export type {
  ImportFacts,
  ImportResult,
  RuneCommand,
  RunePane,
  RunePaneObject,
  RuneTemplate,
  RuneWindow,
  SourceKind,
  TmuxOptions,
} from "./types.ts";
