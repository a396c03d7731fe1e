/**
 * Which project the cwd belongs to, from a snapshot of the world. Pure: every fact comes in
 * through `ProjectFacts`; see detect.ts for the rules in words.
 */
import { err, errorIssue, expandHome, ok, suggest } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import type { ProjectSpec } from "../config/mod.ts";
import type { ProjectInfo } from "../contract/mod.ts";
import type { ProjectFacts } from "./facts.ts";
import { compileDetectRules } from "./rules.ts";
import type { DetectRule } from "./rules.ts";
import { matchRule } from "./match.ts";
import { MANIFEST_FILES, nameFromManifest } from "./manifests.ts";
import { baseName, resolvePath, searchDirs } from "./paths.ts";
import { sanitizeName, sanitizeNameOrFallback } from "./sanitize.ts";

/** detectedBy of an explicit argument that names no configured project: the planner warns. */
export const UNCONFIGURED_ARGUMENT = "argument, not a configured project";

export interface DecideOptions {
  /** The [project] argument of `rune start|stop`. */
  argument?: string;
  /** Project names that exist only as per_project keys (not under projects[]). */
  knownNames?: readonly string[];
}

export interface ProjectDecision {
  project: ProjectInfo;
  /** "bad-detect-rule" warnings: malformed rules, ignored. */
  warnings: Issue[];
}

/**
 * Decides the project: the explicit argument, else the first project (config order) with a
 * detect rule that holds (rules in order), else the nearest manifest's name, else the git
 * root's name, else the cwd's name. Fails for an argument with no usable character, and for
 * one close to a configured name (a typo: "unknown-project", with the did-you-mean).
 */
export function decideProject(
  facts: ProjectFacts,
  projects: readonly ProjectSpec[],
  options: DecideOptions = {},
): Result<ProjectDecision, Issue[]> {
  const { rules, warnings } = compileDetectRules(projects, facts.home);
  const done = (project: ProjectInfo) => ok({ project, warnings });

  if (options.argument !== undefined) {
    const i = findNamed(projects.map((p) => p.name), options.argument);
    if (i !== undefined) return done(argumentProject(projects[i], rules[i], facts));
    const keys = options.knownNames ?? [];
    const k = findNamed(keys, options.argument);
    if (k !== undefined) {
      return done({ name: keys[k].toLowerCase(), dir: facts.cwd, detectedBy: "argument" });
    }
    // A near miss of a configured name is a typo: running only the global rituals would look
    // like success. Names far from every configured one may be new projects, and still run.
    const meant = suggest(options.argument, [...projects.map((p) => p.name), ...keys]);
    if (meant !== undefined) {
      return err([
        errorIssue(
          "unknown-project",
          `Cannot use "${options.argument}" as a project: no project of that name is ` +
            `configured, and it is close to "${meant}"`,
          {
            hint: `Did you mean "${meant}"? Give its name as configured; to run only the ` +
              `global rituals for a project "${options.argument}", add it under projects`,
          },
        ),
        ...warnings,
      ]);
    }
    const wanted = sanitizeName(options.argument);
    if (wanted === "") {
      return err([
        errorIssue(
          "bad-project-name",
          `Cannot use "${options.argument}" as a project name: it has no letter or digit`,
          { hint: "Name a project from projects[] or per_project, e.g. rune start web" },
        ),
        ...warnings,
      ]);
    }
    return done({ name: wanted, dir: facts.cwd, detectedBy: UNCONFIGURED_ARGUMENT });
  }

  for (const [i, project] of projects.entries()) {
    for (const rule of rules[i]) {
      const dir = matchRule(rule, facts);
      if (dir === undefined) continue;
      return done({
        name: project.name.toLowerCase(),
        dir: configuredDir(project, facts) ?? dir,
        detectedBy: `detect rule "${rule.text}"`,
      });
    }
  }

  const found = fallbackName(facts);
  // A detected name that is a configured project's name in another spelling ("web-app" for
  // "Web App") takes the configured spelling, so its per_project rituals are found.
  const names = [...projects.map((p) => p.name), ...(options.knownNames ?? [])];
  const same = names.find((n) => sanitizeName(n) === found.name);
  return done(same ? { ...found, name: same.toLowerCase() } : found);
}

/** Index of the name equal to `wanted` ignoring case, else equal once both are sanitized. */
export function findNamed(names: readonly string[], wanted: string): number | undefined {
  const lower = wanted.toLowerCase();
  let i = names.findIndex((n) => n.toLowerCase() === lower);
  if (i < 0) {
    i = names.findIndex((n) => sanitizeName(n) !== "" && sanitizeName(n) === sanitizeName(wanted));
  }
  return i < 0 ? undefined : i;
}

/**
 * The directory of a project named on the command line: its `dir` key; else where one of its
 * rules finds it from here (a clone elsewhere is still that project); else its first literal
 * `dir:` path; else the cwd.
 */
function argumentProject(
  project: ProjectSpec,
  rules: DetectRule[],
  facts: ProjectFacts,
): ProjectInfo {
  const name = project.name.toLowerCase();
  const dirKey = configuredDir(project, facts);
  if (dirKey) return { name, dir: dirKey, detectedBy: "argument; dir from the project's dir key" };
  for (const rule of rules) {
    const dir = matchRule(rule, facts);
    if (dir !== undefined) {
      return { name, dir, detectedBy: `argument; dir from detect rule "${rule.text}"` };
    }
  }
  const place = rules.find((r) => r.kind === "location" && r.path !== undefined);
  if (place?.kind === "location" && place.path) {
    return { name, dir: place.path, detectedBy: `argument; dir from detect rule "${place.text}"` };
  }
  return { name, dir: facts.cwd, detectedBy: "argument; dir is the current directory" };
}

/** A project's `dir` key: `~` expanded, relative to HOME. */
function configuredDir(project: ProjectSpec, facts: ProjectFacts): string | undefined {
  if (!project.dir) return undefined;
  const expanded = expandHome(project.dir, { HOME: facts.home });
  return resolvePath(facts.home ?? "/", expanded);
}

function fallbackName(facts: ProjectFacts): ProjectInfo {
  for (const dir of searchDirs(facts.cwd, facts.git?.root, facts.home)) {
    for (const file of MANIFEST_FILES) {
      const text = facts.manifests[dir === "/" ? `/${file}` : `${dir}/${file}`];
      if (text === undefined) continue;
      const found = nameFromManifest(file, text);
      const name = found && sanitizeName(found.name);
      if (name) return { name, dir, detectedBy: found.source };
    }
  }
  if (facts.git) {
    const name = sanitizeName(baseName(facts.git.root));
    if (name) return { name, dir: facts.git.root, detectedBy: "git root name" };
  }
  return {
    name: sanitizeNameOrFallback(baseName(facts.cwd)),
    dir: facts.cwd,
    detectedBy: "directory name",
  };
}
