/**
 * @module
 * Config + project + a snapshot of the world → the Plan: which commands a ritual runs, in what
 * order, where, with what environment and timeout, and each tmux template resolved (names
 * sanitized, variables expanded, directories absolute). Also the listings behind `rune ritual
 * list` and `rune ls`. Pure: every problem is collected and located before anything runs.
 */
export { DEFAULT_TIMEOUT_MS, HOOK_TIMEOUT_MS, planRitual } from "./plan.ts";
export { DEFAULT_READY_TIMEOUT_MS } from "./readiness.ts";
export type { PlanFacts } from "./plan.ts";
export { allTemplates, findTemplate, perProjectKey, ritualCommands } from "./select.ts";
export type { FoundTemplate, SelectedCommand } from "./select.ts";
export { listRituals } from "./listing.ts";
export type { ListedCommand, ListedRitual, ListedTemplate, RitualListing } from "./listing.ts";
export { configOverview } from "./overview.ts";
export type { ConfigOverview, ProjectOverview, TemplateOverview } from "./overview.ts";
