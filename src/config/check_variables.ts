/**
 * Config-time check of every field that may hold template variables: unknown variables,
 * template syntax errors and placeholders no quoting can keep literal become located issues,
 * before anything runs. Pure. Each field is checked in the context the planner expands it in.
 */
import { describePath } from "./positions.ts";
import type { Config, RitualSpec, TemplateSpec } from "./schema.ts";
import type { Issue, Location } from "../base/mod.ts";
import type { RITUALS } from "./raw.ts";
import { checkTemplateText, templateLookups, withheldProblem } from "../templates/mod.ts";
import { withheldBy } from "../env/mod.ts";
import type { FieldContext } from "../templates/mod.ts";

export type ConfigPath = readonly (string | number)[];

export interface TemplateFieldOptions {
  /**
   * The scalar's text exactly as written in the file, quotes included (`"dev-{{.Project}}"`),
   * or undefined. With it, a problem in a single-line plain or quoted scalar without escapes
   * points at the placeholder's own column instead of the value's start.
   */
  rawScalar?: (path: ConfigPath) => string | undefined;
}

/** A shell field that is only `{{.Command}}`: quoted like every value, it is one word. */
const COMMAND_ALONE = /^\s*\{\{[~-]?\s*\.?Command\s*[~-]?\}\}\s*$/;

interface Field {
  path: ConfigPath;
  text: string;
  context: FieldContext;
}

export function checkTemplateFields(
  config: Config,
  locate: (path: ConfigPath) => Location | undefined,
  options: TemplateFieldOptions = {},
): Issue[] {
  const issues: Issue[] = [];
  const withheld = withheldBy({
    allow: config.settings?.env?.allow ?? [],
    deny: config.settings?.env?.deny ?? [],
  });
  for (const field of templateFields(config)) {
    if (!field.text.includes("{{")) continue;
    if (field.context === "shell" && COMMAND_ALONE.test(field.text)) {
      issues.push({
        severity: "warning",
        code: "command-as-word",
        problem: `Cannot run ${JSON.stringify(field.text.trim())} in ${describePath(field.path)} ` +
          "as a command line: its value is quoted as one word, so the shell looks for a program " +
          "named after the whole command",
        hint: `Write "eval {{.Command}}" to run the step's command there`,
        ...(locate(field.path) ? { where: locate(field.path) } : {}),
      });
    }
    const problems = checkTemplateText(field.text, field.context);
    // A withheld name is refused whatever its value: say so now, not at the next start.
    for (const l of problems.length ? [] : templateLookups(field.text, field.context)) {
      if (l.map !== "Env" || !withheld(l.key)) continue;
      problems.push(withheldProblem(l));
    }
    for (const p of problems) {
      const where = locate(field.path);
      const column = where && exactColumn(options.rawScalar?.(field.path), field.text, p.offset);
      const issue: Issue = {
        severity: "error",
        code: p.code,
        problem: `Cannot expand ${JSON.stringify(p.source)} in ${
          describePath(field.path)
        }: ${p.reason}`,
      };
      if (where) {
        issue.where = column === undefined ? where : { ...where, column: where.column + column };
      }
      if (p.hint) issue.hint = p.hint;
      issues.push(issue);
    }
  }
  return issues;
}

/** Every string field the planner expands, with its path and context, in file order. */
export function templateFields(config: Config): Field[] {
  const fields: Field[] = [];
  const add = (path: ConfigPath, text: unknown, context: FieldContext) => {
    if (typeof text === "string") fields.push({ path, text, context });
  };
  const addMap = (path: ConfigPath, map: Record<string, unknown> | undefined) => {
    for (const [key, value] of Object.entries(map ?? {})) add([...path, key], value, "text");
  };
  const addLines = (path: ConfigPath, value: string | string[] | undefined | null) => {
    if (Array.isArray(value)) value.forEach((line, i) => add([...path, i], line, "shell"));
    else add(path, value, "shell");
  };

  const template = (path: ConfigPath, t: TemplateSpec) => {
    add([...path, "session_name"], t.session_name, "name");
    add([...path, "dir"], t.dir, "text");
    (t.before ?? []).forEach((line, i) => add([...path, "before", i], line, "shell"));
    addLines([...path, "pre_window"], t.pre_window);
    for (const key of ["env", "options", "window_options"] as const) {
      addMap([...path, key], t[key]);
    }
    for (const key of ["on_first_start", "on_reuse"] as const) {
      (t[key] ?? []).forEach((line, i) => add([...path, key, i], line, "shell"));
    }
    (t.windows ?? []).forEach((w, wi) => {
      const wPath = [...path, "windows", wi];
      add([...wPath, "name"], w.name, "name");
      add([...wPath, "dir"], w.dir, "text");
      addLines([...wPath, "pre"], w.pre);
      addMap([...wPath, "env"], w.env);
      addMap([...wPath, "window_options"], w.window_options);
      (w.panes ?? []).forEach((pane, pi) => {
        const pPath = [...wPath, "panes", pi];
        if (typeof pane === "string") return add(pPath, pane, "shell");
        if (!pane) return;
        addLines([...pPath, "command"], pane.command);
        add([...pPath, "dir"], pane.dir, "text");
        addMap([...pPath, "env"], pane.env);
        add([...pPath, "title"], pane.title, "text");
        add([...pPath, "shell"], pane.shell, "shell");
      });
    });
  };

  type RitualKey = (typeof RITUALS)[number];
  const ritual = (name: RitualKey, r: Partial<RitualSpec> | null | undefined) => {
    if (!r) return;
    const commands = (path: ConfigPath, list: RitualSpec["global"]) => {
      (list ?? []).forEach((c, i) => {
        const cPath = [...path, i];
        add([...cPath, "command"], c.command, "shell");
        add([...cPath, "working_dir"], c.working_dir, "text");
        for (const [key, value] of Object.entries(c.env ?? {})) {
          add([...cPath, "env", key], value, "text");
        }
        add([...cPath, "tmux_session"], c.tmux_session, "name");
      });
    };
    commands(["rituals", name, "global"], r.global);
    for (const [project, list] of Object.entries(r.per_project ?? {})) {
      commands(["rituals", name, "per_project", project], list);
    }
    for (const [tName, t] of Object.entries(r.templates ?? {})) {
      template(["rituals", name, "templates", tName], t);
    }
  };

  ritual("start", config.rituals?.start);
  ritual("stop", config.rituals?.stop);
  ritual("enter", config.rituals?.enter);
  ritual("leave", config.rituals?.leave);
  for (const [tName, t] of Object.entries(config.rituals?.templates ?? {})) {
    template(["rituals", "templates", tName], t);
  }
  return fields;
}

/**
 * How far into the scalar the placeholder sits, when that is certain: the raw text is the value
 * itself (plain) or the value in quotes with nothing escaped, all on one line.
 */
function exactColumn(raw: string | undefined, value: string, offset: number): number | undefined {
  if (raw === undefined || /[\r\n]/.test(raw)) return undefined;
  if (raw === value) return offset;
  if (raw === `"${value}"` && !value.includes("\\")) return offset + 1;
  if (raw === `'${value}'` && !value.includes("'")) return offset + 1;
  return undefined;
}
