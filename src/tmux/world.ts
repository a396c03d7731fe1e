/**
 * The tmux world of one rune command, decided once from what the CLI gathered: which server,
 * the environment tmux clients run with, how a built session is shown (attach, switch-client,
 * or the attach command printed), the size detached sessions are built at, and the names
 * hidden from panes. Every tmux caller (the executor, `--dry-run`, `rune session`, auto_tmux,
 * `rune stop`) takes this one value instead of choosing again. Pure.
 */
import { hiddenNames } from "../env/mod.ts";
import { chooseAttach, chooseSocket, insideServer, socketArgs } from "./socket.ts";
import type { AttachMode, SocketChoice } from "./socket.ts";

/** Panes are built this big while detached, so layouts fit before a client attaches. */
export const DETACHED_SIZE = { columns: 200, rows: 50 } as const;

export interface TmuxWorldFacts {
  /** --socket NAME / --socket-path PATH */
  flags?: SocketChoice;
  /** settings.tmux.socket */
  setting?: string;
  /** rune's own environment, unfiltered: TMUX, TMUX_PANE, RUNE_TMUX_SOCKET, TMUX_TMPDIR. */
  env: Readonly<Record<string, string>>;
  /** The filtered environment children get: what tmux clients (and a new server) run with. */
  baseEnv: Readonly<Record<string, string>>;
  terminal: { stdin: boolean; stdout: boolean };
  /** --detach: never attach or switch. */
  detach: boolean;
  uid: number;
  /** rune's terminal's size, when it has one. */
  terminalSize?: { columns: number; rows: number };
}

export interface TmuxWorld {
  socket: SocketChoice;
  /**
   * tmux's global flags: `-u` (UTF-8 output whatever the locale: without it, tmux prints the tabs
   * of rune's `-F` formats as `_` under LANG=C), then the server: ["-L", name] or ["-S", path].
   */
  socketArgs: string[];
  /** The filtered environment without TMUX/TMUX_PANE (the socket is always explicit). */
  clientEnv: Record<string, string>;
  /** The caller's TMUX and TMUX_PANE: switch-client needs them to know which client. */
  callerEnv: Record<string, string>;
  /** How a built session is shown once the ritual is over. */
  show: AttachMode;
  /**
   * Where rune runs: in a pane of this very server ("inside": switch-client, never attach),
   * of another one ("elsewhere": attaching would nest), or outside tmux.
   */
  caller: "inside" | "elsewhere" | "outside";
  /** The size sessions are built at: the attaching terminal's, else DETACHED_SIZE. */
  size: { columns: number; rows: number };
  /** Names the env filter withheld: hidden from every pane of a session rune builds. */
  hide: string[];
  /**
   * Build through one tmux control client (watching every pane's output) where it works;
   * false when RUNE_TMUX_CONTROL is 0/off/no: then the planned calls run one by one and the
   * handshake watches pipe-pane files.
   */
  control: boolean;
}

/** Set to 0, off or no: never use a tmux control client (the older, slower path). */
export const CONTROL_ENV = "RUNE_TMUX_CONTROL";

export function decideTmuxWorld(f: TmuxWorldFacts): TmuxWorld {
  const socket = chooseSocket(f.flags, f.env, f.setting);
  const show = chooseAttach({
    detach: f.detach,
    terminal: f.terminal,
    parentEnv: f.env,
    socket,
    uid: f.uid,
  });
  const clientEnv = tmuxClientEnv(f.baseEnv);
  const callerEnv: Record<string, string> = {};
  for (const name of ["TMUX", "TMUX_PANE"]) {
    if (f.env[name] !== undefined) callerEnv[name] = f.env[name];
  }
  const t = show === "attach" ? f.terminalSize : undefined;
  // The status line takes a row; below 80x24 tmux soon has "no space for new pane".
  const size = t
    ? { columns: Math.max(80, t.columns), rows: Math.max(24, t.rows - 1) }
    : { ...DETACHED_SIZE };
  return {
    socket,
    socketArgs: ["-u", ...socketArgs(socket)],
    clientEnv,
    callerEnv,
    show,
    caller: !f.env.TMUX ? "outside" : insideServer(socket, f.env, f.uid) ? "inside" : "elsewhere",
    size,
    hide: hiddenNames(f.env, f.baseEnv),
    control: !/^(0|off|no|false)$/i.test(f.env[CONTROL_ENV] ?? ""),
  };
}

/** The filtered environment tmux clients run with: no TMUX/TMUX_PANE, the socket is explicit. */
export function tmuxClientEnv(baseEnv: Readonly<Record<string, string>>): Record<string, string> {
  const env = { ...baseEnv };
  delete env.TMUX;
  delete env.TMUX_PANE;
  return env;
}
