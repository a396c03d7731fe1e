/**
 * Where a shared session's socket lives (notes/tmux_share.md §7). Pure, apart from the hash.
 *
 *     ROOT/rune-share-<ownerUID>/          0711 owner: guests may pass through, not list it
 *     ROOT/rune-share-<ownerUID>/<slug>/   0700 owner, + `u:GUEST:--x` per guest (or a group)
 *     ROOT/rune-share-<ownerUID>/<slug>/sock  the share server's socket, + `u:GUEST:rw-`
 *
 * ROOT is /tmp, or RUNE_SHARE_DIR (tests; a machine whose /tmp is odd): owner and guest must
 * agree on it. The path is no secret (`/proc/PID/cmdline` shows it to everyone): the gate is
 * the directory's permissions and tmux's own ACL, never a random name.
 */
import { pathComponent, sha256Hex } from "../base/mod.ts";
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";

/** The environment variable naming the directory rune-share-UID is made in (default /tmp). */
export const SHARE_DIR_ENV = "RUNE_SHARE_DIR";

/** sun_path holds 108 bytes; 104 leaves room for the NUL and tmux's own checks (§7). */
export const SOCKET_PATH_MAX = 104;

/** Bytes of the readable part of a slug: the rest of the budget goes to the hash. */
const SLUG_READABLE_MAX = 40;

export interface SharePaths {
  /** ROOT/rune-share-UID */
  base: string;
  /** base/<slug>: one share. */
  dir: string;
  /** dir/sock */
  socket: string;
  /** dir/tmux.conf: the share server's own config. */
  conf: string;
  /** dir/share.json: what rune knows about the share (0600). */
  record: string;
}

/** ROOT: RUNE_SHARE_DIR when it is an absolute path, else /tmp. */
export function shareRoot(env: Readonly<Record<string, string | undefined>>): string {
  const given = env[SHARE_DIR_ENV];
  return given && given.startsWith("/") ? given.replace(/\/+$/, "") || "/" : "/tmp";
}

/** The owner's directory of shares. */
export function shareBase(env: Readonly<Record<string, string | undefined>>, uid: number): string {
  return `${shareRoot(env)}/rune-share-${uid}`;
}

/**
 * One path component for a session name: its safe characters (pathComponent, then ASCII
 * letters, digits, `_` and `-` only), at most 40 bytes, then `-` and 8 hex digits of the
 * name's SHA-256, so `a/b` and `a_b` never share a directory.
 */
export async function shareSlug(session: string): Promise<string> {
  const readable = pathComponent(session, "session").replace(/[^A-Za-z0-9_-]+/g, "_")
    .slice(0, SLUG_READABLE_MAX);
  return `${readable}-${(await sha256Hex(session)).slice(0, 8)}`;
}

/** The paths of `session`'s share; an error when the socket path would be too long. */
export async function sharePaths(
  env: Readonly<Record<string, string | undefined>>,
  uid: number,
  session: string,
): Promise<ShareResult<SharePaths>> {
  const base = shareBase(env, uid);
  return pathsIn(base, await shareSlug(session));
}

/** The paths of the share in `base/slug`. */
export function pathsIn(
  base: string,
  slug: string,
): ShareResult<SharePaths> {
  const dir = `${base}/${slug}`;
  const socket = `${dir}/sock`;
  const bytes = new TextEncoder().encode(socket).length;
  if (bytes > SOCKET_PATH_MAX) {
    return {
      ok: false,
      error: failed(
        `cannot place the share socket "${socket}": it is ${bytes} bytes long, and a Unix ` +
          `socket path may have at most ${SOCKET_PATH_MAX}`,
        `set ${SHARE_DIR_ENV} to a shorter directory (the default is /tmp), for owner and guests`,
        "usage",
      ),
    };
  }
  return {
    ok: true,
    value: { base, dir, socket, conf: `${dir}/tmux.conf`, record: `${dir}/share.json` },
  };
}
