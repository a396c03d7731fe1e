/**
 * A tmuxp workspace file (YAML or JSON) → a rune template and its start step, as tmuxp 1.27
 * expands and builds it (src/tmuxp/workspace/loader.py, builder/classic.py). tmuxp has no
 * hooks besides before_script (run once, when the session is built: rune's `before`).
 */
import type { Issue, Result } from "../base/mod.ts";
import { runImport } from "./context.ts";
import type { ImportContext } from "./context.ts";
import { isAnchored, joinDir } from "./dirs.ts";
import { describeValue, isRecord } from "./source.ts";
import type { DataPath } from "./source.ts";
import { fileStem, hasVariable, relativeRootWarning, sessionStep, unknownKeys } from "./steps.ts";
import { projectKey, scalarText, shellWord } from "./text.ts";
import {
  AT_LOAD,
  commandLines,
  environment,
  reportUnsupportedBehaviour,
  startDirectory,
  tmuxOptions,
} from "./tmuxp_values.ts";
import { convertWindows, shellCommands } from "./tmuxp_windows.ts";
import type { ImportFacts, ImportResult, RuneTemplate, TmuxOptions } from "./types.ts";

const SESSION_KEYS = [
  "session_name",
  "start_directory",
  "windows",
  "before_script",
  "shell_command_before",
  "environment",
  "options",
  "global_options",
  "suppress_history",
  "plugins",
  "workspace_builder_options",
];

/** Imports a tmuxp workspace file. Pure. */
export function importTmuxp(
  text: string,
  file: string,
  facts: ImportFacts,
): Result<ImportResult, Issue[]> {
  return runImport(text, file, facts, { kind: "tmuxp" }, convert);
}

function convert(ctx: ImportContext): ImportResult | undefined {
  const top = ctx.source.data;
  if (!isRecord(top)) {
    ctx.error(
      "import-shape",
      [],
      `Cannot import ${ctx.file}: it holds ${describeValue(top)}, not a tmuxp workspace`,
      "A tmuxp workspace is a map with session_name: and windows:",
    );
    return undefined;
  }
  unknownKeys(ctx, top, [], SESSION_KEYS, "session");
  reportUnsupportedBehaviour(ctx, top, []);
  for (const key of ["plugins", "workspace_builder_options"]) {
    if (!top.has(key)) continue;
    ctx.unsupported(
      [key],
      key,
      key === "plugins"
        ? "rune runs no tmuxp plugins; move what they do into the template's hooks"
        : "rune waits for every pane's shell before it types; remove the key",
    );
  }
  const rawName = scalarText(top.get("session_name"));
  const dir = sessionDirectory(ctx, top.get("start_directory"));
  const env = environment(ctx, top.get("environment"), ["environment"], ctx.facts.fileDir);
  const rawWindows = top.get("windows");
  const windows = Array.isArray(rawWindows)
    ? convertWindows(ctx, rawWindows, ["windows"], { dir, env })
    : [];
  if (!windows.length && !ctx.failed) {
    ctx.error(
      "import-no-windows",
      Array.isArray(rawWindows) ? ["windows"] : [],
      `Cannot import ${ctx.file}: it has no windows (tmuxp refuses it too)`,
      "Add windows: with at least one `- window_name: NAME`",
    );
  }
  if (!rawName?.trim()) {
    ctx.error(
      "import-no-name",
      [],
      `Cannot import ${ctx.file}: it has no session_name (tmuxp refuses it too)`,
      "Add session_name: with the session's name",
    );
    return undefined;
  }
  const session = ctx.expanded(rawName, ["session_name"], AT_LOAD);
  const name = (hasVariable(session) ? "" : projectKey(rawName)) || fileStem(ctx.file);
  const preWindow = commandLines(ctx, shellCommands(top.get("shell_command_before")), [
    "shell_command_before",
  ]);
  const before = beforeScript(ctx, top.get("before_script"));
  const options = sessionOptions(ctx, top);
  const template: RuneTemplate = {
    session_name: session,
    ...(dir !== undefined && { dir }),
    ...(before && { before: [before] }),
    ...(preWindow.length && { pre_window: preWindow.length === 1 ? preWindow[0] : preWindow }),
    ...(env && { env }),
    ...(Object.keys(options).length && { options }),
    windows,
  };
  return {
    name,
    kind: "tmuxp",
    file: ctx.file,
    template,
    start: [sessionStep(name)],
    stop: [],
    warnings: [],
  };
}

function sessionDirectory(ctx: ImportContext, raw: unknown): string | undefined {
  const dir = startDirectory(ctx, raw, ["start_directory"], {
    dotBase: ctx.facts.fileDir,
    parent: undefined,
  });
  if (dir !== undefined && !isAnchored(dir)) {
    relativeRootWarning(ctx, ["start_directory"], dir, "the directory tmux starts in");
  }
  return dir;
}

/** before_script: a script (and its words) run once when the session is built; `./` is the file's dir. */
function beforeScript(ctx: ImportContext, raw: unknown): string | undefined {
  const text = scalarText(raw);
  if (text === undefined || text.trim() === "") return undefined;
  const path: DataPath = ["before_script"];
  if (!text.startsWith(".")) return ctx.text(text, path);
  const [script, ...args] = text.split(/\s+/);
  const full = joinDir(ctx.facts.fileDir, script, ctx.facts.home);
  return ctx.text([shellWord(full), ...args].join(" "), path);
}

/** options, then global_options for this session only (never the whole server). */
function sessionOptions(ctx: ImportContext, top: Map<unknown, unknown>): TmuxOptions {
  const own = tmuxOptions(ctx, top.get("options"), ["options"], ctx.facts.fileDir);
  const global = tmuxOptions(ctx, top.get("global_options"), ["global_options"], ctx.facts.fileDir);
  for (const name of Object.keys(global)) {
    ctx.warn(
      "global-option",
      ["global_options", name],
      `Cannot set the global option ${name} for the whole tmux server: it is imported into ` +
        "this session's options",
      "Put it in your tmux.conf if every session should have it",
      "key",
    );
  }
  return { ...global, ...own };
}
