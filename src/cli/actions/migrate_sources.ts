/**
 * Where each tracker keeps its history, and reading it (read-only) for the pure readers in
 * src/migrate: Go Rune's bbolt file, Watson's frames/log/state JSON, Timewarrior's data
 * directory or a `timew export`. Permissions are asked first, so Deno never prompts.
 */
import { err, errorIssue, type Issue, ok, type Result, runePaths } from "../../base/mod.ts";
import {
  type HistoryRead,
  readRuneSessions,
  readTimewarrior,
  readTimewarriorExport,
  readWatson,
} from "../../migrate/mod.ts";
import { missingPermission } from "../work_store.ts";

export type MigrateSource = "rune" | "watson" | "timewarrior";

export interface SourceInput {
  /** What was read, for the summary: `Go Rune's sessions "/home/me/.rune/sessions.db"`. */
  label: string;
  read: HistoryRead;
}

export interface SourceOptions {
  /** rune's project names: a Timewarrior tag that is one becomes the project. */
  projects?: readonly string[];
}

/**
 * A failure: the issues to print, or a permission message (exit 3). A missing file is an
 * issue, with the places rune looked.
 */
export type SourceFailure = { kind: "issues"; issues: Issue[] } | {
  kind: "permission";
  message: string;
};

const NAMES: Record<MigrateSource, string> = {
  rune: "Go Rune's sessions",
  watson: "Watson's data",
  timewarrior: "Timewarrior's data",
};

export function readSource(
  source: MigrateSource,
  path: string | undefined,
  options: SourceOptions = {},
): Result<SourceInput, SourceFailure> {
  const env = readEnv();
  if (!env.ok) return env;
  const candidates = path !== undefined ? [path] : defaultPaths(source, env.value);
  const missing = missingPermission(candidates.map((p) => ({ name: "read" as const, path: p })));
  if (missing) return err({ kind: "permission", message: missing });
  const found = candidates.find(exists);
  if (found === undefined) {
    return err({
      kind: "issues",
      issues: [errorIssue(
        "migrate-not-found",
        `Cannot read ${NAMES[source]}: ${candidates.map((c) => `"${c}"`).join(", ")} ${
          candidates.length === 1 ? "does" : "do"
        } not exist`,
        { hint: hintFor(source) },
      )],
    });
  }
  try {
    const read = readAt(source, found, options);
    if (!read.ok) return err({ kind: "issues", issues: read.error });
    return ok({ label: `${NAMES[source]} "${found}"`, read: read.value });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    const why = e instanceof Error ? e.message : String(e);
    return err({
      kind: "issues",
      issues: [errorIssue("migrate-unreadable", `Cannot read ${NAMES[source]} "${found}": ${why}`, {
        hint: hintFor(source),
      })],
    });
  }
}

/** The places each tracker keeps its data, most specific first. */
export function defaultPaths(source: MigrateSource, env: Record<string, string | undefined>) {
  const home = env.HOME ?? "";
  switch (source) {
    case "rune":
      return [`${runePaths(env).legacyDir}/sessions.db`];
    case "watson":
      return [`${env.WATSON_DIR ?? `${home}/.config/watson`}/frames`];
    case "timewarrior": {
      const xdg = env.XDG_DATA_HOME?.startsWith("/") ? env.XDG_DATA_HOME : `${home}/.local/share`;
      return [
        ...(env.TIMEWARRIORDB ? [`${env.TIMEWARRIORDB}/data`] : []),
        `${home}/.timewarrior/data`,
        `${xdg}/timewarrior/data`,
      ];
    }
  }
}

function readAt(
  source: MigrateSource,
  path: string,
  options: SourceOptions,
): Result<HistoryRead> {
  switch (source) {
    case "rune":
      return readRuneSessions(Deno.readFileSync(path));
    case "watson":
      return readWatson(Deno.readTextFileSync(path));
    case "timewarrior": {
      const opts = { projects: options.projects };
      if (Deno.statSync(path).isFile) {
        return readTimewarriorExport(Deno.readTextFileSync(path), opts);
      }
      // The directory above data/ (TIMEWARRIORDB, ~/.timewarrior) works too.
      const dir = exists(`${path}/data`) && Deno.statSync(`${path}/data`).isDirectory
        ? `${path}/data`
        : path;
      const files = [...Deno.readDirSync(dir)]
        .filter((e) => e.isFile && e.name.endsWith(".data"))
        .map((e) => ({ name: e.name, text: Deno.readTextFileSync(`${dir}/${e.name}`) }));
      return readTimewarrior(files, opts);
    }
  }
}

function hintFor(source: MigrateSource): string {
  switch (source) {
    case "rune":
      return "Pass Go Rune's database: rune migrate rune ~/.rune/sessions.db";
    case "watson":
      return "Pass Watson's frames file: rune migrate watson ~/.config/watson/frames";
    case "timewarrior":
      return "Pass Timewarrior's data directory: rune migrate timewarrior ~/.timewarrior/data";
  }
}

function readEnv(): Result<Record<string, string | undefined>, SourceFailure> {
  const names = ["HOME", "XDG_DATA_HOME", "WATSON_DIR", "TIMEWARRIORDB"];
  const missing = missingPermission(names.map((variable) => ({ name: "env", variable })));
  if (missing) return err({ kind: "permission", message: missing });
  return ok(Object.fromEntries(names.map((n) => [n, Deno.env.get(n)])));
}

function exists(path: string): boolean {
  try {
    Deno.statSync(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}
