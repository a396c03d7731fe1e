import type { RunSummary } from "../contract/mod.ts";
import { isFatal } from "../contract/mod.ts";

/** rune's exit codes (DESIGN.md). Only src/cli maps outcomes to them, here. */
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

/** The exit code a finished run deserves: 130 interrupted, 3 something missing, 1, else 0. */
export function exitCodeFor(summary: RunSummary): 0 | 1 | 3 | 130 {
  if (summary.interrupted) return EXIT.interrupted;
  const fatal = summary.results.find((r) => isFatal(r.step, r.outcome));
  if (fatal) return fatal.outcome.missing ? EXIT.missing : EXIT.stepFailed;
  return EXIT.ok;
}
