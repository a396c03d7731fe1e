/**
 * Carries out auto-tmux: picks a free `rune-PROJECT` name on the chosen server and runs
 * `buildAutoTmuxArgv` attached to rune's terminal, waiting until the user detaches or the
 * session ends. Needs --allow-run=tmux.
 */
import type { Runtime } from "../exec/deno_runtime.ts";
import { runTmux, tmuxClientEnv, tmuxCommand } from "./client.ts";
import { socketArgs } from "./socket.ts";
import type { SocketChoice } from "./socket.ts";
import { autoSessionName, buildAutoTmuxArgv } from "./auto_tmux.ts";

export interface AutoTmuxRun {
  project: string;
  cwd: string;
  socket: SocketChoice;
  /** The filtered environment (what children, and so the tmux server, may see). */
  env: Record<string, string>;
  runeArgv: string[];
  runtime: Runtime;
}

/** tmux's exit status once the client returns, and the session it made. */
export async function runAutoTmux(o: AutoTmuxRun): Promise<{ code: number; session: string }> {
  const socket = socketArgs(o.socket);
  const clientEnv = tmuxClientEnv(o.env);
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
    env: o.env,
    runeArgv: o.runeArgv,
  });
  const status = await new Deno.Command(argv[0], {
    args: argv.slice(1),
    clearEnv: true,
    env: clientEnv,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  return { code: status.code, session };
}
