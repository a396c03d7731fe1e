/**
 * The file-system gate in front of the share socket: who may enter the share directory and
 * connect (notes/tmux_share.md §1). tmux's own ACL (`server-access`) is the second lock; a
 * reachable socket also lets anyone try malformed messages on the server, so only the named
 * users may reach it at all. Pure: what the system has arrives as facts.
 *
 * - POSIX ACLs where `setfacl` exists: exact, per user, immediate, no root needed. The
 *   directory gets `u:G:--x` (enter, never list or write), the socket `u:G:rw-` (connect
 *   needs write). The socket's ACL must be set after the server made it (it is never made
 *   again: a new socket drops its ACL, and a default ACL on the directory does not help).
 * - Else a group whose members are exactly the guests (and perhaps the owner), that the owner
 *   may give files to (root, or a member): directory 0710, socket 0660, both of that group.
 *   A member's shells that were open before they joined the group do not have it yet.
 * - Else nothing fits: refuse, and say how to get setfacl or such a group.
 */
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import type { PasswdEntry } from "./users.ts";

export type Gate = { kind: "acl" } | { kind: "group"; group: string; gid: number };

/** One `getent group` line. */
export interface GroupEntry {
  name: string;
  gid: number;
  members: string[];
}

/** `name:x:gid:a,b` → the entry; undefined for anything else. */
export function parseGroup(line: string): GroupEntry | undefined {
  const f = line.replace(/\n$/, "").split(":");
  if (f.length < 4 || !/^\d+$/.test(f[2])) return undefined;
  return { name: f[0], gid: Number(f[2]), members: f[3] ? f[3].split(",").filter(Boolean) : [] };
}

export interface GateFacts {
  /** `setfacl` is on rune's PATH (and allowed to run). */
  setfacl: boolean;
  owner: PasswdEntry;
  guests: readonly PasswdEntry[];
  /** Every group (`getent group`); only read without setfacl. */
  groups: readonly GroupEntry[];
  /** Every user (`getent passwd`): whose primary group is which. Only read without setfacl. */
  users: readonly PasswdEntry[];
}

/** ACLs, else the one group that holds exactly the guests, else the refusal with the fix. */
export function chooseGate(f: GateFacts, session: string): ShareResult<Gate> {
  if (f.setfacl) return { ok: true, value: { kind: "acl" } };
  const allowed = new Set([f.owner.name, ...f.guests.map((g) => g.name)]);
  const fits = f.groups.filter((g) => {
    const members = new Set([
      ...g.members,
      ...f.users.filter((u) => u.gid === g.gid).map((u) => u.name),
    ]);
    const ownerMay = f.owner.uid === 0 || members.has(f.owner.name) || f.owner.gid === g.gid;
    return ownerMay && f.guests.every((u) => members.has(u.name)) &&
      [...members].every((m) => allowed.has(m));
  }).sort((a, b) => a.name.localeCompare(b.name));
  if (fits.length) {
    return { ok: true, value: { kind: "group", group: fits[0].name, gid: fits[0].gid } };
  }
  const names = f.guests.map((g) => g.name).join(" ");
  const group = `rune-share`;
  return {
    ok: false,
    error: failed(
      `cannot share "${session}" with ${names} only: setfacl is not installed, and no group ` +
        `holds exactly ${f.guests.length === 1 ? "that user" : "those users"} (and you)`,
      `install the "acl" package (Debian: apt-get install acl) and share again; or, as root, ` +
        `make such a group (groupadd ${group}; ` +
        `${f.guests.map((g) => `usermod -aG ${group} ${g.name}`).join("; ")}` +
        `${f.owner.uid === 0 ? "" : `; usermod -aG ${group} ${f.owner.name}`}), ` +
        `after which each of them must log in again`,
      "missing",
    ),
  };
}

/** The setfacl calls that let `guests` through: enter the directory, connect to the socket. */
export function aclGrantArgv(dir: string, socket: string, guests: readonly string[]): string[][] {
  if (!guests.length) return [];
  return [
    ["setfacl", "-m", guests.map((g) => `u:${g}:--x`).join(","), "--", dir],
    ["setfacl", "-m", guests.map((g) => `u:${g}:rw-`).join(","), "--", socket],
  ];
}

/** The setfacl calls that take `guests` off again: the socket first, then the directory. */
export function aclRevokeArgv(dir: string, socket: string, guests: readonly string[]): string[][] {
  if (!guests.length) return [];
  const entries = guests.map((g) => `u:${g}`).join(",");
  return [["setfacl", "-x", entries, "--", socket], ["setfacl", "-x", entries, "--", dir]];
}

/** Says what the gate is, for the person sharing. */
export function describeGate(gate: Gate, dir: string, guests: readonly string[]): string {
  const who = guests.length ? `you and ${guests.join(", ")}` : "only you";
  switch (gate.kind) {
    case "acl":
      return `${who} can enter ${dir}/ and reach its socket (POSIX ACLs, set with setfacl)`;
    case "group":
      return `${dir}/ and its socket belong to group "${gate.group}" (mode 0710 / 0660), ` +
        `which holds ${guests.join(", ")} and no one else but you: setfacl is not installed ` +
        "(a guest who joined that group after logging in must log in again)";
  }
}
