/**
 * `rune init`: a starter config where rune reads it (or `.rune.yaml` here with --project),
 * never over an existing file without --force, which keeps the old one as FILE.bak.
 */
import { formatIssue, suggest, visible } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { configTarget, readConfigText, writeSchemaBeside, writeTextFile } from "../config_file.ts";
import { dirRule, findStarter, guessStarter, personalize, PROJECT_STARTER } from "../starters.ts";
import type { Personal, Starter } from "../starters.ts";
import { STARTER_NAMES } from "../starter_names.ts";
import { askGuided } from "../guided.ts";
import { terminalPrompter } from "../prompt.ts";
import { currentDir } from "../cwd.ts";

export interface InitOptions {
  /** --template NAME; undefined: basic (or the guided answer). */
  template?: string;
  guided: boolean;
  project: boolean;
  force: boolean;
}

export async function runInit(options: InitOptions, globals: GlobalOptions): Promise<number> {
  if (options.project && options.template !== undefined) {
    return fail({
      problem: "Cannot use --template with --project: a project's .rune.yaml has its own starter",
      hint: "Run `rune init --project` alone, or `rune init --template NAME` for your config",
    });
  }
  if (options.template !== undefined && !findStarter(options.template)) {
    const meant = suggest(options.template, STARTER_NAMES);
    return fail({
      problem: `Cannot use the starter "${options.template}": there is no such starter`,
      hint: `${meant ? `Did you mean ${meant}? ` : ""}Starters: ${STARTER_NAMES.join(", ")}`,
    });
  }
  const cwd = currentDir();
  const home = Deno.env.get("HOME");
  const target = options.project
    ? { path: `${cwd}/.rune.yaml`, exists: exists(`${cwd}/.rune.yaml`) }
    : await configTarget(globals);
  if (target.exists && !options.force) {
    return fail({
      problem: `Cannot write ${target.path}: it exists`,
      hint: options.project
        ? "Edit it, or pass --force to replace it (the old one is kept as .rune.yaml.bak)"
        : "Open it with `rune config edit`, or pass --force to replace it (the old one is " +
          "kept as FILE.bak)",
    });
  }

  const here = basename(cwd).toLowerCase().replace(/[^a-z0-9_-]+/g, "-").replace(/^-+|-+$/g, "");
  let starter: Starter = options.project
    ? PROJECT_STARTER
    : findStarter(options.template ?? "basic")!;
  let personal: Personal = options.project && here ? { project: here } : {};
  if (options.guided) {
    if (!Deno.stdin.isTerminal()) {
      return fail({
        problem: "Cannot ask the questions of --guided: stdin is not a terminal",
        hint: "Run it in a terminal, or run `rune init` without --guided (add --template NAME) " +
          "and then `rune config edit`",
      });
    }
    const answers = await askGuided(terminalPrompter(), {
      project: here || "myproject",
      detect: options.project ? ".rune.yaml" : dirRule(cwd, home),
      starter: options.project ? undefined : options.template ?? guessStarter(filesHere(cwd)),
    }, home);
    if (!answers) {
      console.error("rune: init cancelled; nothing written");
      return EXIT.interrupted;
    }
    personal = { project: answers.project, detect: answers.detect };
    if (answers.starter) starter = findStarter(answers.starter)!;
  }

  if (target.exists) {
    const old = readConfigText(target.path);
    if (!old.ok) return fail(old.error);
    const backup = writeTextFile(`${target.path}.bak`, old.value ?? "");
    if (!backup.ok) return fail(backup.error);
  }
  const written = writeTextFile(target.path, personalize(starter.text, personal));
  if (!written.ok) return fail(written.error);
  if (!options.project) {
    const schema = writeSchemaBeside(target.path);
    if (!schema.ok) console.error(formatIssue({ ...schema.error, severity: "warning" }));
  }
  if (!globals.quiet) {
    const text = summary(target.path, starter, options, globals.config !== undefined);
    console.error(visible(text, { keepNewlines: true }));
  }
  return EXIT.ok;
}

function summary(path: string, starter: Starter, options: InitOptions, given: boolean): string {
  const lines = [`rune: wrote ${path} (the ${starter.name} starter)`];
  if (options.project) {
    lines.push(
      "  rune reads a .rune.yaml only once you trust it; until then try it with:",
      "    rune --config .rune.yaml config validate",
      "    rune --config .rune.yaml start --dry-run",
    );
    return lines.join("\n");
  }
  const via = given ? ` --config ${path}` : "";
  if (!options.guided) {
    lines.push(
      "  next: set your project's name and detect rule (projects:):",
      "    rune config edit",
    );
  } else lines.push("  next:");
  lines.push(
    `    rune${via} config validate`,
    `    rune${via} start --dry-run     (in the project's directory)`,
  );
  return lines.join("\n");
}

function fail(issue: Omit<Issue, "severity" | "code"> & Partial<Issue>): number {
  console.error(formatIssue({ severity: "error", code: "init", ...issue }));
  return EXIT.usage;
}

function exists(path: string): boolean {
  try {
    Deno.lstatSync(path);
    return true;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}

function basename(path: string): string {
  return path.replace(/\/+$/, "").split("/").pop() ?? "";
}

/** The names in `dir` that `guessStarter` looks at. */
function filesHere(dir: string): Set<string> {
  const names = ["package.json", "pyproject.toml", "setup.py", "requirements.txt"];
  return new Set(names.filter((n) => exists(`${dir}/${n}`)));
}
