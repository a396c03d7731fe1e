/** `rune session …` and the tmux side of `rune stop`. */
import { filterEnv } from "../../env/filter.ts";
import { denoRuntime } from "../../exec/deno_runtime.ts";
import { runTmux, tmuxClientEnv, tmuxError } from "../../tmux/client.ts";
import { killSession, listRuneSessions, stopSessionsArgv } from "../../tmux/sessions.ts";
import type { SessionInfo } from "../../tmux/sessions.ts";
import { attachCommand, chooseAttach, chooseSocket, socketArgs } from "../../tmux/socket.ts";
import { finishAttach } from "../../tmux/attach.ts";
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

/**
 * settings.tmux.socket, read only when no flag or RUNE_TMUX_SOCKET names a server. A missing
 * or broken config is no reason to refuse listing sessions: it just names no server.
 */
async function socketSetting(flags: SocketChoice, globals: GlobalOptions) {
  if (flags.name || flags.path || Deno.env.get("RUNE_TMUX_SOCKET")) return undefined;
  const { loadConfig } = await import("../../config/load.ts");
  const loaded = await loadConfig({
    flag: globals.config,
    env: Deno.env.toObject(),
    cwd: Deno.cwd(),
    strict: false,
  });
  return loaded.ok ? loaded.value.config.settings?.tmux?.socket : undefined;
}

async function runeSessions(
  flags: SocketChoice,
  globals: GlobalOptions,
): Promise<SessionInfo[] | number> {
  const { args, clientEnv } = setup(flags, await socketSetting(flags, globals));
  const r = await listRuneSessions(denoRuntime, args, clientEnv);
  if (r.ok) return r.sessions;
  console.error(`rune: cannot list tmux sessions: ${r.message}`);
  return r.missing ? EXIT.missing : EXIT.stepFailed;
}

export async function sessionList(
  flags: SocketChoice,
  json: boolean,
  globals: GlobalOptions,
): Promise<number> {
  const sessions = await runeSessions(flags, globals);
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

async function findRuneSession(
  flags: SocketChoice,
  name: string,
  globals: GlobalOptions,
): Promise<number | undefined> {
  const sessions = await runeSessions(flags, globals);
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

export async function sessionAttach(
  flags: SocketChoice,
  name: string,
  globals: GlobalOptions,
): Promise<number> {
  const refused = await findRuneSession(flags, name, globals);
  if (refused !== undefined) return refused;
  const { env, socket, clientEnv } = setup(flags, await socketSetting(flags, globals));
  const terminal = { stdin: Deno.stdin.isTerminal(), stdout: Deno.stdout.isTerminal() };
  const flagsOf = { noTmux: false, noPty: false, detach: false, verbose: false };
  const uid = Deno.uid() ?? 0;
  const how = chooseAttach({ detach: false, terminal, parentEnv: env, socket, uid });
  if (how === "print" || how === "elsewhere") {
    console.error(
      `rune: cannot attach to "${name}": ${
        how === "print" ? "no terminal here" : "rune runs inside another tmux server"
      }\n` +
        `  hint: from a terminal outside tmux run: ${attachCommand(socket, name)}`,
    );
    return EXIT.usage;
  }
  // The same attach/switch the end of `rune start` uses.
  const problems = await finishAttach(
    { session: name, socket, clientEnv },
    { flags: flagsOf, parentEnv: env, terminal, runtime: denoRuntime },
    uid,
  );
  for (const line of problems) console.error(`rune: ${line}`);
  return problems.length ? EXIT.stepFailed : EXIT.ok;
}

export async function sessionKill(
  flags: SocketChoice,
  name: string,
  globals: GlobalOptions,
): Promise<number> {
  const refused = await findRuneSession(flags, name, globals);
  if (refused !== undefined) return refused;
  const { args, clientEnv } = setup(flags, await socketSetting(flags, globals));
  const r = await killSession(denoRuntime, args, clientEnv, name);
  (r.ok ? console.log : console.error)(r.ok ? r.message : `rune: ${r.message}`);
  return r.ok ? EXIT.ok : EXIT.stepFailed;
}

/**
 * The tmux side of `rune stop`, when settings.tmux asks for it: the project's rune sessions
 * lose their close hook (stop has run) and, with kill_sessions_on_stop, end.
 */
export async function stopProjectSessions(
  project: string,
  config: Config,
  options: RitualCommandOptions,
  globals: GlobalOptions,
): Promise<void> {
  const tmux = config.settings?.tmux;
  if (!tmux?.kill_sessions_on_stop && !tmux?.stop_on_session_close) return;
  const { args, clientEnv } = setup(options.socket ?? {}, tmux.socket);
  const listed = await listRuneSessions(denoRuntime, args, clientEnv);
  if (!listed.ok) {
    console.error(`rune: cannot list tmux sessions: ${listed.message}`);
    return;
  }
  const names = listed.sessions.filter((s) => s.project === project).map((s) => s.name);
  if (!names.length) return;
  const kill = tmux.kill_sessions_on_stop === true;
  const r = await runTmux(denoRuntime, stopSessionsArgv(args, names, kill), clientEnv);
  if (r.code !== 0) console.error(`rune: cannot end the tmux sessions: ${tmuxError(r)}`);
  else if (kill && !globals.quiet) {
    for (const name of names) console.error(`killed session "${name}"`);
  }
}
