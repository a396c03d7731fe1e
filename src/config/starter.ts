/**
 * What to tell a person who has no config yet: noConfigHint, kept in src/base
 * (config_paths.ts) so that `rune doctor` and the hot commands print it without loading the
 * YAML parser or schema. Re-exported here for src/config's users.
 */
export { noConfigHint } from "../base/mod.ts";
