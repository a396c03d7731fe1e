/** `rune session …` and the tmux side of `rune stop`. */
import { filterEnv } from "../../exec/env_filter.ts";
import { denoRuntime } from "../../runtime.ts";
import { runTmux, tmuxClientEnv, tmuxCommand, tmuxError } from "../../tmux/client.ts";
import { takeCloseHook } from "../../tmux/close_hook.ts";
import { killSession, listRuneSessions } from "../../tmux/sessions.ts";
import type { SessionInfo } from "../../tmux/sessions.ts";
import { attachCommand, chooseSocket, insideServer, socketArgs } from "../../tmux/socket.ts";
import type { SocketChoice } from "../../tmux/socket.ts";
import type { Config } from "../../config/schema.ts";
import type { RitualCommandOptions } from "../commands/start_stop.ts";
import type { GlobalOptions } from "../globals.ts";
import { EXIT } from "../exit_codes.ts";

function setup(flags: SocketChoice, setting?: string) {
  const env = Deno.env.toObject();
  const socket = chooseSocket(flags, env, setting);
  return { env, socket, args: socketArgs(socket), clientEnv: tmuxClientEnv(filterEnv(env).kept) };
}

async function runeSessions(flags: SocketChoice): Promise<SessionInfo[] | number> {
  const { args, clientEnv } = setup(flags);
  const r = await listRuneSessions(denoRuntime, args, clientEnv);
  if (r.ok) return r.sessions;
  console.error(`rune: cannot list tmux sessions: ${r.message}`);
  return r.missing ? EXIT.missing : EXIT.stepFailed;
}

export async function sessionList(
  flags: SocketChoice,
  json: boolean,
  _globals: GlobalOptions,
): Promise<number> {
  const sessions = await runeSessions(flags);
  if (typeof sessions === "number") return sessions;
  if (json) {
    console.log(JSON.stringify(sessions, null, 2));
    return EXIT.ok;
  }
  if (!sessions.length) {
    console.error("no tmux sessions made by rune on this server");
    return EXIT.ok;
  }
  const width = Math.max(...sessions.map((s) => s.name.length), 7);
  console.log(`${"SESSION".padEnd(width)}  PROJECT  WINDOWS  ATTACHED  CREATED`);
  for (const s of sessions) {
    const created = new Date(s.created * 1000).toISOString().replace("T", " ").slice(0, 16);
    console.log(
      `${s.name.padEnd(width)}  ${s.project.padEnd(7)}  ${String(s.windows).padEnd(7)}  ` +
        `${(s.attached ? "yes" : "no").padEnd(8)}  ${created}`,
    );
  }
  return EXIT.ok;
}

async function findRuneSession(flags: SocketChoice, name: string): Promise<number | undefined> {
  const sessions = await runeSessions(flags);
  if (typeof sessions === "number") return sessions;
  if (!sessions.some((s) => s.name === name)) {
    console.error(
      `rune: cannot use session "${name}": it is not a session rune made on this server\n` +
        `  hint: see rune's sessions with: rune session ls`,
    );
    return EXIT.usage;
  }
  return undefined;
}

export async function sessionAttach(flags: SocketChoice, name: string): Promise<number> {
  const refused = await findRuneSession(flags, name);
  if (refused !== undefined) return refused;
  const { env, socket, args, clientEnv } = setup(flags);
  if (env.TMUX && insideServer(socket, env, Deno.uid() ?? 0)) {
    const r = await runTmux(denoRuntime, tmuxCommand(args, "switch-client", "-t", `=${name}`), {
      ...clientEnv,
      TMUX: env.TMUX,
    });
    if (r.code !== 0) console.error(`rune: cannot switch to "${name}": ${tmuxError(r)}`);
    return r.code === 0 ? EXIT.ok : EXIT.stepFailed;
  }
  if (!Deno.stdin.isTerminal() || !Deno.stdout.isTerminal()) {
    console.error(
      `rune: cannot attach to "${name}": no terminal here\n` +
        `  hint: from a terminal run: ${attachCommand(socket, name)}`,
    );
    return EXIT.usage;
  }
  const status = await new Deno.Command("tmux", {
    args: tmuxCommand(args, "attach-session", "-t", `=${name}`).slice(1),
    clearEnv: true,
    env: clientEnv,
    stdin: "inherit",
    stdout: "inherit",
    stderr: "inherit",
  }).spawn().status;
  return status.success ? EXIT.ok : EXIT.stepFailed;
}

export async function sessionKill(flags: SocketChoice, name: string): Promise<number> {
  const refused = await findRuneSession(flags, name);
  if (refused !== undefined) return refused;
  const { args, clientEnv } = setup(flags);
  const r = await killSession(denoRuntime, args, clientEnv, name);
  (r.ok ? console.log : console.error)(r.ok ? r.message : `rune: ${r.message}`);
  return r.ok ? EXIT.ok : EXIT.stepFailed;
}

/** tmux's session-closed hook: run the stop ritual of the project whose session closed. */
export async function sessionClosed(
  flags: SocketChoice,
  name: string,
  stateDir: string,
): Promise<number> {
  const { socket } = setup(flags);
  const entry = takeCloseHook(stateDir, name, socket);
  if (!entry) return EXIT.ok;
  try {
    Deno.chdir(entry.projectDir);
  } catch { /* the project dir is gone: the stop ritual reports missing dirs itself */ }
  const { runRitualCommand } = await import("./ritual_run.ts");
  return await runRitualCommand("stop", entry.project, {
    dryRun: false,
    json: false,
    detach: true,
    socket: entry.socket,
    killBackground: false,
  }, { config: entry.configFile, strict: false, color: false, quiet: false, verbose: false });
}

/** `rune stop` with settings.tmux.kill_sessions_on_stop: end the project's rune sessions. */
export async function killProjectSessions(
  project: string,
  config: Config,
  _env: Record<string, string>,
  options: RitualCommandOptions,
  globals: GlobalOptions,
): Promise<void> {
  const { args, clientEnv } = setup(options.socket ?? {}, config.settings?.tmux?.socket);
  const listed = await listRuneSessions(denoRuntime, args, clientEnv);
  if (!listed.ok) {
    console.error(`rune: cannot list tmux sessions: ${listed.message}`);
    return;
  }
  for (const s of listed.sessions.filter((s) => s.project === project)) {
    const r = await killSession(denoRuntime, args, clientEnv, s.name);
    if (!globals.quiet) console.error(r.ok ? r.message : `rune: ${r.message}`);
  }
}
