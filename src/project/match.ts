/** Whether one parsed detect rule holds in a snapshot, and which directory it points at. Pure. */
import type { DetectRule, EntryRule, LocationRule, SegmentPattern } from "./rules.ts";
import type { EntryKind, ProjectFacts } from "./facts.ts";
import { baseName, isSameOrInside, parentDir, searchDirs, selfAndAncestors } from "./paths.ts";
import { normalizeRemoteUrl } from "./git_config.ts";

/** The directory the rule found the project in, or undefined when it does not hold. */
export function matchRule(rule: DetectRule, facts: ProjectFacts): string | undefined {
  switch (rule.kind) {
    case "entry":
      return searchDirs(facts.cwd, facts.git?.root, facts.home)
        .find((dir) => entryMatches(rule, facts.entries[dir] ?? {}));
    case "location":
      return matchLocation(rule, facts);
    case "git": {
      const git = facts.git;
      if (!git) return undefined;
      const names = [baseName(git.root), ...(git.mainName ? [git.mainName] : [])];
      return names.some((n) => rule.matches(n)) ? git.root : undefined;
    }
    case "git-remote": {
      const git = facts.git;
      const hit = git?.remotes?.some((url) =>
        rule.matches(url) || rule.matches(normalizeRemoteUrl(url))
      );
      return hit ? git!.root : undefined;
    }
    case "env": {
      const value = facts.env[rule.name];
      const holds = rule.value === undefined
        ? value !== undefined && value !== ""
        : value === rule.value;
      return holds ? projectRoot(facts) : undefined;
    }
  }
}

/** Where a rule that names no place puts the project: the git root, else the cwd. */
export function projectRoot(facts: ProjectFacts): string {
  return facts.git && isSameOrInside(facts.cwd, facts.git.root) ? facts.git.root : facts.cwd;
}

function entryMatches(rule: EntryRule, entries: Readonly<Record<string, EntryKind>>): boolean {
  const kindOk = (kind: EntryKind | undefined) =>
    kind !== undefined && (!rule.dirOnly || kind === "dir");
  if (!rule.glob) return kindOk(entries[rule.path]);
  const parent = rule.path.includes("/") ? parentDir(rule.path) : "";
  return Object.entries(entries).some(([path, kind]) => {
    const inParent = parent === "" ? !path.includes("/") : parentDir(path) === parent;
    return inParent && rule.glob!.test(baseName(path)) && kindOk(kind);
  });
}

function matchLocation(rule: LocationRule, facts: ProjectFacts): string | undefined {
  const cwds = [facts.cwd, ...(facts.cwdAliases ?? [])];
  if (rule.path !== undefined) {
    const path = rule.path;
    const real = facts.realPaths?.[path];
    const inside = cwds.some((c) => isSameOrInside(c, path) || (real && isSameOrInside(c, real)));
    return inside ? path : undefined;
  }
  for (const cwd of cwds) {
    for (const dir of selfAndAncestors(cwd)) {
      const segments = dir.split("/").filter(Boolean);
      const patterns: SegmentPattern[] = rule.anchored ? rule.segments : ["**", ...rule.segments];
      if (segmentsMatch(patterns, segments)) return dir;
    }
  }
  return undefined;
}

/** Whole-path match, segment by segment; "**" stands for any number of segments. */
export function segmentsMatch(
  patterns: readonly SegmentPattern[],
  segments: readonly string[],
): boolean {
  if (patterns.length === 0) return segments.length === 0;
  const [head, ...rest] = patterns;
  if (head === "**") {
    for (let skip = 0; skip <= segments.length; skip++) {
      if (segmentsMatch(rest, segments.slice(skip))) return true;
    }
    return false;
  }
  return segments.length > 0 && head.test(segments[0]) && segmentsMatch(rest, segments.slice(1));
}
