/**
 * Templates' readiness, checked before anything runs (issue 17): every depends_on names a
 * window or pane of its template, nothing waits for itself in a circle, and each `ready`
 * holds exactly one condition that can hold. Each problem located at what to change. Pure;
 * reads the typed config (the graph is src/readiness, shared with the planner).
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import type { Locator } from "./positions.ts";
import { TEMPLATE_PLACES } from "./raw.ts";
import { templateGraph } from "../readiness/mod.ts";
import type { Config, TemplateSpec } from "./schema.ts";

export function readinessIssues(config: Config, where: Locator): Issue[] {
  const issues: Issue[] = [];
  for (const place of TEMPLATE_PLACES) {
    let node: unknown = config;
    for (const key of place) {
      node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
    }
    if (!node || typeof node !== "object") continue;
    for (const [name, spec] of Object.entries(node as Record<string, TemplateSpec>)) {
      for (const p of templateGraph(spec, name, [...place, name]).problems) {
        issues.push(errorIssue(p.code, p.problem, {
          where: p.key ? where.key(p.path) : where.value(p.path),
          hint: p.hint,
        }));
      }
    }
  }
  return issues;
}
