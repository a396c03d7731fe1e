/**
 * Saving and restoring the user's terminal modes around an interactive child. `script` puts
 * the terminal in raw mode and restores it when it ends normally, but not when it is killed
 * with KILL, and a Deno parent (unlike an interactive bash) does not fix it either (FACTS §6d).
 * So rune saves `stty -g` before and puts it back after, if it changed.
 * Needs --allow-run=stty; stty reads the terminal on its inherited stdin.
 */
import type { Runtime } from "../contract/mod.ts";

const STTY_ENV = { PATH: "/usr/bin:/bin:/usr/sbin:/sbin", LC_ALL: "C" };

/** The terminal's modes as `stty -g` prints them; undefined when stdin is not a terminal. */
export async function saveTerminalModes(runtime: Runtime): Promise<string | undefined> {
  const r = await runtime.run(["stty", "-g"], {
    stdin: { inherit: true },
    clearEnv: true,
    env: STTY_ENV,
  });
  const modes = r.stdout.trim();
  return r.code === 0 && modes ? modes : undefined;
}

/**
 * Puts `saved` back when the terminal's modes differ from it. Returns whether it had to
 * (a child left the terminal raw), so tests and --verbose can tell.
 */
export async function restoreTerminalModes(runtime: Runtime, saved: string): Promise<boolean> {
  const now = await saveTerminalModes(runtime);
  if (now === saved) return false;
  await runtime.run(["stty", saved], { stdin: { inherit: true }, clearEnv: true, env: STTY_ENV });
  return true;
}
