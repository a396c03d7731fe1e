/**
 * Runs tmux. The client gets the filtered environment without TMUX/TMUX_PANE (the socket is
 * always explicit), so a server it starts never holds the secrets rune withholds (FACTS §1b).
 */
import type { RunOutcome, Runtime } from "../contract/mod.ts";
import { chain } from "./escape.ts";

/** ["tmux", socket…, command, args…] with the arguments escaped (a lone `x;` is a separator). */
export function tmuxCommand(socket: readonly string[], ...command: string[]): string[] {
  return ["tmux", ...socket, ...chain([command])];
}

/** Runs `argv` (argv[0] is "tmux"); exit code 127 when tmux is not installed. */
export function runTmux(
  runtime: Runtime,
  argv: readonly string[],
  env: Record<string, string>,
): Promise<RunOutcome> {
  return runtime.run(argv, { clearEnv: true, env });
}

/** tmux's own message, one line: "duplicate session: web" */
export function tmuxError(outcome: RunOutcome): string {
  return outcome.stderr.trim().split("\n").filter(Boolean).pop() ?? `exit ${outcome.code}`;
}
