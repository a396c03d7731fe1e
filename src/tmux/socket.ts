/**
 * Which tmux server rune talks to. Pure. Order: --socket-path, --socket, RUNE_TMUX_SOCKET (a
 * path when it contains "/", else a name), settings.tmux.socket, the server of the pane rune
 * runs in ($TMUX), else tmux's default server.
 */
import { shellQuote } from "../shell/mod.ts";

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
  return tmuxCommandText(socketArgs(choice), ["attach-session", "-t", `=${session}`]);
}

/** `tmux SOCKET… ARGS…` as a person would type it, quoted for a shell. */
export function tmuxCommandText(socket: readonly string[], args: readonly string[]): string {
  // `-u` is for rune's own parsing of tmux output; a person's terminal speaks its own locale.
  const shown = socket.filter((a) => a !== "-u");
  return ["tmux", ...shown, ...args].map(shellQuote).join(" ");
}

export type AttachMode = "print" | "switch" | "elsewhere" | "attach";

/**
 * How to show a session once it is built. Pure.
 * - "print": --detach, or no terminal: leave it detached, print the attach command.
 * - "switch": rune runs in a pane of that same server: switch-client (never nest tmux).
 * - "elsewhere": rune runs inside ANOTHER tmux server: attaching would nest; print instead.
 * - "attach": outside tmux with a terminal: attach-session.
 */
export function chooseAttach(facts: {
  detach: boolean;
  terminal: { stdin: boolean; stdout: boolean };
  parentEnv: Readonly<Record<string, string | undefined>>;
  socket: SocketChoice;
  uid: number;
}): AttachMode {
  if (facts.detach || !facts.terminal.stdin || !facts.terminal.stdout) return "print";
  if (facts.parentEnv.TMUX) {
    return insideServer(facts.socket, facts.parentEnv, facts.uid) ? "switch" : "elsewhere";
  }
  return "attach";
}
