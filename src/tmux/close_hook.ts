/**
 * "Closing a rune session by hand runs the stop ritual" (settings.tmux.stop_on_session_close).
 * tmux never fires a session-closed hook scoped to the session (FACTS §5), so rune sets a GLOBAL
 * hook, filtered inside tmux by `#{hook_session_name}`: closing any other session runs nothing
 * (no process at all). Each session gets its own slot in the hook array (derived from its name,
 * so `rune stop` finds it without asking tmux), and the hook removes itself when it fires.
 *
 * The hook runs `rune stop PROJECT` under the tmux SERVER's environment, not rune's: so it
 * carries what the stop ritual needs from the start that set it (HOME, PATH, the XDG dirs,
 * the agent sockets and display, the config file, the project dir) and reaches the server's own socket (`#{socket_path}`).
 * It must never touch a client: run-shell shows a job's output, and "'…' returned 1" when it
 * fails, in the view mode of whatever pane is active, another session's included. So the
 * job's own output goes nowhere, rune stop runs detached from it with everything appended to
 * STATE/logs/tmux-close-hook.log, and the job itself always exits 0.
 */
import { shellQuote } from "../shell/mod.ts";
import { literalFormat } from "./escape.ts";

export interface CloseHookSpec {
  session: string;
  project: string;
  /** The stop ritual runs here, as it would where `rune start` ran. */
  projectDir: string;
  configFile: string;
  /** rune's state dir ($XDG_STATE_HOME/rune): the hook's rune must see the same one. */
  stateDir: string;
  /** How to start this same rune: see currentRuneArgv(). */
  runeArgv: readonly string[];
  /** The start's values of CARRIED_ENV; null where it had none (then unset for the hook). */
  env: Readonly<Record<string, string | null>>;
}

/** What the hook's rune takes from the start that set it, not from the tmux server. */
export const CARRIED_ENV = [
  "HOME",
  "USER",
  "LOGNAME",
  "PATH",
  "XDG_CONFIG_HOME",
  "XDG_DATA_HOME",
  "XDG_STATE_HOME",
  "XDG_CACHE_HOME",
  "XDG_RUNTIME_DIR",
  // What tools in the stop ritual need (git over ssh, gpg, notifications): the server's job
  // environment may lack them, as tmux copies them only into sessions made by such a client.
  "SSH_AUTH_SOCK",
  "SSH_AGENT_PID",
  "GPG_AGENT_INFO",
  "DBUS_SESSION_BUS_ADDRESS",
  "DISPLAY",
  "WAYLAND_DISPLAY",
] as const;

/** The start's values of CARRIED_ENV. Pure. */
export function carriedEnv(env: Readonly<Record<string, string>>): Record<string, string | null> {
  return Object.fromEntries(CARRIED_ENV.map((name) => [name, env[name] ?? null]));
}

/** Slots rune uses in the global session-closed array: [BASE, BASE + SPAN). */
const BASE = 1_000_000;
const SPAN = 1_000_000_000;

/** The session's slot: FNV-1a of its name (tmux accepts indexes up to 2^31-1). */
export function closeHookIndex(session: string): number {
  let h = 0x811c9dc5;
  for (const byte of new TextEncoder().encode(session)) {
    h ^= byte;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return BASE + (h % SPAN);
}

export function closeHookName(session: string): string {
  return `session-closed[${closeHookIndex(session)}]`;
}

/** The set-hook command (one tmux command, to chain into the session build). */
export function setCloseHook(spec: CloseHookSpec): string[] {
  return ["set-hook", "-g", closeHookName(spec.session), closeHookCommand(spec)];
}

/** Removes the session's hook: before rune itself kills the session, or once stop has run. */
export function unsetCloseHook(session: string): string[] {
  return ["set-hook", "-gu", closeHookName(session)];
}

/**
 * The hook's tmux command. Three languages nest here, each quoted for its own parser:
 * the session name inside a format comparison (`#,` `#}` `##` escapes), tmux's command
 * parser (single quotes, no escapes inside), and run-shell's argument, which tmux
 * format-expands (every `#` doubled) before `sh -c` reads it (single-quoted words).
 */
export function closeHookCommand(spec: CloseHookSpec): string {
  const log = `${spec.stateDir}/logs/tmux-close-hook.log`;
  // env takes its options before the first NAME=VALUE.
  const entries = Object.entries(spec.env);
  const env = [
    ...entries.filter(([, v]) => v === null).map(([name]) => `-u ${name}`),
    ...entries.filter(([, v]) => v !== null).map(([name, v]) => shellQuote(`${name}=${v}`)),
  ];
  const rune = [...spec.runeArgv, "stop", spec.project, "--config", spec.configFile]
    .map(shellQuote).join(" ");
  // Nothing reaches run-shell's pipe (not even mkdir's complaint), and the job ends at once
  // with status 0: rune stop runs in the background, its output in the log.
  const before =
    `exec </dev/null >/dev/null 2>&1; mkdir -p ${shellQuote(`${spec.stateDir}/logs`)}; ` +
    `{ cd ${shellQuote(spec.projectDir)} && exec env ${env.join(" ")} ${rune} --socket-path `;
  const after = `; } >>${shellQuote(log)} 2>&1 &`;
  // The server's own socket, quoted for sh by tmux: the only format run-shell may expand.
  const sh = `${literalFormat(before)}#{q:socket_path}${literalFormat(after)}`;
  const filter = `#{==:#{hook_session_name},${formatText(spec.session)}}`;
  return `if-shell -F ${tmuxQuote(filter)} { ` +
    `set-hook -gu ${tmuxQuote(closeHookName(spec.session))} ; ` +
    `run-shell -b ${tmuxQuote(sh)} }`;
}

/** Text inside a format's argument list: `#`, `,` and `}` escaped with `#`. */
function formatText(s: string): string {
  return s.replace(/[#,}]/g, (c) => `#${c}`);
}

/** tmux's command parser: single quotes have no escapes, so a `'` closes, goes in "…", reopens. */
function tmuxQuote(s: string): string {
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

/**
 * How tmux's hook can start this same rune: the compiled binary alone, or deno with the
 * bundle (or main.ts) under the permission set of the deno.json beside it or one level up.
 * Needs --allow-read to look for that deno.json.
 */
export function currentRuneArgv(): string[] {
  const exe = Deno.execPath();
  // A compiled rune is its own executable; only deno itself needs the script and permissions.
  if (!/^deno(\.exe)?$/.test(exe.slice(exe.lastIndexOf("/") + 1))) return [exe];
  const script = new URL(Deno.mainModule).pathname;
  const dir = script.slice(0, script.lastIndexOf("/"));
  const config = [`${dir}/deno.json`, `${dir.slice(0, dir.lastIndexOf("/"))}/deno.json`]
    .find((p) => {
      try {
        return Deno.statSync(p).isFile;
      } catch {
        return false;
      }
    });
  return [exe, "run", "-q", "--no-prompt", ...(config ? ["--config", config] : []), "-P", script];
}
