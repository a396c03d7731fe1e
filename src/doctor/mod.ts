/**
 * @module
 * `rune doctor`: the facts about what rune needs (versions, config, tmux, `script`, Deno
 * permissions, the terminal, the work-session store, Rune's keys rune ignores) judged into checks,
 * each with its fix. The judgement is pure.
 */
export { doctorChecks, doctorExitCode } from "./checks.ts";
export type { Check, CheckStatus, DoctorFacts, PermissionFact } from "./checks.ts";
export { ignoredKeys, trackingChecks } from "./tracking_checks.ts";
export type { StoreFact, TrackingFacts } from "./tracking_checks.ts";
