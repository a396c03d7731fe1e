/** `rune session …` and the tmux side of `rune stop`. */
import { visible } from "../../base/mod.ts";
import { filterEnv } from "../../env/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import {
  attachCommand,
  finishAttach,
  killSession,
  listRuneSessions,
  runTmux,
  stopSessionsArgv,
  tmuxError,
} from "../../tmux/mod.ts";
import type { SessionInfo, SocketChoice, TmuxWorld } from "../../tmux/mod.ts";
import type { Config } from "../../config/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { readTerminal, tmuxWorldFor } from "../world.ts";
import { currentDir } from "../cwd.ts";

/**
 * The tmux world for a `rune session` command. The config is read once, and only when no flag
 * or RUNE_TMUX_SOCKET names the server: a missing or broken config is no reason to refuse
 * listing sessions, it just names no server and no env rules.
 */
async function sessionWorld(flags: SocketChoice, globals: GlobalOptions): Promise<TmuxWorld> {
  const env = Deno.env.toObject();
  let config: Config | undefined;
  if (!flags.name && !flags.path && !env.RUNE_TMUX_SOCKET) {
    const { loadConfig } = await import("../../config/mod.ts");
    const loaded = await loadConfig({
      flag: globals.config,
      env,
      cwd: currentDir(),
      strict: false,
    });
    if (loaded.ok) config = loaded.value.config;
  }
  const rules = config?.settings?.env ?? {};
  const baseEnv = filterEnv(env, { allow: rules.allow ?? [], deny: rules.deny ?? [] }).kept;
  return tmuxWorldFor({
    config,
    env,
    baseEnv,
    socket: flags,
    terminal: readTerminal(),
    detach: false,
  });
}

async function runeSessions(world: TmuxWorld): Promise<SessionInfo[] | number> {
  const r = await listRuneSessions(denoRuntime, world.socketArgs, world.clientEnv);
  if (r.ok) return r.sessions;
  console.error(visible(`rune: cannot list tmux sessions: ${r.message}`));
  return r.missing ? EXIT.missing : EXIT.stepFailed;
}

export async function sessionList(
  flags: SocketChoice,
  json: boolean,
  globals: GlobalOptions,
): Promise<number> {
  const sessions = await runeSessions(await sessionWorld(flags, globals));
  if (typeof sessions === "number") return sessions;
  if (json) {
    console.log(JSON.stringify(sessions, null, 2));
    return EXIT.ok;
  }
  if (!sessions.length) {
    console.error("no tmux sessions made by rune on this server");
    return EXIT.ok;
  }
  const width = Math.max(...sessions.map((s) => visible(s.name).length), 7);
  console.log(`${"SESSION".padEnd(width)}  PROJECT  WINDOWS  ATTACHED  CREATED`);
  for (const s of sessions) {
    const created = new Date(s.created * 1000).toISOString().replace("T", " ").slice(0, 16);
    console.log(
      `${visible(s.name).padEnd(width)}  ${visible(s.project).padEnd(7)}  ` +
        `${String(s.windows).padEnd(7)}  ` +
        `${(s.attached ? "yes" : "no").padEnd(8)}  ${created}`,
    );
  }
  return EXIT.ok;
}

/** The world, once the named session is known to be rune's; else the exit code. */
async function runeSession(
  flags: SocketChoice,
  name: string,
  globals: GlobalOptions,
): Promise<TmuxWorld | number> {
  const world = await sessionWorld(flags, globals);
  const sessions = await runeSessions(world);
  if (typeof sessions === "number") return sessions;
  if (!sessions.some((s) => s.name === name)) {
    console.error(
      `rune: cannot use session "${visible(name)}": it is not a session rune made on this ` +
        "server\n  hint: see rune's sessions with: rune session ls",
    );
    return EXIT.usage;
  }
  return world;
}

export async function sessionAttach(
  flags: SocketChoice,
  name: string,
  globals: GlobalOptions,
): Promise<number> {
  const world = await runeSession(flags, name, globals);
  if (typeof world === "number") return world;
  if (world.show === "print" || world.show === "elsewhere") {
    console.error(visible(
      `rune: cannot attach to "${name}": ${
        world.show === "print" ? "no terminal here" : "rune runs inside another tmux server"
      }\n` +
        `  hint: from a terminal outside tmux run: ${attachCommand(world.socket, name)}`,
      { keepNewlines: true },
    ));
    return EXIT.usage;
  }
  // The same attach/switch the end of `rune start` uses.
  const problems = await finishAttach(name, world, denoRuntime);
  for (const line of problems) console.error(visible(`rune: ${line}`));
  return problems.length ? EXIT.stepFailed : EXIT.ok;
}

export async function sessionKill(
  flags: SocketChoice,
  name: string,
  globals: GlobalOptions,
): Promise<number> {
  const world = await runeSession(flags, name, globals);
  if (typeof world === "number") return world;
  const r = await killSession(denoRuntime, world.socketArgs, world.clientEnv, name);
  (r.ok ? console.log : console.error)(visible(r.ok ? r.message : `rune: ${r.message}`));
  return r.ok ? EXIT.ok : EXIT.stepFailed;
}

/**
 * The tmux side of `rune stop`, when settings.tmux asks for it: the project's rune sessions
 * lose their close hook (stop has run) and, with kill_sessions_on_stop, end.
 */
export async function stopProjectSessions(
  project: string,
  config: Config,
  world: TmuxWorld,
  globals: GlobalOptions,
): Promise<void> {
  const tmux = config.settings?.tmux;
  if (!tmux?.kill_sessions_on_stop && !tmux?.stop_on_session_close) return;
  const listed = await listRuneSessions(denoRuntime, world.socketArgs, world.clientEnv);
  if (!listed.ok) {
    console.error(visible(`rune: cannot list tmux sessions: ${listed.message}`));
    return;
  }
  const names = listed.sessions.filter((s) => s.project === project).map((s) => s.name);
  if (!names.length) return;
  const kill = tmux.kill_sessions_on_stop === true;
  const r = await runTmux(
    denoRuntime,
    stopSessionsArgv(world.socketArgs, names, kill),
    world.clientEnv,
  );
  if (r.code !== 0) console.error(visible(`rune: cannot end the tmux sessions: ${tmuxError(r)}`));
  else if (kill && !globals.quiet) {
    for (const name of names) console.error(visible(`killed session "${name}"`));
  }
}
