/**
 * The config a project's commands run with: the user's config, and over it the project's own
 * `.rune.yaml` when — and only when — the trust store holds that file's path with the hash of
 * its exact content. `loadProjectConfig` is the one function the shell hook, `start`, `stop`,
 * `ritual list` and `ritual run` load through (the place a validated-config cache keyed by the
 * config and every file merged into it plugs in). An untrusted file is never parsed, let alone
 * run; the caller reports it once per content.
 */
import type { LoadedConfig, LoadFailure, MergedLocal } from "../config/mod.ts";
import { findLocalFile } from "../project/mod.ts";
import type { LocalFile } from "../project/mod.ts";
import { firstNotice, readTrustStore, trustState } from "../state/mod.ts";
import {
  err,
  formatIssue,
  importLazy,
  type Issue,
  LOCAL_CONFIG_NAME,
  ok,
  type Result,
  runePaths,
  sha256Hex,
  visible,
} from "../base/mod.ts";
import type { GlobalOptions } from "./spec.ts";
import { loadConfigCached, reportLoadFailure, withEngine } from "./load_config.ts";
import { currentDir } from "./cwd.ts";

export type ProjectConfig = LoadedConfig & { local?: MergedLocal };

/** Where the project's own file stands, when there is one. */
export type LocalState =
  | { kind: "trusted"; file: string; key: string; project: string }
  | {
    kind: "untrusted";
    file: string;
    key: string;
    /** new, changed since trusted, a symbolic link, or unreadable / the store damaged. */
    why: "new" | "changed" | "symlink" | "unreadable";
    /** What identifies this version for the once-only notice. */
    version: string;
    issue?: Issue;
  };

export interface ProjectConfigLoad {
  config: Result<ProjectConfig, LoadFailure>;
  local?: LocalState;
}

export interface ProjectConfigOptions {
  /** --config */
  flag?: string;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  strict?: boolean;
  /** Check template variables (loads the template engine); default true. */
  templates?: boolean;
}

/** src/config, loaded only once a project's own file is there to read. */
const configModule = () => importLazy<typeof import("../config/mod.ts")>("src/config/mod");

/**
 * The user's config with the trusted local file of `cwd` merged in. Needs --allow-read. The
 * user's config comes through the validated-config cache; a local file is read and checked
 * afresh each time (its trust is a hash of its text).
 */
export async function loadProjectConfig(o: ProjectConfigOptions): Promise<ProjectConfigLoad> {
  const user = await loadConfigCached(o);
  const found = await findLocalFile(o.cwd, o.env, LOCAL_CONFIG_NAME);
  if (!found || (user.ok && await sameFile(user.value.file, found.path))) return { config: user };
  if (!user.ok && user.error.kind !== "not-found") return { config: user };
  const checked = await checkLocal(found, o.env);
  const { mergeLocalConfig, parseLocalConfig, TEMPLATE_PLACES, templateFieldCheck, templatesAt } =
    await configModule();
  if (checked.kind === "untrusted") return { config: user, local: checked };
  const local = checked as Extract<LocalState, { kind: "trusted" }>;
  const userConfig = user.ok ? user.value : undefined;
  const userTemplates = new Set<string>();
  for (const place of TEMPLATE_PLACES) {
    for (const t of Object.keys(templatesAt(userConfig?.config ?? {}, place))) userTemplates.add(t);
  }
  const parsed = parseLocalConfig(checked.text, found.path, {
    dir: found.dir,
    userTemplates,
    checkTemplates: o.templates === false ? undefined : await templateFieldCheck(),
    strict: o.strict,
    maxBytes: checked.maxBytes,
  });
  const trusted: LocalState = { ...local, project: parsed.ok ? parsed.value.project : "" };
  if (!parsed.ok) {
    return {
      config: err({ kind: "invalid", file: found.path, issues: parsed.error }),
      local: trusted,
    };
  }
  return {
    config: await withEngine(ok(mergeLocalConfig(userConfig, parsed.value))),
    local: trusted,
  };
}

/** The text of `found` when the trust store trusts it as it is now; else why not. */
async function checkLocal(
  found: LocalFile,
  env: Readonly<Record<string, string | undefined>>,
): Promise<
  | Extract<LocalState, { kind: "untrusted" }>
  | { kind: "trusted"; file: string; key: string; project: string; text: string; maxBytes: number }
> {
  const base = { file: found.path, key: found.key };
  if (found.symlink) return { kind: "untrusted", ...base, why: "symlink", version: "symlink" };
  const { readConfigText } = await configModule();
  const read = await readConfigText(found.path, env);
  if (!read.ok) {
    const issue = read.error.kind === "invalid" ? read.error.issues[0] : undefined;
    return { kind: "untrusted", ...base, why: "unreadable", version: "unreadable", issue };
  }
  const { text, maxBytes } = read.value;
  const sha = await sha256Hex(text);
  const store = readTrustStore(runePaths(env).dataDir);
  if (!store.ok) {
    return { kind: "untrusted", ...base, why: "unreadable", version: sha, issue: store.error };
  }
  const { state } = trustState(store.value, found.key, sha);
  if (state !== "trusted") return { kind: "untrusted", ...base, why: state, version: sha };
  return { kind: "trusted", ...base, project: "", text, maxBytes };
}

/** The one line saying why a project's file is not used, or undefined once it was said. */
export function untrustedNotice(
  local: LocalState | undefined,
  env: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (local?.kind !== "untrusted") return undefined;
  if (!firstNotice(runePaths(env).stateDir, local.key, local.version)) return undefined;
  const head = `rune: not using ${local.file}:`;
  switch (local.why) {
    case "new":
      return `${head} it is not trusted; review it and allow it with \`rune trust\``;
    case "changed":
      return `${head} it changed since you trusted it; review the change with \`rune trust\``;
    case "symlink":
      return `${head} it is a symbolic link, and rune trusts only a regular file there`;
    case "unreadable":
      return `${head} ${local.issue?.problem ?? "it cannot be read"}`;
  }
}

async function sameFile(a: string, b: string): Promise<boolean> {
  if (a === b) return true;
  try {
    const [x, y] = await Promise.all([Deno.stat(a), Deno.stat(b)]);
    return x.ino !== null && x.ino === y.ino && x.dev === y.dev;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}

/**
 * For the commands: the project's config, its warnings printed and any failure reported (the
 * exit code as the error); an untrusted local file is said once per content.
 */
export async function loadProjectConfigOrReport(
  globals: GlobalOptions,
  options: { templates?: boolean } = {},
): Promise<Result<ProjectConfig, number>> {
  const env = Deno.env.toObject();
  const loaded = await loadProjectConfig({
    flag: globals.config,
    env,
    cwd: currentDir(),
    strict: globals.strict,
    templates: options.templates,
  });
  const notice = untrustedNotice(loaded.local, env);
  if (notice && !globals.quiet) console.error(visible(notice));
  if (!loaded.config.ok) return err(reportLoadFailure(loaded.config.error, globals));
  if (!globals.quiet) {
    for (const w of loaded.config.value.warnings) console.error(formatIssue(w));
  }
  return ok(loaded.config.value);
}

/**
 * The project a command without a project argument runs for inside a trusted local file's
 * tree: that file's project. Else the argument as given (undefined: detect it).
 */
export function projectArgument(
  config: ProjectConfig,
  argument: string | undefined,
): { argument?: string; fromLocal: boolean } {
  if (argument !== undefined || !config.local) return { argument, fromLocal: false };
  return { argument: config.local.project, fromLocal: true };
}

/** How a project found through its local file is shown (`--dry-run`, `ls`). */
export function localDetectedBy(local: MergedLocal): string {
  return `the trusted ${LOCAL_CONFIG_NAME} in ${local.dir}`;
}
