/**
 * `rune import TOOL FILE`: convert (src/import, pure), then print the fragment, or with
 * --write merge it into the config rune reads, never breaking it: a same-named template is
 * kept without --force, another tool's file is never written into, and a merge that would
 * make the config fail to load is refused.
 */
import { formatIssue, visible, writeOrStop } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import { IMPORTERS, mergeIntoConfig, renameImport, renderImport } from "../../import/mod.ts";
import type { ImportResult, SourceKind } from "../../import/mod.ts";
import { templateFieldCheck, validateConfigText } from "../../config/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { issueCounts } from "../load_config.ts";
import { configTarget, readConfigText, writeSchemaBeside, writeTextFile } from "../config_file.ts";
import { currentDir } from "../cwd.ts";

export interface ImportOptions {
  write: boolean;
  force: boolean;
  name?: string;
}

/** The first lines of a config that --write creates. */
const NEW_CONFIG_HEAD = "# yaml-language-server: $schema=./config.schema.json\n" +
  "# rune's config (`rune config validate` checks it; `rune config edit` opens it).\n" +
  "version: 1\n";

export async function runImport(
  tool: string,
  file: string,
  options: ImportOptions,
  globals: GlobalOptions,
): Promise<number> {
  const kind = tool as SourceKind;
  let text: string;
  try {
    text = await Deno.readTextFile(file);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    console.error(visible(
      `rune: cannot import "${file}": ${(e as Error).message}\n` +
        "  hint: check the path (a tmuxinator project is usually ~/.config/tmuxinator/NAME.yml, " +
        "a tmuxp workspace ~/.tmuxp/NAME.yaml, a smug project ~/.config/smug/NAME.yml)",
      { keepNewlines: true },
    ));
    return EXIT.usage;
  }
  const absolute = file.startsWith("/") ? file : `${currentDir()}/${file}`;
  const converted = IMPORTERS[kind](text, file, {
    home: Deno.env.get("HOME") ?? "/",
    cwd: currentDir(),
    fileDir: absolute.slice(0, absolute.lastIndexOf("/")) || "/",
  });
  if (!converted.ok) return report(converted.error, `cannot import ${file}`);
  let result = converted.value;
  if (options.name !== undefined) {
    const renamed = renameImport(result, options.name);
    if (!renamed.ok) return report([renamed.error], "cannot import");
    result = renamed.value;
  }
  if (!globals.quiet) { for (const w of result.warnings) console.error(formatIssue(w)); }
  if (!options.write) {
    // On a terminal, a control character in a value is shown, not obeyed; a file gets the text.
    const text = renderImport(result);
    writeOrStop(
      Deno.stdout,
      Deno.stdout.isTerminal() ? visible(text, { keepNewlines: true }) : text,
    );
    if (!globals.quiet) {
      console.error(
        `rune: this is a preview; add --write to merge it into your config ` +
          `(then: rune start ${result.name})`,
      );
    }
    return EXIT.ok;
  }
  return await writeImport(result, options, globals);
}

async function writeImport(
  result: ImportResult,
  options: ImportOptions,
  globals: GlobalOptions,
): Promise<number> {
  const target = await configTarget(globals);
  const read = readConfigText(target.path);
  if (!read.ok) return report([read.error], "cannot write the import");
  const existing = read.value ?? NEW_CONFIG_HEAD;
  const checkTemplates = await templateFieldCheck();
  const before = validateConfigText(existing, target.path, { checkTemplates }).issues;
  const foreign = before.find((i) => i.code === "foreign-config");
  if (foreign) {
    return report([{
      ...foreign,
      problem: `Cannot write the import into ${target.path}: it is another tool's project ` +
        "file, not a rune config",
      hint: "Pass --config PATH to write into your rune config (`rune config validate` says " +
        "whose file this is)",
    }], "nothing written");
  }
  const merged = mergeIntoConfig(existing, result, { force: options.force, file: target.path });
  if (!merged.ok) return report(merged.error, "nothing written");
  const after = validateConfigText(merged.value, target.path, { checkTemplates }).issues;
  const known = new Set(before.map(sameIssue));
  const broken = after.filter((i) => i.severity === "error" && !known.has(sameIssue(i)));
  if (broken.length) {
    return report(
      broken,
      `nothing written: ${target.path} would not load with the import ` +
        "(print it without --write, adapt it, and add it by hand)",
    );
  }
  const written = writeTextFile(target.path, merged.value);
  if (!written.ok) return report([written.error], "nothing written");
  if (!target.exists) {
    const schema = writeSchemaBeside(target.path);
    if (!schema.ok) console.error(formatIssue({ ...schema.error, severity: "warning" }));
  }
  if (!globals.quiet) {
    const unsupported = after.filter((i) => i.severity === "warning").length -
      before.filter((i) => i.severity === "warning").length;
    console.error(visible(
      `rune: ${target.exists ? "added" : "created"} ${target.path}: template ` +
        `"${result.name}" and its start${result.stop.length ? " and stop" : ""} steps` +
        (unsupported > 0
          ? ` (${unsupported} key(s) rune does not act on yet: see ` +
            "`rune config validate`)"
          : "") +
        `\n  next: rune start ${result.name} --dry-run`,
      { keepNewlines: true },
    ));
  }
  return EXIT.ok;
}

/** An issue without its place: the same problem, wherever the merge moved it. */
function sameIssue(i: Issue): string {
  return `${i.code}\n${i.problem}`;
}

function report(issues: readonly Issue[], summary: string): number {
  for (const issue of issues) console.error(formatIssue(issue));
  const counts = issues.length > 1 ? ` (${issueCounts(issues)})` : "";
  console.error(visible(`rune: ${summary}${counts}`));
  return EXIT.usage;
}
