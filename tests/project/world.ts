/** Hand-written snapshots for the project-detection table tests. */
import type { ProjectFacts } from "../../src/project/facts.ts";

export const HOME = "/home/u";

export function world(over: Partial<ProjectFacts> & { cwd: string }): ProjectFacts {
  return { home: HOME, env: {}, entries: {}, manifests: {}, ...over };
}
