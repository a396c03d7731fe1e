/**
 * Who a share is for: Unix user names checked before any of them reaches tmux or setfacl.
 * tmux format-expands `server-access`'s user argument (`#(cmd)` runs a command, and the
 * expanded name is then added WITH write access; notes/tmux_share.md §2), so a name must match
 * the portable user-name pattern, exist in the passwd database (`getent passwd`), and be
 * neither the owner (tmux refuses, and it is pointless) nor root (root can always connect).
 * Pure: the lookups arrive as data.
 */
import { visible } from "../base/mod.ts";
import { failed } from "./errors.ts";
import type { ShareError, ShareResult } from "./errors.ts";

/** POSIX-portable user names (plus `.`, which Debian allows), ≤ 32 characters, Samba's `$`. */
export const USER_NAME_PATTERN = /^[a-z_][a-z0-9_.-]{0,31}\$?$/;

/** One `getent passwd` line. */
export interface PasswdEntry {
  name: string;
  uid: number;
  gid: number;
  home: string;
}

/** `name:x:uid:gid:gecos:home:shell` → the entry; undefined for anything else. */
export function parsePasswd(line: string): PasswdEntry | undefined {
  const f = line.replace(/\n$/, "").split(":");
  if (f.length < 7 || !/^\d+$/.test(f[2]) || !/^\d+$/.test(f[3])) return undefined;
  return { name: f[0], uid: Number(f[2]), gid: Number(f[3]), home: f[5] };
}

/** Whether `name` may be given to tmux and setfacl at all (the pattern). */
export function isUserName(name: string): boolean {
  return USER_NAME_PATTERN.test(name);
}

/**
 * The guests, each found in the passwd database, or every problem at once (exit 2). `lookup`
 * holds what `getent passwd NAME` said for each name that matched the pattern.
 */
export function decideGuests(
  names: readonly string[],
  lookup: ReadonlyMap<string, PasswdEntry | undefined>,
  owner: PasswdEntry,
  what: string,
): ShareResult<PasswdEntry[]> {
  const problems: string[] = [];
  const guests: PasswdEntry[] = [];
  if (!names.length) {
    return {
      ok: false,
      error: failed(
        `cannot ${what}: no user was named`,
        "name each guest with --user USER",
        "usage",
      ),
    };
  }
  for (const name of new Set(names)) {
    const shown = `"${visible(name)}"`;
    if (!isUserName(name)) {
      problems.push(`${shown} is not a user name (letters a-z, digits, "_", "-", ".")`);
      continue;
    }
    const entry = lookup.get(name);
    if (!entry || entry.name !== name) {
      problems.push(`user ${shown} does not exist on this machine`);
    } else if (entry.uid === 0) {
      problems.push(`${shown} is root, who can always reach your tmux servers`);
    } else if (entry.uid === owner.uid) {
      problems.push(`${shown} is you`);
    } else {
      guests.push(entry);
    }
  }
  if (problems.length) {
    return {
      ok: false,
      error: failed(
        `cannot ${what}: ${problems.join("; ")}`,
        "give the login names of other users on this machine (getent passwd NAME)",
        "usage",
      ),
    };
  }
  return { ok: true, value: guests };
}

/** The error for an owner rune cannot name (no passwd entry for its own uid). */
export function ownerUnknown(uid: number, what: string): ShareError {
  return failed(
    `cannot ${what}: your uid ${uid} has no entry in the passwd database`,
    "check `getent passwd " + uid + "`; sharing names users by their login names",
  );
}
