/** `rune session …` and the tmux side of `rune stop`. */
import { visible } from "../../base/mod.ts";
import { filterEnv } from "../../env/mod.ts";
import { shellQuote } from "../../shell/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import {
  attachCommand,
  finishAttach,
  killSession,
  listRuneSessions,
  resolveSession,
  runTmux,
  stopAutosave,
  stopSessionsArgv,
  tmuxError,
} from "../../tmux/mod.ts";
import type { SessionInfo, SocketChoice, TmuxWorld } from "../../tmux/mod.ts";
import type { Config } from "../../config/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { readTerminal, tmuxWorldFor } from "../world.ts";
import { currentDir } from "../cwd.ts";
import { endSharesWhere, markText, shareMarks } from "./share_end.ts";
import { sameServer } from "../../share/mod.ts";
import { loadConfigCached } from "../load_config.ts";

/**
 * The tmux world for a `rune session` command. The config is read once, and only when no flag
 * or RUNE_TMUX_SOCKET names the server: a missing or broken config is no reason to refuse
 * listing sessions, it just names no server and no env rules.
 */
export async function sessionWorld(
  flags: SocketChoice,
  globals: GlobalOptions,
): Promise<TmuxWorld> {
  const env = Deno.env.toObject();
  let config: Config | undefined;
  if (!flags.name && !flags.path && !env.RUNE_TMUX_SOCKET) {
    const loaded = await loadConfigCached({
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

export async function runeSessions(world: TmuxWorld): Promise<SessionInfo[] | number> {
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
  const world = await sessionWorld(flags, globals);
  const sessions = await runeSessions(world);
  if (typeof sessions === "number") return sessions;
  const marks = await shareMarks(world);
  if (json) {
    const shown = sessions.map((s) => {
      const mark = marks.get(s.name);
      return mark ? { ...s, shared: mark } : s;
    });
    console.log(JSON.stringify(shown, null, 2));
    return EXIT.ok;
  }
  if (!sessions.length) {
    console.error("no tmux sessions made by rune on this server");
    return EXIT.ok;
  }
  const width = Math.max(...sessions.map((s) => visible(s.name).length), 7);
  // The SHARED column only appears when something is shared (issue 19).
  const shared = (name: string) => {
    const mark = marks.get(name);
    return marks.size ? `  ${mark ? visible(markText(mark.users)) : "-"}` : "";
  };
  console.log(
    `${"SESSION".padEnd(width)}  PROJECT  WINDOWS  ATTACHED  CREATED` +
      (marks.size ? "           SHARED" : ""),
  );
  for (const s of sessions) {
    const created = new Date(s.created * 1000).toISOString().replace("T", " ").slice(0, 16);
    console.log(
      `${visible(s.name).padEnd(width)}  ${visible(s.project).padEnd(7)}  ` +
        `${String(s.windows).padEnd(7)}  ` +
        `${(s.attached ? "yes" : "no").padEnd(8)}  ${created}${shared(s.name)}`,
    );
  }
  return EXIT.ok;
}

/**
 * The world and the session `given` means among rune's (its name, its project's name, or a
 * unique beginning of its name); else the exit code, after saying why.
 */
export async function runeSession(
  flags: SocketChoice,
  given: string,
  globals: GlobalOptions,
): Promise<{ world: TmuxWorld; name: string } | number> {
  const world = await sessionWorld(flags, globals);
  const sessions = await runeSessions(world);
  if (typeof sessions === "number") return sessions;
  const match = resolveSession(given, sessions);
  switch (match.kind) {
    case "found":
      return { world, name: match.session.name };
    case "ambiguous":
      console.error(
        `rune: cannot tell which session "${visible(given)}" means: it fits ${
          match.names.map((n) => `"${visible(n)}"`).join(", ")
        }\n  hint: give more of the name`,
      );
      return EXIT.usage;
    case "none":
      console.error(
        `rune: cannot use session "${visible(given)}": it is not a session rune made on this ` +
          "server\n" +
          (match.suggestion
            ? `  hint: did you mean "${
              visible(match.suggestion)
            }"? (rune's sessions: rune session ls)`
            : `  hint: see rune's sessions with: rune session ls`),
      );
      return EXIT.usage;
  }
}

export async function sessionAttach(
  flags: SocketChoice,
  given: string,
  globals: GlobalOptions,
): Promise<number> {
  const found = await runeSession(flags, given, globals);
  if (typeof found === "number") return found;
  const { world, name } = found;
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
  given: string,
  globals: GlobalOptions,
): Promise<number> {
  const found = await runeSession(flags, given, globals);
  if (typeof found === "number") return found;
  const { world, name } = found;
  const r = await killSession(denoRuntime, world.socketArgs, world.clientEnv, name);
  (r.ok ? console.log : console.error)(visible(r.ok ? r.message : `rune: ${r.message}`));
  // Killing the session ends its share: nothing of it stays reachable.
  if (r.ok) {
    await endSharesWhere(
      (s) => s.session === name && sameServer(s.origin, world.socketArgs),
      "rune session kill",
      globals.quiet,
    );
  }
  return r.ok ? EXIT.ok : EXIT.stepFailed;
}

/**
 * The tmux side of `rune stop`: the project's rune sessions lose their close hook (stop has
 * run) and, with kill_sessions_on_stop, end; without it, each one still running is named with
 * the way to end it.
 */
export async function stopProjectSessions(
  project: string,
  config: Config,
  world: TmuxWorld,
  options: { quiet: boolean; socket?: SocketChoice },
): Promise<void> {
  // Stopping the project ends its shares, whatever the settings say about its sessions.
  await endSharesWhere((s) => s.project === project, "rune stop", options.quiet);
  const tmux = config.settings?.tmux;
  const kill = tmux?.kill_sessions_on_stop === true;
  const asked = kill || tmux?.stop_on_session_close === true;
  const listed = await listRuneSessions(denoRuntime, world.socketArgs, world.clientEnv);
  if (!listed.ok) {
    // No tmux here is only worth a word when the settings asked rune to act on sessions.
    if (asked) console.error(visible(`rune: cannot list tmux sessions: ${listed.message}`));
    return;
  }
  const names = listed.sessions.filter((s) => s.project === project).map((s) => s.name);
  if (tmux?.autosave !== undefined) {
    // Before a kill: the hook goes once no marked session is left (settings.tmux.autosave).
    const problem = await stopAutosave(denoRuntime, world.socketArgs, world.clientEnv, names);
    if (problem) console.error(visible(`rune: ${problem}`));
  }
  if (!names.length) return;
  if (asked) {
    const r = await runTmux(
      denoRuntime,
      stopSessionsArgv(world.socketArgs, names, kill),
      world.clientEnv,
    );
    if (r.code !== 0) {
      console.error(visible(`rune: cannot end the tmux sessions: ${tmuxError(r)}`));
      return;
    }
  }
  if (options.quiet) return;
  const flags = options.socket?.path
    ? ` --socket-path ${shellQuote(options.socket.path)}`
    : options.socket?.name
    ? ` --socket ${shellQuote(options.socket.name)}`
    : "";
  for (const name of names) {
    console.error(visible(
      kill
        ? `killed session "${name}"`
        : `tmux session "${name}" is still running: end it with: rune session kill ` +
          `${shellQuote(name)}${flags}, or set settings.tmux.kill_sessions_on_stop: true`,
    ));
  }
}
