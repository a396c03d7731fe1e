/** rune's exit codes (DESIGN.md); only src/cli maps outcomes to them. */
export const EXIT = {
  ok: 0,
  /** A required step failed. */
  stepFailed: 1,
  /** Usage or config error; nothing ran. */
  usage: 2,
  /** Something rune needs is missing: tmux, `script`, a Deno permission. */
  missing: 3,
  /** Interrupted (Ctrl-C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export const EXIT_CODES_HELP = `Exit codes:
  0    every required step succeeded
  1    a required step failed
  2    usage or config error; nothing ran
  3    something rune needs is missing (tmux, script, a Deno permission)
  130  interrupted (Ctrl-C)`;
