/**
 * Which project a ritual runs for. PLACEHOLDER — to be replaced by full detection (same export):
 * explicit argument, projects[].detect rules, manifest names, git root, directory name.
 */
import { ok } from "../result.ts";
import type { Issue, Result } from "../result.ts";
import type { ProjectSpec } from "../config/schema.ts";
import type { ProjectInfo } from "../rituals/plan_types.ts";

export interface FindProjectOptions {
  /** The [project] argument of `rune start|stop`. */
  argument?: string;
  projects: readonly ProjectSpec[];
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
}

/** Needs --allow-read on cwd and its parents (manifests, .git). */
export function findProject(options: FindProjectOptions): Promise<Result<ProjectInfo, Issue[]>> {
  const name = options.argument ?? options.cwd.split("/").filter(Boolean).pop() ?? "project";
  return Promise.resolve(ok({
    name: name.toLowerCase(),
    dir: options.cwd,
    detectedBy: options.argument ? "argument" : "directory name",
  }));
}
