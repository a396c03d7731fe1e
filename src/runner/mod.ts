/**
 * @module
 * Running a Plan: `runPlan` walks it through one executor per step kind (what next after a
 * failure, Ctrl-C); the interactive router sends each interactive step down the chain tmux →
 * `script` → rune's terminal → "needs a terminal" and audits it; `executePlan` wires the real
 * executors, signals and the final attach together.
 */
export { runPlan } from "./run_plan.ts";
export type { Executors, RunPlanOptions } from "./run_plan.ts";
export { createInteractiveExecutors } from "./interactive.ts";
export type { InteractiveExecutors, InteractiveOptions, Probes } from "./interactive.ts";
export { decideInteractiveRoute } from "./route.ts";
export type { InteractiveRoute, RouteFacts } from "./route.ts";
export { executePlan } from "./execute.ts";
export type { ExecuteOptions } from "./execute.ts";
