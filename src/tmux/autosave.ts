/**
 * settings.tmux.autosave: the session build marks the session (@rune-autosave, the interval in
 * seconds), sets one global client-detached hook that saves every marked session, and starts a
 * timer for the session: a `sh` loop that tmux itself runs (run-shell -b), which saves the
 * session every interval and ends on its own as soon as the session is gone, the server is
 * gone, or the mark is removed (`rune stop`): no pid to track, nothing to kill. Saves take the
 * save lock, so the hook, the timers and a person never write at once. Pure.
 *
 * Like the close hook, the commands run under the server's environment, so they carry what
 * rune needs (HOME, PATH, the XDG dirs) and reach the server by its own socket; their output
 * goes to STATE/logs/tmux-autosave.log, never to a client.
 */
import { shellQuote } from "../shell/mod.ts";
import { literalFormat } from "./escape.ts";

/** The session option that turns autosave on for a session: its interval in seconds. */
export const AUTOSAVE_OPTION = "@rune-autosave";

/** rune's slot in the global client-detached hook array (one for every session). */
export const AUTOSAVE_HOOK = "client-detached[2000000000]";

export interface AutosaveSpec {
  /** The interval, in whole seconds (at least 1). */
  seconds: number;
  /** How to start this same rune (currentRuneArgv()). */
  runeArgv: readonly string[];
  /** $XDG_STATE_HOME/rune, for the log. */
  stateDir: string;
  /** The values of CARRIED_ENV; null where unset. */
  env: Readonly<Record<string, string | null>>;
}

/**
 * The build's last commands, for the session `target` (its `$SESSION:` target): the mark,
 * the hook, the timer.
 */
export function autosaveCommands(spec: AutosaveSpec, target: string): string[][] {
  const seconds = String(Math.max(1, Math.round(spec.seconds)));
  const save = (who: string) =>
    `${envPrefix(spec.env)} ${
      [...spec.runeArgv, "session", "save", "--autosave"].map(shellQuote).join(" ")
    } --socket-path ${who}`;
  const log = shellQuote(`${spec.stateDir}/logs/tmux-autosave.log`);
  const head = `exec </dev/null >/dev/null 2>&1; mkdir -p ${shellQuote(`${spec.stateDir}/logs`)}; `;
  // run-shell format-expands its command: rune's text is made literal, and only the socket
  // and the session id are left for tmux to fill in (quoted for sh by tmux: #{q:…}).
  const hook = `${literalFormat(`${head}{ ${save("")}`)}#{q:socket_path}${
    literalFormat(` --all; } >>${log} 2>&1 &`)
  }`;
  const socket = "#{q:socket_path}";
  const id = "#{q:session_id}";
  const timer = literalFormat(`${head}{ while sleep ${seconds}; do tmux -S `) + socket +
    literalFormat(" show-options -qv -t ") + id +
    literalFormat(` ${AUTOSAVE_OPTION} | grep -q . || exit 0; ${save("")}`) + socket +
    literalFormat(" -- ") + id + literalFormat(`; done; } >>${log} 2>&1 &`);
  return [
    ["set-option", "-t", target, AUTOSAVE_OPTION, seconds],
    ["set-hook", "-g", AUTOSAVE_HOOK, `run-shell -b ${tmuxQuote(hook)}`],
    ["run-shell", "-b", "-t", target, timer],
  ];
}

/** Turns autosave off for `sessions` (their timers end at their next tick). */
export function autosaveOffCommands(sessions: readonly string[]): string[][] {
  return sessions.map((name) => ["set-option", "-t", `=${name}:`, "-u", AUTOSAVE_OPTION]);
}

/** `env` that sets the carried variables (and unsets the missing ones) for rune. */
function envPrefix(env: Readonly<Record<string, string | null>>): string {
  const entries = Object.entries(env);
  return [
    "env",
    ...entries.filter(([, v]) => v === null).map(([name]) => `-u ${name}`),
    ...entries.filter(([, v]) => v !== null).map(([name, v]) => shellQuote(`${name}=${v}`)),
  ].join(" ");
}

/** tmux's command parser: single quotes have no escapes; a `'` closes, goes in "…", reopens. */
function tmuxQuote(s: string): string {
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}
