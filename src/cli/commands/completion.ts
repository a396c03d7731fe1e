/** `rune completion bash|zsh|fish`, and the hidden `rune __complete` its scripts call. */
import { importLazy, writeOrStop } from "../../base/mod.ts";
import type { CompletionShell } from "../completion_scripts.ts";
import { EXIT } from "../exit_codes.ts";
import type { CommandSpec } from "../spec.ts";

export const COMPLETION: CommandSpec = {
  name: "completion",
  summary: "print the shell completion script for bash, zsh or fish",
  description: "Print a completion script for your shell. It completes commands, options and " +
    "their values, project and template names from your config, and the names of rune's " +
    "tmux sessions, by asking `rune __complete` as you press Tab: what it offers always " +
    "matches the rune you run, so the script never needs regenerating. `rune` must be a " +
    "command on PATH (the compiled binary, or a script that runs the bundle).",
  args: [{
    name: "shell",
    required: true,
    description: "bash, zsh or fish",
    complete: "shell",
    choices: ["bash", "zsh", "fish"],
  }],
  examples: [
    ["source <(rune completion bash)", "bash, now (add the line to ~/.bashrc to keep it)"],
    ["rune completion zsh > ~/.zfunc/_rune", "zsh: with ~/.zfunc in $fpath before compinit"],
    ["rune completion fish > ~/.config/fish/completions/rune.fish", "fish, for good"],
  ],
  exitCodes: false,
  // A literal import, not importLazy: printing the script needs no permission at all.
  run: async ({ args }) => {
    const { completionScript } = await import("../completion_scripts.ts");
    writeOrStop(Deno.stdout, completionScript(args.shell as CompletionShell));
    return EXIT.ok;
  },
};

export const COMPLETE: CommandSpec = {
  name: "__complete",
  summary: "what to offer for the word being typed (called by the completion scripts)",
  description: "Prints one candidate per line (word, a tab, a description), and a last line " +
    '":files" when the shell should complete file names. Give the words after `rune`, the ' +
    "one under the cursor last, after --.",
  hidden: true,
  args: [{ name: "words", required: false, variadic: true, description: "the words typed" }],
  examples: [["rune __complete -- start ''", "the projects `rune start` would take"]],
  exitCodes: false,
  run: async ({ rest, globals, root }) => {
    const { runComplete } = await importLazy<typeof import("../actions/completion.ts")>(
      "src/cli/actions/completion",
    );
    return await runComplete(root, rest, globals);
  },
};
