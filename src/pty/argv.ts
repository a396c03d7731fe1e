/**
 * The argv that runs a command in a pseudo-terminal made by `script`, for either flavour, with
 * or without a transcript. Pure and table-tested.
 *
 * - util-linux: `script -q -e -c CMD FILE`; with a transcript `--log-out LOG --log-timing T`
 *   (replayable with `scriptreplay -t T LOG`). `-e` makes the child's exit status script's.
 *   util-linux runs CMD with `$SHELL -c`, so the executor gives `script` SHELL=/bin/sh and the
 *   command puts the user's SHELL back first (see `ptyCommandText`).
 * - BSD/macOS: `script -q FILE sh -c CMD`; the child's status is always script's own (FreeBSD
 *   accepts `-e` only for compatibility, older macOS rejects it). A transcript is `-r`: BSD's
 *   own timed format, replayed with `script -p FILE`.
 * Either way CMD is `interactiveShellText(command)`: the shell that runs it does job control.
 */
import type { ScriptFlavour } from "../contract/mod.ts";
import { shellQuote } from "../shell/mod.ts";

export interface TranscriptFiles {
  /** Everything the command printed (util-linux), or BSD's timed recording. */
  log: string;
  /** util-linux timing file; unused by BSD, whose `-r` log holds its own timing. */
  timing: string;
}

/** Where `script` writes nothing when no transcript is wanted. */
export const NO_FILE = "/dev/null";

export function buildScriptArgv(
  flavour: ScriptFlavour,
  command: string,
  options: { transcript?: TranscriptFiles } = {},
): string[] {
  const t = options.transcript;
  switch (flavour) {
    case "util-linux":
      return t
        ? ["script", "-q", "-e", "--log-out", t.log, "--log-timing", t.timing, "-c", command]
        : ["script", "-q", "-e", "-c", command, NO_FILE];
    case "bsd":
      return t
        ? ["script", "-q", "-r", t.log, "sh", "-c", command]
        : ["script", "-q", NO_FILE, "sh", "-c", command];
  }
}

/**
 * The shell text that runs an interactive command, under `script` or on rune's own terminal.
 * That `sh -c` stays the program's parent (dash never execs, not even a lone simple command)
 * and, in a shell without job control, shares the terminal's foreground process group with
 * it: a Ctrl-C meant for the program reaches the shell too, and dash, once the program ends,
 * exits by that SIGINT (130) even when the program handled it, as a REPL does.
 * - `set -m` makes the shell behave like the user's own: the program runs as the terminal's
 *   foreground job, so the shell never sees its Ctrl-C, and stops the rest of the command only
 *   when the program itself died of one.
 * - `stty susp undef`: a job-control shell takes a program stopped by Ctrl-Z for finished and
 *   ends the step, and no shell is there to resume it; so ^Z suspends nothing while the step
 *   runs (rune puts the terminal's modes back afterwards).
 */
export function interactiveShellText(command: string): string {
  return `stty susp undef 2>/dev/null; set -m; ${command}`;
}

/**
 * The text util-linux `script` hands to `$SHELL -c`. `script` itself gets SHELL=/bin/sh (so a
 * fish or csh login shell never parses a sh command); the user's own SHELL is put back before
 * the command, so an editor's `:sh` or a REPL's shell escape still opens their shell.
 */
export function ptyCommandText(command: string, userShell: string | undefined): string {
  const text = interactiveShellText(command);
  if (userShell === "/bin/sh") return text;
  const restore = userShell === undefined
    ? "unset SHELL"
    : `SHELL=${shellQuote(userShell)}; export SHELL`;
  return `${restore}; ${text}`;
}
