/**
 * @module
 * Which project a ritual runs for: gathers the facts around the cwd (gather.ts) and decides
 * (decide.ts). Needs --allow-read on the cwd, its parents and the `.git` they lead to.
 */
import { err, ok } from "../result.ts";
import type { Issue, Result } from "../result.ts";
import type { ProjectSpec } from "../config/schema.ts";
import type { ProjectInfo } from "../rituals/plan_types.ts";
import { gatherProjectFacts } from "./gather.ts";
import { decideProject } from "./decide.ts";

export { UNCONFIGURED_ARGUMENT } from "./decide.ts";

export interface FindProjectOptions {
  /** The [project] argument of `rune start|stop`. */
  argument?: string;
  projects: readonly ProjectSpec[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Names under rituals.start/stop.per_project that are not in projects[]: an argument naming one is not "unconfigured". */
  knownNames?: readonly string[];
  /** Receives each "bad-detect-rule" warning (malformed rules are skipped, never fatal). */
  onWarning?: (issue: Issue) => void;
}

/**
 * The project for `options.cwd`: see README "Project detection". Fails only when the
 * argument has no usable character ("bad-project-name").
 */
export async function findProject(
  options: FindProjectOptions,
): Promise<Result<ProjectInfo, Issue[]>> {
  const facts = await gatherProjectFacts(options);
  const decided = decideProject(facts, options.projects, {
    argument: options.argument,
    knownNames: options.knownNames,
  });
  if (!decided.ok) return err(decided.error);
  for (const warning of decided.value.warnings) options.onWarning?.(warning);
  return ok(decided.value.project);
}
