/** `rune hook bash|zsh|fish`, the hidden `rune __hook-env SHELL` it calls, and `rune prompt`. */
import { importLazy, writeOrStop } from "../../base/mod.ts";
import type { CommandSpec } from "../spec.ts";
import { CONFIG_ENV } from "../help.ts";
import { TRACKING_ENV } from "./tracking.ts";

const SHELLS = ["bash", "zsh", "fish"] as const;

const SHELL_ARG = {
  name: "shell",
  required: true,
  description: "bash, zsh or fish",
  complete: "shell",
  choices: SHELLS,
} as const;

export const HOOK: CommandSpec = {
  name: "hook",
  summary: "print the shell hook that keeps RUNE_PROJECT and the work session in your shell",
  description: "Print the code to eval in your shell's rc file. On a change of directory it " +
    "asks rune (once) for the project here and exports RUNE_PROJECT and RUNE_PROJECT_DIR (or " +
    "unsets them), and the open work session's RUNE_SESSION_PROJECT, RUNE_SESSION_START " +
    "(epoch seconds), RUNE_SESSION_PAUSED (when the pause began) and " +
    "RUNE_SESSION_PAUSED_SECONDS, so a prompt can show the time worked without starting a " +
    "process. A prompt in an unchanged directory starts none. With " +
    "settings.hooks.enter_leave: true, entering a project runs its rituals.enter and leaving " +
    "it its rituals.leave (plain commands, a short timeout, one line of output). A missing or " +
    "failing rune costs the shell one line of warning, never the prompt.",
  args: [SHELL_ARG],
  examples: [
    ['eval "$(rune hook bash)"', "bash: add the line to ~/.bashrc"],
    ['eval "$(rune hook zsh)"', "zsh: add the line to ~/.zshrc"],
    ["rune hook fish | source", "fish: add the line to ~/.config/fish/config.fish"],
  ],
  exitCodes: false,
  run: async ({ args }) => {
    const { HOOK_SNIPPETS } = await import("../hook_snippets.ts");
    writeOrStop(Deno.stdout, HOOK_SNIPPETS[args.shell as (typeof SHELLS)[number]]);
    return 0;
  },
};

export const HOOK_ENV: CommandSpec = {
  name: "__hook-env",
  summary: "shell code setting RUNE_PROJECT and RUNE_SESSION_* here (called by the hook)",
  description: "Prints shell code for SHELL that exports or unsets RUNE_PROJECT, " +
    "RUNE_PROJECT_DIR and RUNE_SESSION_*; runs the enter/leave rituals when enabled. Reads " +
    "the previous project from RUNE_PROJECT and RUNE_PROJECT_DIR.",
  hidden: true,
  args: [SHELL_ARG],
  env: [["RUNE_PROJECT", "the project the shell had (to leave)"], ...CONFIG_ENV],
  exitCodes: false,
  run: async ({ args, globals }) => {
    const { runHookEnv } = await importLazy<typeof import("../actions/hook_env.ts")>(
      "src/cli/actions/hook_env",
    );
    return await runHookEnv(args.shell as (typeof SHELLS)[number], globals);
  },
};

export const PROMPT: CommandSpec = {
  name: "prompt",
  summary: "print a short prompt segment: the open work session's project and time worked",
  description: "Print one short line for a shell prompt: the open work session's project, " +
    'the time worked in it and "paused" when it is ("web 1h05m", "web 20m paused"); with no ' +
    "open session, $RUNE_PROJECT when the shell hook set it, else nothing. Reads only the " +
    "work-session store: no config, so it is as quick as rune starts.",
  options: [{
    flags: "--format <text>",
    description: "the segment with {project}, {worked}, {state} (running, paused) replaced; " +
      'default "{project} {worked}{paused}" where {paused} is " paused" or ""',
  }],
  examples: [
    ["PS1='$(rune prompt) \\$ '", "bash: the segment before the prompt"],
    ["rune prompt --format '[{project} {worked}]'", "your own shape"],
  ],
  env: [["RUNE_PROJECT", "shown when no work session is open"], ...TRACKING_ENV],
  exitCodes: false,
  run: async ({ opts }) => {
    const { runPrompt } = await importLazy<typeof import("../actions/prompt_segment.ts")>(
      "src/cli/actions/prompt_segment",
    );
    return runPrompt({ format: typeof opts.format === "string" ? opts.format : undefined });
  },
};
