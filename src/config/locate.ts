/**
 * Which config file rune reads: configCandidates, kept in src/base (config_paths.ts) so that
 * finding the config loads no YAML parser or schema. Re-exported here for src/config's users.
 */
export { configCandidates } from "../base/mod.ts";
export type { ConfigCandidate } from "../base/mod.ts";
