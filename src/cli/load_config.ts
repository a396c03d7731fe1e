/**
 * Loads the config for a command and prints every problem; the caller gets an exit code.
 * Through the validated-config cache (src/state): an unchanged config costs a stat and a small
 * JSON read, and src/config (YAML, the schema, the template engine) is loaded only on a miss.
 */
import {
  configCandidates,
  err,
  formatIssue,
  importLazy,
  noConfigHint,
  ok,
  runePaths,
  VERSION,
  visible,
} from "../base/mod.ts";
import type { ConfigCandidate, Issue, Result } from "../base/mod.ts";
import type { LoadedConfig, LoadFailure, LoadOptions } from "../config/mod.ts";
import { findCachedConfig, saveCachedConfig } from "../state/mod.ts";
import { loadTemplateEngine, needsTemplateEngine } from "../templates/mod.ts";
import type { ConfigCacheQuery } from "../state/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import type { GlobalOptions } from "./spec.ts";
import { EXIT } from "./exit_codes.ts";
import { currentDir } from "./cwd.ts";

/**
 * loadConfig (src/config), answered from the cache when every file the config came from is
 * unchanged; a fresh load that succeeds refreshes the cache. The same Result either way, with
 * the same located warnings. Needs what loadConfig needs; the cache only what is granted.
 */
export async function loadConfigCached(
  options: LoadOptions,
): Promise<Result<LoadedConfig, LoadFailure>> {
  const templates = options.templates !== false;
  const query = cacheQuery(options);
  if (query) {
    const hit = await findCachedConfig(query);
    if (
      hit && (hit.templatesChecked || !templates) &&
      (!options.strict || hit.loaded.warnings.length === 0)
    ) return await withEngine(ok(hit.loaded));
  }
  const checkedAt = Date.now();
  const { loadConfig } = await importLazy<typeof import("../config/mod.ts")>("src/config/mod");
  const loaded = await loadConfig(options);
  if (loaded.ok && query) {
    await saveCachedConfig(query, loaded.value, { checkedAt, templatesChecked: templates });
  }
  return await withEngine(loaded);
}

/** The config, with the template engine loaded when a template in it needs one (src/templates). */
export async function withEngine<T extends Result<LoadedConfig, unknown>>(loaded: T): Promise<T> {
  if (loaded.ok && needsTemplateEngine(loaded.value.config)) await loadTemplateEngine();
  return loaded;
}

function cacheQuery(options: LoadOptions): ConfigCacheQuery | undefined {
  const build = runeBuild();
  if (build === undefined) return undefined;
  return {
    cacheDir: runePaths(options.env).cacheDir,
    build,
    candidates: configCandidates(options.flag, options.env, options.cwd),
    limit: options.env.RUNE_CONFIG_MAX_BYTES ?? "",
  };
}

let build: string | null | undefined = null;

/**
 * Which rune this is, for the cache: its version and the size and mtime of the bundle (or the
 * compiled binary) it runs from, so a rebuilt rune never reads an entry an older one wrote.
 * Undefined from source (`deno run main.ts`), where no one file tells builds apart: no cache.
 */
export function runeBuild(): string | undefined {
  if (build !== null) return build;
  const main = Deno.mainModule;
  let file: string | undefined;
  if (main.startsWith("file:") && main.endsWith(".js")) {
    file = decodeURIComponent(new URL(main).pathname);
  } else if (main.endsWith(".ts") && !/\/deno$/.test(execPath() ?? "/deno")) file = execPath();
  build = undefined;
  if (file && Deno.permissions.querySync({ name: "read", path: file }).state === "granted") {
    try {
      const s = Deno.statSync(file);
      build = `${VERSION} ${file} ${s.size} ${s.mtime?.getTime()}`;
    } catch { /* no build to name: no cache */ }
  }
  return build;
}

function execPath(): string | undefined {
  if (Deno.permissions.querySync({ name: "read" }).state !== "granted") return undefined;
  return Deno.execPath();
}

export async function loadConfigOrReport(
  globals: GlobalOptions,
  options: { templates?: boolean } = {},
): Promise<Result<LoadedConfig, number>> {
  const loaded = await loadConfigCached({
    flag: globals.config,
    env: Deno.env.toObject(),
    cwd: currentDir(),
    strict: globals.strict,
    templates: options.templates,
  });
  if (loaded.ok) {
    if (!globals.quiet) { for (const w of loaded.value.warnings) console.error(formatIssue(w)); }
    return ok(loaded.value);
  }
  return err(reportLoadFailure(loaded.error, globals));
}

/** Prints why the config could not be loaded; returns the exit code. */
export function reportLoadFailure(failure: LoadFailure, globals: GlobalOptions): number {
  switch (failure.kind) {
    case "not-found":
      console.error(notFoundMessage(failure.tried));
      return EXIT.usage;
    case "unreadable":
      console.error(visible(`rune: cannot read the config "${failure.file}": ${failure.message}`));
      return EXIT.usage;
    case "invalid": {
      for (const issue of failure.issues) {
        if (!globals.quiet || issue.severity === "error") console.error(formatIssue(issue));
      }
      console.error(visible(`rune: ${failure.file}: ${issueCounts(failure.issues)}; nothing ran`));
      return EXIT.usage;
    }
  }
}

/** What to say when there is no config: the path given, or every place tried and the fix. */
export function notFoundMessage(tried: readonly ConfigCandidate[]): string {
  const first = tried[0];
  const path = (c: ConfigCandidate) => visible(c.path);
  if (first.explicit) {
    const init = first.source === "--config"
      ? `rune --config ${visible(shellQuote(first.path))} init`
      : "rune init";
    return `rune: cannot read the config: "${path(first)}" does not exist\n` +
      `  hint: check the path given with ${first.source}, or write a starter config there ` +
      `with \`${init}\``;
  }
  const places = tried.map((c) => `  ${path(c)}  (${c.source})`).join("\n");
  return `rune: cannot find a config: none of these exist:\n${places}\n` +
    `  hint: ${noConfigHint(path(first))}`;
}

/** "2 errors, 1 warning" */
export function issueCounts(issues: readonly Issue[]): string {
  const errors = issues.filter((i) => i.severity === "error").length;
  const warnings = issues.length - errors;
  const n = (count: number, word: string) => `${count} ${word}${count === 1 ? "" : "s"}`;
  return `${n(errors, "error")}, ${n(warnings, "warning")}`;
}
