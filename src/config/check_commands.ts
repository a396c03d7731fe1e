/**
 * Each ritual command must have something to run: a `command`, or `interactive: true` with a
 * `tmux_template` that exists. Keys that have no effect where they stand (the seed's `command`
 * and `tmux_session` next to `tmux_template`) warn. Pure; reads raw data (see raw.ts).
 */
import { errorIssue, suggest, warningIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { describePath } from "./positions.ts";
import type { Locator } from "./positions.ts";
import { rawCommands, rawTemplates } from "./raw.ts";

export function commandIssues(data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  const found = rawTemplates(data);
  const templates = new Set(found.map((t) => t.name));
  for (const { spec, path } of rawCommands(data)) {
    const label = typeof spec.name === "string" ? `"${spec.name}"` : describePath(path);
    const text = (key: string) =>
      typeof spec[key] === "string" && (spec[key] as string).trim() !== "";
    const interactive = spec.interactive === true;
    const template = text("tmux_template") ? (spec.tmux_template as string) : undefined;
    const session = text("tmux_session") ? (spec.tmux_session as string) : undefined;

    if (template !== undefined && !templates.has(template)) {
      const meant = suggest(template, templates);
      issues.push(errorIssue(
        "unknown-template",
        `Cannot open the template of ${label}: there is no template "${template}"`,
        {
          where: where.value([...path, "tmux_template"]),
          hint: meant
            ? `Did you mean "${meant}"?`
            : templates.size
            ? `Use one of: ${[...templates].join(", ")}; or define "${template}" under ` +
              "rituals.templates"
            : `Define "${template}" under rituals.templates`,
        },
      ));
    }

    if (!text("command")) {
      if (template !== undefined && !interactive) {
        issues.push(errorIssue(
          "missing-command",
          `Cannot run ${label}: it names tmux_template "${template}" without interactive: true, ` +
            "and has no command",
          { where: where.value(path), hint: "Add interactive: true to open the template" },
        ));
      } else if (template === undefined && session !== undefined) {
        issues.push(errorIssue(
          "missing-command",
          `Cannot run ${label}: tmux_session "${session}" needs a command to run in it`,
          {
            where: where.value(path),
            hint: "Add command: (what runs in the session's window), or use tmux_template",
          },
        ));
      } else if (template === undefined && spec.wait_for === undefined) {
        // A step with only wait_for waits, and runs nothing.
        issues.push(errorIssue(
          "missing-command",
          `Cannot run ${label}: it has neither command nor tmux_template`,
          {
            where: where.value(path),
            hint: "Add command: (a shell command), or interactive: true with tmux_template: NAME",
          },
        ));
      }
    } else if (template !== undefined && interactive) {
      const spec = found.find((t) => t.name === template)?.spec;
      if (!USES_COMMAND.test(JSON.stringify(spec ?? null))) {
        issues.push(warningIssue(
          "no-effect",
          `Ignoring the command of ${label}: a tmux_template step opens template ` +
            `"${template}", and the template does not use {{.Command}}, so the command never runs`,
          {
            where: where.key([...path, "command"]),
            hint: "Remove command, or run it from a pane of the template: eval {{.Command}}",
          },
        ));
      }
    } else if ((template !== undefined || session !== undefined) && !interactive) {
      const key = template !== undefined ? "tmux_template" : "tmux_session";
      issues.push(warningIssue(
        "not-interactive",
        `Ignoring ${key} of ${label}: interactive is not true, so only its command runs`,
        {
          where: where.key([...path, key]),
          hint: `Add interactive: true to use ${key}, or remove ${key}`,
        },
      ));
    }
    if (template !== undefined && session !== undefined && interactive) {
      issues.push(warningIssue(
        "no-effect",
        `Ignoring tmux_session "${session}" of ${label}: a tmux_template step opens the ` +
          `session the template's session_name names`,
        {
          where: where.key([...path, "tmux_session"]),
          hint: `Remove tmux_session, or set session_name in template "${template}"`,
        },
      ));
    }
  }
  return issues;
}

/** {{.Command}} in any of a template's fields (Go or Handlebars style, trim markers or not). */
const USES_COMMAND = /\{\{[~-]?\s*\.?Command\s*[~-]?\}\}/;
