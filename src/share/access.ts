/**
 * tmux's side of a share (tmux ≥ 3.3): the server's ACL (`server-access`) and who is attached
 * (`list-clients`). Argv builders and parsers of real 3.3a output. Pure.
 *
 * ⚠ `server-access -a USER` alone grants WRITE: rune always says `-r` or `-w`. `-r`/`-w` on a
 * user already listed change that user's attached clients at once; `-d` detaches every client
 * of that uid at once (control-mode and command clients too) and refuses them from then on.
 */
export type Access = "read-only" | "write";

export interface AccessEntry {
  user: string;
  access: Access;
}

/** `server-access -l`: "alice (R)" lines. The owner (listed on a non-root owner's server) is dropped. */
export function parseServerAccess(text: string, owner: string): AccessEntry[] {
  const out: AccessEntry[] = [];
  for (const line of text.split("\n")) {
    const m = line.match(/^(\S+) \(([RW])\)$/);
    if (!m || m[1] === owner) continue;
    out.push({ user: m[1], access: m[2] === "W" ? "write" : "read-only" });
  }
  return out;
}

/** The tmux command that grants `user` (new on the list, or already there). Never `-a` alone. */
export function grantCommand(user: string, access: Access, listed: boolean): string[] {
  const flag = access === "write" ? "-w" : "-r";
  return listed ? ["server-access", flag, user] : ["server-access", "-a", flag, user];
}

export function revokeCommand(user: string): string[] {
  return ["server-access", "-d", user];
}

export interface ClientInfo {
  uid: number;
  user: string;
  readonly: boolean;
  /** A control-mode client: on tmux 3.3 it runs any command as the owner (trust model). */
  control: boolean;
  /** The tty ("/dev/pts/4"), or "client-PID" for a control-mode client. */
  name: string;
  session: string;
  /** Unix seconds. */
  created: number;
}

/** Prefix of list-clients lines, so they can share one call with `server-access -l`. */
const CLIENT_MARK = "C";

/** 3.3a has no `list-clients -f`: every client is listed, and rune filters by uid. */
export const CLIENT_FORMAT = [
  CLIENT_MARK,
  "#{client_uid}",
  "#{client_readonly}",
  "#{client_control_mode}",
  "#{client_created}",
  "#{client_user}",
  "#{client_name}",
  "#{session_name}",
].join("\t");

export function listClientsCommand(): string[] {
  return ["list-clients", "-F", CLIENT_FORMAT];
}

/** The client lines of a call's output; other lines (server-access -l's) are ignored. */
export function parseClients(text: string): ClientInfo[] {
  const out: ClientInfo[] = [];
  for (const line of text.split("\n")) {
    const f = line.split("\t");
    if (f[0] !== CLIENT_MARK || f.length < 8 || !/^\d+$/.test(f[1])) continue;
    out.push({
      uid: Number(f[1]),
      readonly: f[2] === "1",
      control: f[3] === "1",
      created: Number(f[4]),
      user: f[5],
      name: f[6],
      // A session name may hold a tab: it is the last field.
      session: f.slice(7).join("\t"),
    });
  }
  return out;
}

/**
 * The mark in the share server's status line (`#{@rune-share}`): write access stands out.
 * User names are checked names (no `#`), and an option's value is never format-expanded again.
 */
export function shareMark(entries: readonly AccessEntry[]): string {
  if (!entries.length) return "shared with nobody yet";
  const write = entries.filter((e) => e.access === "write").map((e) => e.user);
  const read = entries.filter((e) => e.access === "read-only").map((e) => e.user);
  const parts = [
    ...(write.length ? [`SHARED WITH WRITE ACCESS: ${write.join(", ")}`] : []),
    ...(read.length ? [`read-only: ${read.join(", ")}`] : []),
  ];
  return parts.join(" · ");
}

/** The share server's status line: the mark, reversed, before the clock. */
export const STATUS_RIGHT = "#[reverse] #{@rune-share} #[default] %H:%M";
export const MARK_OPTION = "@rune-share";
