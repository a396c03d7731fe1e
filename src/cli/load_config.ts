/** Loads the config for a command and prints every problem; the caller gets an exit code. */
import { loadConfig, noConfigHint } from "../config/mod.ts";
import type { ConfigCandidate, LoadedConfig, LoadFailure } from "../config/mod.ts";
import { err, formatIssue, ok, visible } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import type { GlobalOptions } from "./spec.ts";
import { EXIT } from "./exit_codes.ts";
import { currentDir } from "./cwd.ts";

export async function loadConfigOrReport(
  globals: GlobalOptions,
  options: { templates?: boolean } = {},
): Promise<Result<LoadedConfig, number>> {
  const loaded = await loadConfig({
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
