/**
 * Configured names that could reach a path or a terminal as they are. Pure; reads raw data.
 *
 * Per key (README "Validation" says the same):
 * - NUL, control, line-separator and bidi characters are an error in every name: project
 *   names, per_project keys, template names, command names, session_name, window names and
 *   tmux_session (they garble terminals and spoof what a person reads).
 * - Project names, per_project keys and template names are identifiers that name directories
 *   and files: holding "/" or being "." or ".." is an error.
 * - Command names, session and window names are labels people read ("Check CI/CD pipeline"):
 *   "/" or ".." in them is kept for display and tmux, with a warning where rune writes the
 *   name into a path (a background command's log file) or may (session names: saved
 *   sessions); `pathComponent` makes the file name. Window names never reach a path.
 * Template fields are checked as written, outside their placeholders (values are checked
 * where they come from).
 */
import {
  errorIssue,
  hasUnprintable,
  isPathLike,
  pathComponent,
  shortenValue,
  warningIssue,
} from "../base/mod.ts";
import type { Issue, Location } from "../base/mod.ts";
import { describePath } from "./positions.ts";
import type { ConfigPath, Locator } from "./positions.ts";
import { isMap, rawCommands, rawTemplates, RITUALS } from "./raw.ts";

const PLACEHOLDER = /\{\{[\s\S]*?\}\}/g;
const SAFE_HINT = 'Use letters, digits, "-", "_" and "."';

export function nameIssues(data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  const identifier = (name: string, what: string, at: Location | undefined) => {
    const problem = unsafeIdentifier(name);
    if (!problem) return;
    issues.push(errorIssue(
      "bad-name",
      `Cannot use ${JSON.stringify(shortenValue(name))} as ${what}: it ${problem}`,
      { where: at, hint: `${SAFE_HINT}, e.g. "${pathComponent(name, "web")}"` },
    ));
  };
  const label = (text: string, what: string, at: Location | undefined, inPath: boolean) => {
    const literal = text.replace(PLACEHOLDER, "");
    const shown = JSON.stringify(shortenValue(text));
    if (hasUnprintable(literal)) {
      issues.push(errorIssue(
        "bad-name",
        `Cannot use ${shown} as ${what}: it holds a control character`,
        { where: at, hint: "Remove the control character (tabs, escapes, NUL) from the name" },
      ));
    } else if (inPath && (literal.includes("/") || /(^|\/)\.\.?(\/|$)/.test(literal))) {
      issues.push(warningIssue(
        "path-like-name",
        `Cannot use ${shown} as it is in a file name (${what}): a path component cannot ` +
          `hold "/" or be "..", so rune writes ${JSON.stringify(pathComponent(literal))}`,
        { where: at, hint: `${SAFE_HINT} to keep the name as written` },
      ));
    }
  };

  if (isMap(data) && Array.isArray(data.projects)) {
    data.projects.forEach((p, i) => {
      if (isMap(p) && typeof p.name === "string") {
        identifier(p.name, `the name of projects[${i}]`, where.value(["projects", i, "name"]));
      }
    });
  }
  const rituals = isMap(data) ? data.rituals : undefined;
  for (const ritual of RITUALS) {
    const spec = isMap(rituals) ? rituals[ritual] : undefined;
    if (!isMap(spec) || !isMap(spec.per_project)) continue;
    for (const key of Object.keys(spec.per_project)) {
      const path: ConfigPath = ["rituals", ritual, "per_project", key];
      identifier(key, `a per_project key of the ${ritual} ritual`, where.key(path));
    }
  }
  for (const { name, spec, path } of rawTemplates(data)) {
    identifier(name, "a template name", where.key(path));
    if (!isMap(spec)) continue;
    const place = `of template ${JSON.stringify(shortenValue(name))}`;
    if (typeof spec.session_name === "string") {
      const at = where.value([...path, "session_name"]);
      label(spec.session_name, `the session_name ${place}`, at, true);
    }
    if (!Array.isArray(spec.windows)) continue;
    spec.windows.forEach((w, i) => {
      if (!isMap(w) || typeof w.name !== "string") return;
      const at = where.value([...path, "windows", i, "name"]);
      // A window's name never becomes a file name: only its control characters matter.
      label(w.name, `the name of windows[${i}] ${place}`, at, false);
    });
  }
  for (const { spec, path } of rawCommands(data)) {
    if (typeof spec.name === "string") {
      const at = where.value([...path, "name"]);
      label(spec.name, `the name of ${describePath(path)}`, at, spec.background === true);
    }
    if (typeof spec.tmux_session === "string") {
      const at = where.value([...path, "tmux_session"]);
      label(spec.tmux_session, `the tmux_session of ${describePath(path)}`, at, true);
    }
  }
  return issues;
}

/** Why `name` cannot be an identifier that names a file or directory, or undefined. */
function unsafeIdentifier(name: string): string | undefined {
  if (hasUnprintable(name)) return "holds a control character";
  if (name.includes("/")) return 'holds "/", and it names a directory and files';
  if (isPathLike(name)) return `is ${JSON.stringify(name)}, which names a directory above`;
  return undefined;
}
