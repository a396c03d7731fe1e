/**
 * Which editor `rune config edit` opens, and the argv that opens it. The editor is a command
 * line of the user's (`code --wait`, `emacsclient -t`), so it runs through `sh -c` as git runs
 * it: the only program Deno starts is `sh`, which rune's run permission already lists, so no
 * editor needs to be named in deno.json. Pure.
 */

export interface EditorChoice {
  /** The command line, as the variable holds it. */
  command: string;
  /** Where it came from: "VISUAL", "EDITOR", or "default". */
  source: "VISUAL" | "EDITOR" | "default";
}

/** $VISUAL, else $EDITOR (either ignored when empty), else vi. */
export function chooseEditor(env: Readonly<Record<string, string | undefined>>): EditorChoice {
  for (const source of ["VISUAL", "EDITOR"] as const) {
    const command = env[source]?.trim();
    if (command) return { command, source };
  }
  return { command: "vi", source: "default" };
}

/** `sh -c 'EDITOR "$@"' EDITOR FILE`: the file is an argument, never shell text. */
export function editorArgv(editor: EditorChoice, file: string): string[] {
  return ["sh", "-c", `${editor.command} "$@"`, editor.command, file];
}
