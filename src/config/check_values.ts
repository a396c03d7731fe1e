/**
 * Values the schema types loosely: durations (wherever the schema uses DurationSchema) must
 * parse; project names must be non-empty; per_project keys should name a project of
 * `projects` when that list exists (else detection names the project, so anything goes).
 * Pure.
 */
import { errorIssue, parseDuration, suggest, warningIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { describePath } from "./positions.ts";
import type { Locator } from "./positions.ts";
import { DurationSchema } from "./schema.ts";
import { walkSchema } from "./schema_walk.ts";
import type { Schema } from "./schema_walk.ts";
import { isMap, RITUALS } from "./raw.ts";

export function durationIssues(root: Schema, data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  walkSchema(root, data, (_, value, path, declared) => {
    if (declared !== DurationSchema) return;
    if (typeof value !== "string" && typeof value !== "number") return;
    if (parseDuration(value) !== undefined) return;
    const key = String(path[path.length - 1]);
    const fixed = typeof value === "string" ? spelledOutDuration(value) : undefined;
    issues.push(errorIssue(
      "bad-duration",
      `Cannot use ${describePath(path)}: expected a duration such as "30s", "2m" or "1h30m", ` +
        `got ${JSON.stringify(value)}`,
      {
        where: where.value(path),
        hint: fixed
          ? `Write ${key}: ${fixed}`
          : `Write a number with a unit (ms, s, m, h), e.g. ${key}: 90s, or 0 for none`,
      },
    ));
  });
  return issues;
}

const UNIT_WORDS: [RegExp, string][] = [
  [/^(ms|msecs?|millis|milliseconds?)$/i, "ms"],
  [/^(s|secs?|seconds?)$/i, "s"],
  [/^(m|mins?|minutes?)$/i, "m"],
  [/^(h|hrs?|hours?)$/i, "h"],
];

/** "10 minutes" → "10m", "1 hour" → "1h"; undefined when it is not that simple. */
export function spelledOutDuration(text: string): string | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([A-Za-z]+)\s*$/.exec(text);
  if (!m) return undefined;
  const unit = UNIT_WORDS.find(([re]) => re.test(m[2]))?.[1];
  return unit ? `${m[1]}${unit}` : undefined;
}

export function projectIssues(data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  if (!isMap(data)) return issues;
  const names: string[] = [];
  if (Array.isArray(data.projects)) {
    data.projects.forEach((p, i) => {
      if (!isMap(p) || typeof p.name !== "string") return;
      if (p.name.trim() === "") {
        issues.push(errorIssue("empty-name", `Cannot use projects[${i}]: its name is empty`, {
          where: where.value(["projects", i, "name"]),
          hint: "Give it the name its per_project commands are listed under",
        }));
      } else {
        names.push(p.name);
      }
    });
  }
  if (!names.length || !isMap(data.rituals)) return issues;
  const lower = new Set(names.map((n) => n.toLowerCase()));
  for (const ritual of RITUALS) {
    const spec = data.rituals[ritual];
    if (!isMap(spec) || !isMap(spec.per_project)) continue;
    for (const key of Object.keys(spec.per_project)) {
      if (lower.has(key.toLowerCase())) continue;
      const meant = suggest(key, names);
      issues.push(warningIssue(
        "unknown-project",
        `per_project "${key}" of the ${ritual} ritual names no project in projects: it runs ` +
          "only when the project is detected by that name",
        {
          where: where.key(["rituals", ritual, "per_project", key]),
          hint: meant
            ? `Did you mean "${meant}"?`
            : `Add - name: ${key} (with its detect rules) to projects`,
        },
      ));
    }
  }
  return issues;
}
