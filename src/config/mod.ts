/**
 * @module
 * rune's config: where it is (`--config`, RUNE_CONFIG, XDG, ~/.rune), the schema (zod; the JSON
 * Schema is generated from it), and loading with every problem found at once and located
 * (file:line:col) before anything runs. Template variables are checked through src/templates,
 * loaded only when a check needs it. Reads the config file; otherwise pure.
 */
export {
  findConfigFile,
  loadConfig,
  parseConfig,
  readConfigText,
  templateFieldCheck,
} from "./load.ts";
export { CONFIG_LIMITS, MAX_BYTES_VARIABLE } from "./limits.ts";
export type { LoadedConfig, LoadFailure, LoadOptions, ReadFailure } from "./load.ts";
export { configCandidates } from "./locate.ts";
export { noConfigHint } from "./starter.ts";
export type { ConfigCandidate } from "./locate.ts";
export { describePath } from "./positions.ts";
export type { ConfigPath } from "./positions.ts";
export { validateConfigText } from "./validate.ts";
export { detectFormat, foreignFileIssue } from "./foreign.ts";
export type { DetectedKind, Detection, SourceKind } from "./foreign.ts";
export type { Validation } from "./validate.ts";
export { configJsonSchema, configJsonSchemaText } from "./json_schema.ts";
export { LAYOUT_PRESETS } from "./schema.ts";
export { parseLocalConfig, templatesAt } from "./local.ts";
export { LOCAL_CONFIG_NAME } from "../base/mod.ts";
export type { LocalConfig, LocalParseOptions } from "./local.ts";
export { LOCAL_SOURCE, mergeLocalConfig } from "./local_merge.ts";
export type { MergedLocal } from "./local_merge.ts";
export { TEMPLATE_PLACES } from "./raw.ts";
export { knownOptionScope, optionValue } from "../base/mod.ts";
export type { TmuxOptionScope } from "../base/mod.ts";
export { resolveName, templateGraph } from "../readiness/mod.ts";
export type { GraphPane, GraphWindow, ReadySpec, TemplateGraph } from "../readiness/mod.ts";
export type {
  CommandSpec,
  Config,
  HookRitualSpec,
  PaneSpec,
  ProjectSpec,
  RitualSpec,
  Settings,
  TemplateSpec,
  WindowSpec,
} from "./schema.ts";
