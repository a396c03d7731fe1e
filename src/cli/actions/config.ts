/**
 * `rune config path|show|validate|schema`: the shell around src/config. `config validate` on an
 * unchanged config answers from the validated-config cache; src/config (YAML, the schema) is
 * loaded only when it is needed.
 */
import type { ConfigCandidate, LoadedConfig, LoadFailure } from "../../config/mod.ts";
import { errorIssue, formatIssue, hasErrors, importLazy, visible } from "../../base/mod.ts";
import type { Issue, Result } from "../../base/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import {
  issueCounts,
  loadConfigCached,
  loadConfigOrReport,
  notFoundMessage,
} from "../load_config.ts";
import { currentDir } from "../cwd.ts";

const configModule = () => importLazy<typeof import("../../config/mod.ts")>("src/config/mod");

interface JsonOption {
  json: boolean;
}

export async function runConfigPath(options: JsonOption, globals: GlobalOptions): Promise<number> {
  const env = Deno.env.toObject();
  const { findConfigFile } = await configModule();
  const found = await findConfigFile({ flag: globals.config, env, cwd: currentDir() });
  const chosen = found.ok ? found.value : found.error[0];
  if (options.json) {
    const tried = found.ok ? [] : found.error;
    console.log(JSON.stringify(
      {
        path: chosen.path,
        source: chosen.source,
        exists: found.ok,
        ...(found.ok ? {} : { tried: tried.map((c) => ({ path: c.path, source: c.source })) }),
      },
      null,
      2,
    ));
  } else {
    console.log(visible(chosen.path));
    if (found.ok && !globals.quiet) {
      console.error(visible(`rune: using it because ${why(chosen, env)}`));
    }
    if (!found.ok) console.error(notFoundMessage(found.error));
  }
  return found.ok ? EXIT.ok : EXIT.usage;
}

/** Why `candidate` is the config, in words. */
export function why(candidate: ConfigCandidate, env: Record<string, string | undefined>): string {
  switch (candidate.source) {
    case "--config":
      return "it was given with --config";
    case "RUNE_CONFIG":
      return "RUNE_CONFIG names it";
    case "XDG_CONFIG_HOME":
      return env.XDG_CONFIG_HOME?.startsWith("/")
        ? "it is $XDG_CONFIG_HOME/rune/config.yaml"
        : "it is ~/.config/rune/config.yaml (XDG_CONFIG_HOME is not set)";
    case "~/.rune":
      return "it is Rune's own ~/.rune/config.yaml, and there is no rune/config.yaml under " +
        "the XDG config directory";
    default:
      return `of ${candidate.source}`;
  }
}

export async function runConfigShow(options: JsonOption, globals: GlobalOptions): Promise<number> {
  const loaded = await loadConfigOrReport(globals);
  if (!loaded.ok) return loaded.error;
  const { config, file } = loaded.value;
  if (options.json) {
    console.log(JSON.stringify(config, null, 2));
  } else {
    const header = `# ${
      visible(file)
    }, as rune reads it (merges resolved, keys rune does not use left out)`;
    const { stringify } = await import("yaml");
    // YAML escapes ESC and CR itself, but not bidi controls.
    const yaml = visible(stringify(config, { lineWidth: 0 }), { keepNewlines: true });
    console.log(`${header}\n${yaml}`.trimEnd());
  }
  return EXIT.ok;
}

export async function runConfigValidate(
  options: JsonOption,
  globals: GlobalOptions,
): Promise<number> {
  const loaded = await loadConfigCached({
    flag: globals.config,
    env: Deno.env.toObject(),
    cwd: currentDir(),
    strict: globals.strict,
  });
  if (!loaded.ok && loaded.error.kind === "not-found" && !options.json) {
    console.error(notFoundMessage(loaded.error.tried));
    return EXIT.usage;
  }
  const { file, issues } = validation(loaded);
  if (options.json) {
    console.log(JSON.stringify(issues, null, 2));
  } else {
    for (const issue of issues) {
      if (!globals.quiet || issue.severity === "error") console.error(formatIssue(issue));
    }
    console.error(visible(`${file}: ${issueCounts(issues)}${globals.strict ? " (--strict)" : ""}`));
  }
  return hasErrors(issues) ? EXIT.usage : EXIT.ok;
}

/** The file `config validate` names and every issue it lists, from one load. */
function validation(loaded: Result<LoadedConfig, LoadFailure>): { file: string; issues: Issue[] } {
  if (loaded.ok) return { file: loaded.value.file, issues: loaded.value.warnings };
  const failure = loaded.error;
  switch (failure.kind) {
    case "invalid":
      return { file: failure.file, issues: failure.issues };
    case "unreadable":
      return {
        file: failure.file,
        issues: [
          errorIssue("unreadable", `Cannot read the config "${failure.file}": ${failure.message}`),
        ],
      };
    case "not-found": {
      const file = failure.tried[0].path;
      return {
        file,
        issues: [errorIssue("no-config", `Cannot validate the config: "${file}" does not exist`, {
          hint: "Run `rune init` to write a starter config there",
        })],
      };
    }
  }
}

/** Every issue of the config file, as `config validate` lists them (an unreadable file too). */
export async function validateFile(file: string, strict: boolean): Promise<Issue[]> {
  const { readConfigText, templateFieldCheck, validateConfigText } = await configModule();
  const read = await readConfigText(file, Deno.env.toObject());
  if (!read.ok) {
    const failure = read.error;
    return failure.kind === "invalid"
      ? failure.issues
      : [errorIssue("unreadable", `Cannot read the config "${file}": ${failure.message}`)];
  }
  const { text, maxBytes } = read.value;
  const checkTemplates = await templateFieldCheck();
  return validateConfigText(text, file, { strict, checkTemplates, maxBytes }).issues;
}

export async function runConfigSchema(): Promise<number> {
  const { configJsonSchemaText } = await configModule();
  // The text ends in its newline; console.log adds it back, so stdout equals the committed file.
  console.log(configJsonSchemaText().slice(0, -1));
  return EXIT.ok;
}
