/**
 * Finds and reads the config, then validates it (validate.ts): every problem is collected and
 * located (file:line:col) before returning. A file over the size limit is refused before it
 * is read (limits.ts). The only file access of src/config.
 */
import type { Config } from "./schema.ts";
import { configCandidates } from "./locate.ts";
import type { ConfigCandidate } from "./locate.ts";
import { validateConfigText } from "./validate.ts";
import type { TemplateFieldCheck } from "./validate.ts";
import { err, hasErrors, importLazy, ok } from "../base/mod.ts";
import type { Issue, Location, Result } from "../base/mod.ts";
import type { ConfigPath } from "./positions.ts";
import { maxConfigBytes, tooLargeIssue } from "./limits.ts";
import { loadTemplateEngine } from "../templates/mod.ts";

export interface LoadedConfig {
  file: string;
  config: Config;
  /** Problems that still allow running (unknown keys, …). */
  warnings: Issue[];
  /** Where a value sits in the file (the key's value, or the nearest parent that exists). */
  locate(path: ConfigPath): Location | undefined;
  /** Where a key sits in the file (for maps; else as `locate`). */
  locateKey(path: ConfigPath): Location | undefined;
  /** Why this file: "--config", "RUNE_CONFIG", "XDG_CONFIG_HOME", "~/.rune" (or "text"). */
  source: string;
  /**
   * Every file this config was made from, with the exact text parsed (the validated-config
   * cache fingerprints each one). Absent when the config came from that cache.
   */
  texts?: { path: string; text: string }[];
}

export type LoadFailure =
  | { kind: "not-found"; tried: ConfigCandidate[] }
  | { kind: "unreadable"; file: string; message: string }
  | { kind: "invalid"; file: string; issues: Issue[] };

/** Why a config file that exists could not be read. */
export type ReadFailure = Exclude<LoadFailure, { kind: "not-found" }>;

export interface LoadOptions {
  /** --config value */
  flag?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  strict?: boolean;
  /**
   * Check template variables too (default true). `rune ritual list` passes false: the check
   * loads the template engine, and a listing shows the text as written anyway.
   */
  templates?: boolean;
}

/** checkTemplateFields, imported on first use: it brings the template engine with it. */
export async function templateFieldCheck(): Promise<TemplateFieldCheck> {
  const { checkTemplateFields } = await importLazy<typeof import("./check_variables.ts")>(
    "src/config/check_variables",
  );
  await loadTemplateEngine();
  return checkTemplateFields;
}

/** The config file rune would read, or every place it looked. Needs --allow-read on them. */
export async function findConfigFile(
  options: Omit<LoadOptions, "strict" | "templates">,
): Promise<Result<ConfigCandidate, ConfigCandidate[]>> {
  const tried = configCandidates(options.flag, options.env, options.cwd);
  for (const candidate of tried) {
    try {
      await Deno.stat(candidate.path);
      return ok(candidate);
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
      if (candidate.explicit) break;
    }
  }
  return err(tried);
}

/** Finds, reads and validates the config. Needs --allow-read on the candidate paths. */
export async function loadConfig(options: LoadOptions): Promise<Result<LoadedConfig, LoadFailure>> {
  const found = await findConfigFile(options);
  if (!found.ok) return err({ kind: "not-found", tried: found.error });
  const { path, source } = found.value;
  const read = await readConfigText(path, options.env);
  if (!read.ok) return read;
  const { text, maxBytes } = read.value;
  const checkTemplates = options.templates === false ? undefined : await templateFieldCheck();
  const parsed = parseConfig(text, path, {
    strict: options.strict,
    source,
    checkTemplates,
    maxBytes,
  });
  return parsed.ok ? parsed : err({ kind: "invalid", file: path, issues: parsed.error });
}

/**
 * The text of the config at `path`, refused before it is read when it is larger than the limit
 * (CONFIG_LIMITS.maxBytes, or RUNE_CONFIG_MAX_BYTES from `env`). Needs --allow-read on it.
 */
export async function readConfigText(
  path: string,
  env: Readonly<Record<string, string | undefined>>,
): Promise<Result<{ text: string; maxBytes: number }, ReadFailure>> {
  const limit = maxConfigBytes(env);
  if (!limit.ok) return err({ kind: "invalid", file: path, issues: [limit.issue] });
  try {
    const { size } = await Deno.stat(path);
    if (size > limit.bytes) {
      return err({ kind: "invalid", file: path, issues: [tooLargeIssue(path, size, limit.bytes)] });
    }
    return ok({ text: await Deno.readTextFile(path), maxBytes: limit.bytes });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return err({ kind: "unreadable", file: path, message: (e as Error).message });
  }
}

/**
 * Pure: config text → validated config, or every issue found (errors and warnings). Template
 * variables are checked only when `checkTemplates` is given (see `templateFieldCheck`).
 */
export function parseConfig(
  text: string,
  file: string,
  options: {
    strict?: boolean;
    source?: string;
    checkTemplates?: TemplateFieldCheck;
    maxBytes?: number;
  } = {},
): Result<LoadedConfig, Issue[]> {
  const checked = validateConfigText(text, file, {
    strict: options.strict,
    checkTemplates: options.checkTemplates,
    maxBytes: options.maxBytes,
  });
  if (!checked.config || hasErrors(checked.issues)) return err(checked.issues);
  return ok({
    file,
    config: checked.config,
    warnings: checked.issues,
    locate: checked.where.value,
    locateKey: checked.where.key,
    source: options.source ?? "text",
    texts: [{ path: file, text }],
  });
}
