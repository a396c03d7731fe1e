/**
 * `--var NAME=VALUE` (repeatable) and `--windows a,b` of `rune start|stop`, read into what the
 * planner takes. Pure. A malformed one is an error that names it and shows the right form.
 */
import { err, errorIssue, ok } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { MAP_KEY } from "../templates/mod.ts";

/** `["branch=main", "n=1=2"]` → `{ branch: "main", n: "1=2" }`; the last of a name wins. */
export function parseVars(values: readonly string[]): Result<Record<string, string>, Issue[]> {
  const vars = new Map<string, string>();
  const issues: Issue[] = [];
  for (const given of values) {
    const eq = given.indexOf("=");
    const name = eq < 0 ? given : given.slice(0, eq);
    if (eq < 0 || !MAP_KEY.test(name)) {
      issues.push(errorIssue(
        "bad-var",
        `Cannot use --var ${JSON.stringify(given)}: ` +
          (eq < 0
            ? "it has no value"
            : "a variable's name is letters, digits and _, not starting with a digit"),
        { hint: `Write --var NAME=VALUE, e.g. --var branch=main (used as {{.Var.branch}})` },
      ));
      continue;
    }
    vars.set(name, given.slice(eq + 1));
  }
  // fromEntries makes own properties even of `__proto__`: a name is only ever a value's.
  return issues.length ? err(issues) : ok(Object.fromEntries(vars));
}

/** `["editor,logs", "api"]` → `["editor", "logs", "api"]` (blanks around names dropped). */
export function parseWindows(values: readonly string[]): string[] {
  return values.flatMap((v) => v.split(",")).map((n) => n.trim()).filter((n) => n !== "");
}
