/**
 * A project's own `.rune.yaml`, checked as a local file: the whole config check, then what a
 * file that sits in a repository may do. It names its one project (projects: [{ name }]) and
 * adds rituals and templates for that project only. It cannot hold `settings` (so it cannot
 * unfilter a secret, move the tmux socket or turn off the audit), Rune's other top-level keys,
 * a project `dir` (the project is where the file is), global commands (they would run for
 * every project) or another project's per_project commands, nor redefine a template of the
 * user's config. Each such key is an error located in the local file. Pure.
 */
import { err, errorIssue, hasErrors, LOCAL_CONFIG_NAME, ok } from "../base/mod.ts";
import type { Issue, Location, Result } from "../base/mod.ts";
import type { Config } from "./schema.ts";
import type { ConfigPath } from "./positions.ts";
import { validateConfigText } from "./validate.ts";
import type { TemplateFieldCheck } from "./validate.ts";
import { TEMPLATE_PLACES } from "./raw.ts";

/** The file name rune looks for at a project's root. */

/** The rituals a local file may add to (templates aside). */
export const LOCAL_RITUALS = ["start", "stop", "enter", "leave"] as const;

/** Top-level keys a local file may not hold, each with why. */
const FORBIDDEN_TOP: [key: string, why: string][] = [
  [
    "settings",
    "settings are yours alone (the env filter, the tmux socket, the audit, the shell hook)",
  ],
  ["user_id", "it is Rune's own key, kept in your config"],
  ["integrations", "it is Rune's own key, kept in your config"],
  ["logging", "it is Rune's own key, kept in your config"],
];

export interface LocalConfig {
  /** The file's path as rune found it. */
  file: string;
  /** The project's directory: where the file is. */
  dir: string;
  /** The project it names (projects[0].name, as written). */
  project: string;
  config: Config;
  warnings: Issue[];
  locate(path: ConfigPath): Location | undefined;
  locateKey(path: ConfigPath): Location | undefined;
}

export interface LocalParseOptions {
  /** The project's directory (where the file is). */
  dir: string;
  /** Template names the user's config defines: a local file cannot redefine them. */
  userTemplates?: ReadonlySet<string>;
  checkTemplates?: TemplateFieldCheck;
  maxBytes?: number;
  strict?: boolean;
}

/** Checks `text` as the local file `file`; every problem is located in it. */
export function parseLocalConfig(
  text: string,
  file: string,
  options: LocalParseOptions,
): Result<LocalConfig, Issue[]> {
  const checked = validateConfigText(text, file, {
    strict: options.strict,
    checkTemplates: options.checkTemplates,
    maxBytes: options.maxBytes,
  });
  const config = checked.config;
  if (!config) return err(checked.issues);
  const where = checked.where;
  const issues = [...checked.issues];
  const problem = (code: string, what: string, at: Location | undefined, hint: string) =>
    issues.push(errorIssue(code, `Cannot use ${what} in a project's ${LOCAL_CONFIG_NAME}`, {
      where: at,
      hint,
    }));

  const data = config as Record<string, unknown>;
  for (const [key, why] of FORBIDDEN_TOP) {
    if (data[key] === undefined) continue;
    problem("local-forbidden", `${key}: ${why}`, where.key([key]), "Remove it from this file");
  }
  const projects = config.projects ?? [];
  const name = projects[0]?.name;
  if (projects.length !== 1 || !name) {
    issues.push(errorIssue(
      "local-project",
      `Cannot tell which project ${LOCAL_CONFIG_NAME} is for: it must name exactly one ` +
        `project, and it names ${projects.length}`,
      {
        where: where.key(projects.length ? ["projects"] : []),
        hint: "Write projects: [{ name: NAME }], the name its per_project commands use",
      },
    ));
  }
  if (projects[0]?.dir !== undefined) {
    problem(
      "local-forbidden",
      "projects[0].dir: the project's directory is the one the file is in",
      where.key(["projects", 0, "dir"]),
      "Remove dir; put the file at the project's root",
    );
  }
  for (const ritual of LOCAL_RITUALS) {
    const spec = config.rituals?.[ritual];
    if (!spec) continue;
    if (spec.global) {
      problem(
        "local-forbidden",
        `rituals.${ritual}.global: its commands would run for every project`,
        where.key(["rituals", ritual, "global"]),
        `Move them under rituals.${ritual}.per_project.${name ?? "NAME"}`,
      );
    }
    for (const key of Object.keys(spec.per_project ?? {})) {
      if (name !== undefined && key.toLowerCase() === name.toLowerCase()) continue;
      problem(
        "local-other-project",
        `rituals.${ritual}.per_project.${key}: the file is for project "${name ?? "?"}", ` +
          "and cannot add rituals to another",
        where.key(["rituals", ritual, "per_project", key]),
        name ? `Rename the key to ${name}, or remove it` : "Name the project under projects",
      );
    }
  }
  for (const place of TEMPLATE_PLACES) {
    for (const template of Object.keys(templatesAt(config, place))) {
      if (!options.userTemplates?.has(template)) continue;
      problem(
        "local-template-taken",
        `template "${template}": your config already defines it`,
        where.key([...place, template]),
        "Give the project's template another name (and its tmux_template steps)",
      );
    }
  }
  if (hasErrors(issues) || name === undefined) return err(issues);
  return ok({
    file,
    dir: options.dir,
    project: name,
    config,
    warnings: issues,
    locate: where.value,
    locateKey: where.key,
  });
}

/** The templates at one of TEMPLATE_PLACES. */
export function templatesAt(config: Config, place: ConfigPath): Record<string, unknown> {
  let node: unknown = config;
  for (const key of place) {
    node = node && typeof node === "object" ? (node as Record<string, unknown>)[key] : undefined;
  }
  return node && typeof node === "object" ? node as Record<string, unknown> : {};
}
