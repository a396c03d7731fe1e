/**
 * Carries out auto-tmux: picks a free `rune-PROJECT` name on the chosen server and runs
 * `buildAutoTmuxArgv` attached to rune's terminal, waiting until the user detaches or the
 * session ends. Needs --allow-run=tmux.
 */
import type { Runtime } from "../contract/mod.ts";
import { runTmux, tmuxCommand } from "./client.ts";
import { autoSessionName, buildAutoTmuxArgv } from "./auto_tmux.ts";
import type { TmuxWorld } from "./world.ts";

export interface AutoTmuxRun {
  project: string;
  cwd: string;
  /** The server, and the filtered environment the inner rune (and a new server) start from. */
  world: TmuxWorld;
  runeArgv: string[];
  runtime: Runtime;
}

/** tmux's exit status once the client returns, and the session it made. */
export async function runAutoTmux(o: AutoTmuxRun): Promise<{ code: number; session: string }> {
  const socket = o.world.socketArgs;
  const clientEnv = o.world.clientEnv;
  const listed = await runTmux(
    o.runtime,
    tmuxCommand(socket, "list-sessions", "-F", "#{session_name}"),
    clientEnv,
  );
  const names = new Set(listed.code === 0 ? listed.stdout.split("\n") : []);
  const session = autoSessionName(o.project, (n) => names.has(n));
  const argv = buildAutoTmuxArgv({
    socket,
    session,
    cwd: o.cwd,
    env: clientEnv,
    runeArgv: o.runeArgv,
  });
  const r = await o.runtime.run(argv, {
    clearEnv: true,
    env: clientEnv,
    stdin: { inherit: true },
    inheritOutput: true,
  });
  return { code: r.code, session };
}
