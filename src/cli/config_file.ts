/**
 * The config file as a place to write: the one rune reads (`--config`, RUNE_CONFIG, XDG,
 * ~/.rune), or where the first of those belongs when none exists. Writes are atomic (a temp
 * file, fsync, rename) and leave the file 0600 in a 0700 directory, as rune's own files are.
 */
import { err, ok } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { configJsonSchemaText, findConfigFile } from "../config/mod.ts";
import { writeFileAtomic } from "../state/mod.ts";
import type { GlobalOptions } from "./spec.ts";
import { currentDir } from "./cwd.ts";

export interface ConfigTarget {
  path: string;
  /** "--config", "RUNE_CONFIG", "XDG_CONFIG_HOME", "~/.rune" */
  source: string;
  exists: boolean;
}

/** The file rune reads, else where it would look first. Needs --allow-read and --allow-env. */
export async function configTarget(globals: GlobalOptions): Promise<ConfigTarget> {
  const found = await findConfigFile({
    flag: globals.config,
    env: Deno.env.toObject(),
    cwd: currentDir(),
  });
  const chosen = found.ok ? found.value : found.error[0];
  return { path: chosen.path, source: chosen.source, exists: found.ok };
}

/** The config's text, or undefined when it does not exist; other read errors are an Issue. */
export function readConfigText(path: string): Result<string | undefined, Issue> {
  try {
    return ok(Deno.readTextFileSync(path));
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    if (e instanceof Deno.errors.NotFound) return ok(undefined);
    return err({
      severity: "error",
      code: "unreadable",
      problem: `Cannot read the config "${path}": ${(e as Error).message}`,
      hint: "Check the file's owner and mode, or pass --config PATH",
    });
  }
}

/** Writes `text` to `path` atomically (0600), making its directory (0700) first. */
export function writeTextFile(path: string, text: string): Result<void, Issue> {
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  try {
    Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return err({
      severity: "error",
      code: "write-failed",
      problem: `Cannot create the directory "${dir}": ${(e as Error).message}`,
      hint: "Check the owner and mode of its parent, or pass --config PATH",
    });
  }
  const written = writeFileAtomic(path, [text]);
  if (written.ok) return written;
  // The helper's hints speak of --output (its first user); here the way out is --config.
  return err({ ...written.error, hint: `Check ${dir}'s owner and mode, or pass --config PATH` });
}

/** The schema file the starter configs point editors at: config.schema.json beside `config`. */
export function schemaPathBeside(config: string): string {
  return `${config.slice(0, config.lastIndexOf("/"))}/config.schema.json`;
}

/** Writes (or refreshes) config.schema.json beside `config`; rune's version of it wins. */
export function writeSchemaBeside(config: string): Result<string, Issue> {
  const path = schemaPathBeside(config);
  const written = writeTextFile(path, configJsonSchemaText());
  return written.ok ? ok(path) : written;
}
