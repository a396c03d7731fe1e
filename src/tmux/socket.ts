/**
 * Which tmux server rune talks to. Pure. Order: --socket-path, --socket, RUNE_TMUX_SOCKET (a
 * path when it contains "/", else a name), settings.tmux.socket, the server of the pane rune
 * runs in ($TMUX), else tmux's default server.
 */

export interface SocketChoice {
  /** -S PATH */
  path?: string;
  /** -L NAME */
  name?: string;
}

export function chooseSocket(
  flags: SocketChoice | undefined,
  env: Readonly<Record<string, string | undefined>>,
  setting: string | undefined,
): SocketChoice {
  if (flags?.path) return { path: flags.path };
  if (flags?.name) return { name: flags.name };
  const fromEnv = env.RUNE_TMUX_SOCKET;
  if (fromEnv) return fromEnv.includes("/") ? { path: fromEnv } : { name: fromEnv };
  if (setting) return setting.includes("/") ? { path: setting } : { name: setting };
  const current = env.TMUX?.split(",")[0];
  if (current) return { path: current };
  return {};
}

/** The tmux global flags for a choice. */
export function socketArgs(choice: SocketChoice): string[] {
  if (choice.path) return ["-S", choice.path];
  if (choice.name) return ["-L", choice.name];
  return [];
}

/** The socket file a choice resolves to, as tmux computes it ($TMUX_TMPDIR/tmux-UID/NAME). */
export function socketPath(
  choice: SocketChoice,
  env: Readonly<Record<string, string | undefined>>,
  uid: number,
): string {
  if (choice.path) return choice.path;
  const dir = (env.TMUX_TMPDIR || "/tmp").replace(/\/+$/, "");
  return `${dir}/tmux-${uid}/${choice.name ?? "default"}`;
}

/** Whether rune runs inside a pane of the server `choice` names (then switch, not attach). */
export function insideServer(
  choice: SocketChoice,
  env: Readonly<Record<string, string | undefined>>,
  uid: number,
): boolean {
  const current = env.TMUX?.split(",")[0];
  return Boolean(current) && current === socketPath(choice, env, uid);
}

/** The command a person types to attach: socket flags included, quoted for a shell. */
export function attachCommand(choice: SocketChoice, session: string): string {
  const q = (s: string) =>
    /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
  return ["tmux", ...socketArgs(choice), "attach-session", "-t", `=${session}`].map(q).join(" ");
}
