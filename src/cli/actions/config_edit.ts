/**
 * `rune config edit`: the editor on the config, then the same check as `config validate`. In a
 * terminal, a config with errors is offered back to the editor until it loads or the user says
 * no; without one the problems are reported and the exit code says so.
 */
import { formatIssue, hasErrors, visible } from "../../base/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { configTarget } from "../config_file.ts";
import { issueCounts } from "../load_config.ts";
import { chooseEditor, editorArgv } from "../editor.ts";
import { terminalPrompter } from "../prompt.ts";
import { validateFile } from "./config.ts";

export async function runConfigEdit(globals: GlobalOptions): Promise<number> {
  const target = await configTarget(globals);
  if (!target.exists) {
    console.error(visible(
      `rune: cannot edit the config: "${target.path}" does not exist\n` +
        "  hint: run `rune init` to write a starter config there, then `rune config edit`",
      { keepNewlines: true },
    ));
    return EXIT.usage;
  }
  const editor = chooseEditor(Deno.env.toObject());
  const prompter = Deno.stdin.isTerminal() ? terminalPrompter() : undefined;
  for (;;) {
    const code = await openEditor(editorArgv(editor, target.path));
    if (code === 127) {
      console.error(visible(
        `rune: cannot open the editor "${editor.command}" (from ${editor.source}): it is not ` +
          "installed or not on PATH\n  hint: set VISUAL or EDITOR to your editor, e.g. " +
          "EDITOR=nano rune config edit",
        { keepNewlines: true },
      ));
      return EXIT.missing;
    }
    if (code !== 0) {
      console.error(visible(`rune: the editor "${editor.command}" exited with status ${code}`));
    }
    const issues = await validateFile(target.path, globals.strict);
    for (const issue of issues) {
      if (!globals.quiet || issue.severity === "error") console.error(formatIssue(issue));
    }
    console.error(visible(`${target.path}: ${issueCounts(issues)}`));
    if (!hasErrors(issues)) return EXIT.ok;
    if (!prompter) return EXIT.usage;
    const answer = await prompter.ask("rune: open the editor again to fix them? [Y/n] ");
    if (answer === undefined || /^\s*n/i.test(answer)) {
      console.error("rune: the config keeps its errors; `rune config edit` opens it again");
      return EXIT.usage;
    }
  }
}

/** Runs the editor on rune's terminal; Ctrl-C belongs to the editor, not to rune. */
async function openEditor(argv: string[]): Promise<number> {
  const ignore = () => {};
  Deno.addSignalListener("SIGINT", ignore);
  try {
    const r = await denoRuntime.run(argv, { stdin: { inherit: true }, inheritOutput: true });
    return r.code;
  } finally {
    Deno.removeSignalListener("SIGINT", ignore);
  }
}
