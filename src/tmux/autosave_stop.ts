/**
 * `rune stop` and autosave: the project's sessions lose their @rune-autosave mark (their
 * timers end at their next tick), and once no session on the server has one, the global
 * client-detached hook goes too. Two tmux calls. Needs --allow-run=tmux.
 */
import type { Runtime } from "../contract/mod.ts";
import { AUTOSAVE_HOOK, AUTOSAVE_OPTION, autosaveOffCommands } from "./autosave.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { chain } from "./escape.ts";

/** Turns autosave off for `sessions`; the message of what failed, or undefined. */
export async function stopAutosave(
  runtime: Runtime,
  socket: readonly string[],
  env: Record<string, string>,
  sessions: readonly string[],
): Promise<string | undefined> {
  if (sessions.length) {
    const off = await runTmux(
      runtime,
      ["tmux", ...socket, ...chain(autosaveOffCommands(sessions))],
      env,
    );
    if (off.code !== 0) return `cannot turn autosave off: ${tmuxError(off)}`;
  }
  const left = await runTmux(
    runtime,
    tmuxCommand(socket, "list-sessions", "-F", `#{${AUTOSAVE_OPTION}}`),
    env,
  );
  if (left.code !== 0 || left.stdout.split("\n").some((l) => l.trim() !== "")) return undefined;
  const unhook = await runTmux(runtime, tmuxCommand(socket, "set-hook", "-gu", AUTOSAVE_HOOK), env);
  return unhook.code === 0 ? undefined : `cannot remove the autosave hook: ${tmuxError(unhook)}`;
}
