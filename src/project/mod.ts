/**
 * @module
 * Which project a ritual runs for: the argument, the config's detect rules, the nearest
 * manifest, the git root or the current directory. Facts are gathered around the cwd (reading
 * only the files the rules need, never running git), then the decision is pure.
 */
export { findProject, UNCONFIGURED_ARGUMENT } from "./detect.ts";
export type { FindProjectOptions } from "./detect.ts";
export { parseDetectRule } from "./rules.ts";
export { findLocalFile } from "./local_file.ts";
export type { LocalFile } from "./local_file.ts";
