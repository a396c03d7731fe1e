/**
 * `rune import … --name NAME`: the import under another template and project name. The session
 * keeps the source's own name; only the template, the per_project key and the step that opens
 * the template change. Pure.
 */
import { err, errorIssue, ok } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { projectKey } from "./text.ts";
import type { ImportResult } from "./types.ts";

/** `result` named `name`, or an issue when `name` is not a rune project name. */
export function renameImport(result: ImportResult, name: string): Result<ImportResult, Issue> {
  const key = projectKey(name);
  if (key !== name) {
    return err(errorIssue(
      "bad-name",
      `Cannot use the name ${JSON.stringify(name)}: a project name is lowercase letters, ` +
        "digits, - and _",
      { hint: key ? `Use --name ${key}` : "Give a name with at least one letter or digit" },
    ));
  }
  const rename = (template?: string) => template === result.name ? name : template;
  return ok({
    ...result,
    name,
    start: result.start.map((s) => ({ ...s, tmux_template: rename(s.tmux_template) }))
      .map(dropUndefined),
    stop: result.stop.map((s) => ({ ...s, tmux_template: rename(s.tmux_template) }))
      .map(dropUndefined),
  });
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
