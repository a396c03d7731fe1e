/**
 * The ritual commands every import makes (the interactive session step, a hook as a command)
 * and the small judgements the three converters share. Pure.
 */
import type { ImportContext } from "./context.ts";
import type { DataPath } from "./source.ts";
import { projectKey, scalarText } from "./text.ts";
import type { RuneCommand } from "./types.ts";

/** The start step that opens the imported template (attach, or switch inside tmux). */
export function sessionStep(name: string): RuneCommand {
  return { name: "tmux session", interactive: true, tmux_template: name };
}

/**
 * A hook (a string, or a list the source tool joins with "; ") as one optional command: the
 * source tools go on when a hook fails. It runs where the session's root is, as they run it.
 */
export function hookCommand(
  ctx: ImportContext,
  value: unknown,
  path: DataPath,
  dir: string | undefined,
): RuneCommand[] {
  const items = (Array.isArray(value) ? value : [value]).flatMap((v) => {
    const t = scalarText(v);
    return t === undefined || t.trim() === "" ? [] : [t];
  });
  if (!items.length) return [];
  return [{
    name: String(path[path.length - 1]),
    command: ctx.text(items.join("; "), path),
    optional: true,
    ...(dir !== undefined && { working_dir: dir }),
  }];
}

/** Says how a relative session root is read: against rune's project directory. */
export function relativeRootWarning(
  ctx: ImportContext,
  path: DataPath,
  dir: string,
  toolBase: string,
): void {
  ctx.warn(
    "relative-root",
    path,
    `Cannot pin the relative root ${JSON.stringify(dir)}: ${ctx.kind} resolves it against ` +
      `${toolBase}; rune resolves it against the project directory when it starts`,
    "Write an absolute path or ~/… if the session must not depend on where it is started",
  );
}

/** The file's name without directory and extension, as a project name ("project" if none). */
export function fileStem(file: string): string {
  const base = file.split("/").pop() ?? "";
  return projectKey(base.replace(/^\./, "").replace(/\.(ya?ml|json)$/i, "")) || "project";
}

/** True when `text` holds a rune variable (not an escaped `\{{`). */
export function hasVariable(text: string): boolean {
  return /(^|[^\\])\{\{/.test(text);
}

/** Warns about each key of `map` that the source tool does not read either. */
export function unknownKeys(
  ctx: ImportContext,
  map: Map<unknown, unknown>,
  path: DataPath,
  known: string[],
  what: string,
) {
  for (const key of map.keys()) {
    if (typeof key === "string" && known.includes(key)) continue;
    ctx.warn(
      "unknown-key",
      [...path, key],
      `Cannot import the ${what} key ${
        JSON.stringify(String(key))
      }: ${ctx.kind} does not read it ` +
        "either, so it is left out",
      `${what[0].toUpperCase()}${what.slice(1)} keys ${ctx.kind} reads: ${known.join(", ")}`,
      "key",
    );
  }
}
