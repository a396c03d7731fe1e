/**
 * The work-session store as the commands meet it: permissions asked of Deno first (a query
 * never prompts, so rune never triggers Deno's permission prompt), `--at` read in the user's
 * zone, and every refusal printed with its exit code. Loads no config, YAML or zod: `rune
 * status` comes through here from shell prompts.
 */
import { formatIssue, type Issue, runePaths } from "../base/mod.ts";
import { openStore, type WorkStore, workStorePath } from "../state/mod.ts";
import { parseAt } from "../tracking/mod.ts";
import { EXIT } from "./exit_codes.ts";
import { describePermissionError } from "./permission_error.ts";

export type Opened<T> = { ok: true; value: T } | { ok: false; code: number };

/** The first permission in `wanted` that is not granted, as rune's one-line message. */
export function missingPermission(wanted: readonly Deno.PermissionDescriptor[]) {
  for (const d of wanted) {
    if (Deno.permissions.querySync(d).state === "granted") continue;
    const target = "path" in d ? d.path : "variable" in d ? d.variable : undefined;
    return describePermissionError(
      `Requires ${d.name} access${target ? ` to "${String(target)}"` : ""}`,
    );
  }
  return undefined;
}

/** $XDG_DATA_HOME/rune, once the env permission for the two variables is known to be there. */
export function dataDir(): Opened<string> {
  const missing = missingPermission([
    { name: "env", variable: "HOME" },
    { name: "env", variable: "XDG_DATA_HOME" },
  ]);
  if (missing) return fail(missing, EXIT.missing);
  const env = { HOME: Deno.env.get("HOME"), XDG_DATA_HOME: Deno.env.get("XDG_DATA_HOME") };
  return { ok: true, value: runePaths(env).dataDir };
}

/** $XDG_DATA_HOME/rune when rune may read the variables and read and write there; else none. */
export function dataDirIfAllowed(): string | undefined {
  const vars = ["HOME", "XDG_DATA_HOME"].map((variable) => ({ name: "env" as const, variable }));
  if (missingPermission(vars)) return undefined;
  const dir =
    runePaths({ HOME: Deno.env.get("HOME"), XDG_DATA_HOME: Deno.env.get("XDG_DATA_HOME") })
      .dataDir;
  const fs = [{ name: "read" as const, path: dir }, { name: "write" as const, path: dir }];
  return missingPermission(fs) ? undefined : dir;
}

/**
 * Opens (creating it when `create`) the store. `{ ok: true, value: undefined }` when it does not
 * exist yet and `create` is false: a read-only command then reports an empty history.
 */
export function openWorkStore(options: { create: boolean }): Opened<WorkStore | undefined> {
  const dir = dataDir();
  if (!dir.ok) return dir;
  const missing = missingPermission([
    { name: "read", path: dir.value },
    { name: "write", path: dir.value },
  ]);
  if (missing) return fail(missing, EXIT.missing);
  if (!options.create) {
    try {
      Deno.statSync(workStorePath(dir.value));
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return { ok: true, value: undefined };
      throw e;
    }
  }
  const opened = openStore(dir.value);
  if (!opened.ok) return { ok: false, code: reportIssue(opened.error) };
  return opened;
}

/** `--at TEXT` as an instant; undefined when not given. */
export function parseAtOption(
  text: string | undefined,
  now = Date.now(),
): Opened<number | undefined> {
  if (text === undefined) return { ok: true, value: undefined };
  const at = parseAt(text, new Date(now));
  if (!at.ok) return { ok: false, code: reportIssue(at.error) };
  return { ok: true, value: at.value.getTime() };
}

/**
 * Prints an issue and gives its exit code: 2 for an `--at` that cannot be used (a usage error),
 * 3 for a permission rune lacks, 1 for a change the store refused or could not make.
 */
export function reportIssue(issue: Issue): number {
  console.error(formatIssue(issue));
  return exitCodeOf(issue);
}

export function exitCodeOf(issue: Issue): number {
  if (issue.code.startsWith("at-")) return EXIT.usage;
  if (issue.code === "store-permission") return EXIT.missing;
  return EXIT.stepFailed;
}

function fail(message: string, code: number): { ok: false; code: number } {
  console.error(message);
  return { ok: false, code };
}
