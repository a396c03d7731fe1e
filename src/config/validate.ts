/**
 * The whole check of one config text, every problem in one pass: YAML syntax and duplicate
 * keys, then the schema (wrong types, missing keys, version), unknown and misspelt keys,
 * commands, templates and layouts, durations, projects, names that could reach a path or a
 * terminal as they are, commands longer than a program may start with, and template
 * variables (the `checkTemplates` option: checkTemplateFields of check_variables.ts, which
 * load.ts imports lazily because it brings the template engine). Issues come back sorted by
 * their place in the file. Pure.
 */
import type { Issue, Location } from "../base/mod.ts";
import { errorIssue } from "../base/mod.ts";
import { ConfigSchema } from "./schema.ts";
import type { Config } from "./schema.ts";
import { readYaml } from "./yaml_issues.ts";
import type { ConfigPath, Locator } from "./positions.ts";
import { schemaIssues } from "./schema_issues.ts";
import { unknownKeyIssues } from "./unknown_keys.ts";
import { commandIssues } from "./check_commands.ts";
import { templateIssues } from "./check_templates.ts";
import { templateKeyIssues } from "./check_template_keys.ts";
import { durationIssues, projectIssues } from "./check_values.ts";
import { nameIssues } from "./check_names.ts";
import { lengthIssues } from "./check_lengths.ts";
import { hookRitualIssues } from "./check_hook_rituals.ts";
import type { checkTemplateFields } from "./check_variables.ts";
import { rawScalarReader } from "./scalar_source.ts";
import { describeValue, kindOf } from "./schema_walk.ts";
import { detectFormat, foreignFileIssue } from "./foreign.ts";
import { readinessIssues } from "./check_readiness.ts";

export interface Validation {
  /** The config as rune uses it; undefined when the YAML or the schema failed. */
  config?: Config;
  /** Every problem found, errors and warnings, in file order. */
  issues: Issue[];
  where: Locator;
}

/** The signature of checkTemplateFields (check_variables.ts). */
export type TemplateFieldCheck = typeof checkTemplateFields;

export interface ValidateOptions {
  /** --strict: every warning becomes an error. */
  strict?: boolean;
  /**
   * The check of template variables, normally checkTemplateFields (check_variables.ts).
   * Not imported here: it loads the template engine, which `rune ritual list` must not pay
   * for. Without it, template variables are not checked (load.ts passes it by default).
   */
  checkTemplates?: TemplateFieldCheck;
  /** The size limit in bytes (default CONFIG_LIMITS.maxBytes; see limits.ts). */
  maxBytes?: number;
}

export function validateConfigText(
  text: string,
  file: string,
  options: ValidateOptions = {},
): Validation {
  const read = readYaml(text, file, { maxBytes: options.maxBytes });
  const { where } = read;
  const issues = [...read.issues];
  if (read.data === undefined && issues.length) return finish(undefined, issues, where, options);

  // An empty file (or one holding only comments) is an empty config.
  const data = read.data ?? {};
  if (kindOf(data) !== "map") {
    issues.push(errorIssue(
      "wrong-type",
      `Cannot use the config: expected a map with keys such as version, projects, rituals, got ${
        describeValue(data)
      }`,
      { where: where.value([]), hint: "Start the file with top-level keys, e.g. rituals:" },
    ));
    return finish(undefined, issues, where, options);
  }
  // A tmuxinator, tmuxp or smug file would pass as a config with only unknown-key warnings and
  // then run nothing: say whose file it is, and how to import it, instead.
  const foreign = foreignFileIssue(detectFormat(data), file);
  if (foreign) {
    return finish(undefined, [...issues, { ...foreign, where: where.value([]) }], where, options);
  }

  const checked = ConfigSchema.safeParse(data);
  if (!checked.success) {
    issues.push(...schemaIssues(checked.error.issues, ConfigSchema, data, where));
  }
  issues.push(
    ...unknownKeyIssues(ConfigSchema, data, where),
    ...commandIssues(data, where),
    ...templateIssues(data, where),
    ...templateKeyIssues(data, where),
    ...durationIssues(ConfigSchema, data, where),
    ...projectIssues(data, where),
    ...nameIssues(data, where),
    ...lengthIssues(data, where),
    ...hookRitualIssues(data, where),
  );
  const config = checked.success ? checked.data : undefined;
  if (config) issues.push(...readinessIssues(config, where));
  // Template fields are checked on typed data only; with schema errors the run fails anyway.
  if (config && options.checkTemplates) {
    // With the raw scalar text, an issue points at the placeholder itself, not the value's start.
    issues.push(...options.checkTemplates(config, (path: ConfigPath) => where.value(path), {
      rawScalar: rawScalarReader(read.doc, text),
    }));
  }
  return finish(config, issues, where, options);
}

function finish(
  config: Config | undefined,
  issues: Issue[],
  where: Locator,
  options: ValidateOptions,
): Validation {
  const final = options.strict
    ? issues.map((i): Issue =>
      i.severity === "warning"
        ? {
          ...i,
          severity: "error",
          hint: [i.hint, "(an error because of --strict)"].filter(Boolean).join(" "),
        }
        : i
    )
    : issues;
  return { config, issues: sortByPlace(final), where };
}

function sortByPlace(issues: Issue[]): Issue[] {
  const key = (w: Location | undefined) => (w ? w.line * 1e6 + w.column : Infinity);
  return issues
    .map((issue, index) => ({ issue, index }))
    .sort((a, b) => key(a.issue.where) - key(b.issue.where) || a.index - b.index)
    .map((x) => x.issue);
}
