/**
 * The share server's own hooks, set once when it is built (tmux runs them as the owner):
 *
 * - client-attached: rune appends a `join` line to the owner's audit log, with the client's
 *   user, uid, tty and read-only and control-mode flags (hook formats carry the attaching
 *   client; 3.3a's client-detached hook carries none, so leaving is not logged).
 * - session-closed of the shared session: the share directory is removed. Best effort: the
 *   shared session is its server's last, and the server may exit before the job runs (always
 *   when the last pane exits; notes §8), so every `rune session share`, `share --list` and
 *   `ls` also prunes dead shares, and unshare, stop and kill remove the directory themselves.
 *
 * Three languages nest in a hook, each quoted for its own parser: sh (shellQuote), run-shell's
 * format expansion (literalFormat; only `#{q:…}` of the client's own fields is expanded) and
 * tmux's command parser (single quotes). The job's output goes nowhere, so nothing ever shows
 * in a pane, and it always exits 0.
 */
import { shellQuote } from "../shell/mod.ts";
import { literalFormat } from "../tmux/mod.ts";

export interface HookSpec {
  session: string;
  project: string;
  dir: string;
  socket: string;
  /** How to start this same rune (currentRuneArgv). */
  runeArgv: readonly string[];
  /** HOME, PATH, the XDG dirs…: the hook's rune must write the same audit log. */
  env: Readonly<Record<string, string | null>>;
}

/** The hidden command the join hook runs: `rune session __share-event …`. */
export const EVENT_COMMAND = ["session", "__share-event"] as const;

/** tmux's command parser: no escapes in single quotes, so a `'` closes, goes in "…", reopens. */
function tmuxQuote(s: string): string {
  return `'${s.replace(/'/g, `'"'"'`)}'`;
}

/** Text inside a format's argument list: `#`, `,` and `}` escaped with `#`. */
function formatText(s: string): string {
  return s.replace(/[#,}]/g, (c) => `#${c}`);
}

function envWords(env: Readonly<Record<string, string | null>>): string {
  const entries = Object.entries(env);
  return [
    ...entries.filter(([, v]) => v === null).map(([name]) => `-u ${name}`),
    ...entries.filter(([, v]) => v !== null).map(([name, v]) => shellQuote(`${name}=${v}`)),
  ].join(" ");
}

/** The set-hook commands (tmux argv, one command each) for a new share server. */
export function shareHooks(spec: HookSpec): string[][] {
  const rune = [
    ...spec.runeArgv,
    ...EVENT_COMMAND,
    "--session",
    spec.session,
    "--project",
    spec.project,
    "--share-socket",
    spec.socket,
  ].map(shellQuote).join(" ");
  const before = `exec </dev/null >/dev/null 2>&1; exec env ${envWords(spec.env)} ${rune}`;
  const fields = [
    ["--user", "#{q:client_user}"],
    ["--uid", "#{q:client_uid}"],
    ["--readonly", "#{q:client_readonly}"],
    ["--control", "#{q:client_control_mode}"],
    ["--client", "#{q:client_name}"],
  ].map(([flag, format]) => ` ${flag} ${format}`).join("");
  const join = `${literalFormat(before)}${fields} &`;
  const cleanup = literalFormat(`exec </dev/null >/dev/null 2>&1; rm -rf ${shellQuote(spec.dir)}`);
  const mine = `#{==:#{hook_session_name},${formatText(spec.session)}}`;
  return [
    ["set-hook", "-g", "client-attached", `run-shell -b ${tmuxQuote(join)}`],
    [
      "set-hook",
      "-g",
      "session-closed",
      `if-shell -F ${tmuxQuote(mine)} { run-shell -b ${tmuxQuote(cleanup)} }`,
    ],
  ];
}
