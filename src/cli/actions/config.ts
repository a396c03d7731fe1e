/** `rune config path|show|validate|schema`: the shell around src/config. */
import { stringify } from "yaml";
import {
  configJsonSchemaText,
  findConfigFile,
  readConfigText,
  templateFieldCheck,
  validateConfigText,
} from "../../config/mod.ts";
import type { ConfigCandidate } from "../../config/mod.ts";
import { errorIssue, formatIssue, hasErrors, visible } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { issueCounts, loadConfigOrReport, notFoundMessage } from "../load_config.ts";
import { currentDir } from "../cwd.ts";

interface JsonOption {
  json: boolean;
}

export async function runConfigPath(options: JsonOption, globals: GlobalOptions): Promise<number> {
  const env = Deno.env.toObject();
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
  const found = await findConfigFile({
    flag: globals.config,
    env: Deno.env.toObject(),
    cwd: currentDir(),
  });
  if (!found.ok && !options.json) {
    console.error(notFoundMessage(found.error));
    return EXIT.usage;
  }
  const file = found.ok ? found.value.path : found.error[0].path;
  const issues = found.ok
    ? await validateFile(file, globals.strict)
    : [errorIssue("no-config", `Cannot validate the config: "${file}" does not exist`, {
      hint: "Run `rune init` to write a starter config there",
    })];
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

/** Every issue of the config file, as `config validate` lists them (an unreadable file too). */
export async function validateFile(file: string, strict: boolean): Promise<Issue[]> {
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

export function runConfigSchema(): number {
  // The text ends in its newline; console.log adds it back, so stdout equals the committed file.
  console.log(configJsonSchemaText().slice(0, -1));
  return EXIT.ok;
}
