/**
 * The checks on the share directories, for both sides (notes/tmux_share.md §7). /tmp is
 * world-writable: anyone can make `/tmp/rune-share-UID` first, or a socket where a guest
 * looks, and tmux's `-S` checks nothing (a planted socket would collect the guest's keys).
 * So the owner uses its base only when it is its own real directory that no one else may
 * write, and the guest connects only to a socket owned by the owner, in directories owned by
 * the owner, that no one else may write.
 * Needs --allow-read and --allow-write on the share root.
 */
import { failed } from "./errors.ts";
import type { ShareResult } from "./errors.ts";
import { SHARE_DIR_ENV } from "./paths.ts";

/** Why `info` may not be trusted as the owner's, or undefined when it may. */
function notTrusted(info: Deno.FileInfo, uid: number, kind: "dir" | "socket"): string | undefined {
  if (info.isSymlink) return "it is a symbolic link";
  if (kind === "dir" && !info.isDirectory) return "it is not a directory";
  if (kind === "socket" && !info.isSocket) return "it is not a socket";
  if (info.uid !== uid) return `it belongs to uid ${info.uid}, not ${uid}`;
  if (kind === "dir" && info.mode !== null && (info.mode & 0o022) !== 0) {
    return "others may write in it";
  }
  return undefined;
}

function lstat(path: string): Deno.FileInfo | Error {
  try {
    return Deno.lstatSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return e as Error;
  }
}

/**
 * The owner's base, made 0711 if missing, else checked: a real directory of the owner's that
 * no one else may write; 0711 so guests can pass through it (never list it).
 */
export function ensureBase(base: string, uid: number): ShareResult<void> {
  let info = lstat(base);
  if (info instanceof Deno.errors.NotFound) {
    try {
      Deno.mkdirSync(base, { mode: 0o711 });
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
      if (!(e instanceof Deno.errors.AlreadyExists)) {
        return fail(`cannot make the share directory "${base}": ${(e as Error).message}`);
      }
    }
    info = lstat(base);
  }
  if (info instanceof Error) {
    return fail(`cannot use the share directory "${base}": ${info.message}`);
  }
  const why = notTrusted(info, uid, "dir");
  if (why) {
    return {
      ok: false,
      error: failed(
        `cannot use the share directory "${base}": ${why}, so someone else may have made it ` +
          "to catch your share",
        `remove it (look inside first), or set ${SHARE_DIR_ENV} to a directory of your own`,
      ),
    };
  }
  // The umask may have taken x from others; 0711 exactly, whatever was there.
  if ((info.mode! & 0o777) !== 0o711) Deno.chmodSync(base, 0o711);
  return { ok: true, value: undefined };
}

function fail(problem: string): ShareResult<void> {
  return { ok: false, error: failed(problem) };
}

export type GuestView =
  | { kind: "reachable" }
  /** Nothing there: never shared, or ended. */
  | { kind: "absent"; path: string }
  /** There, but this user may not enter or connect. */
  | { kind: "denied"; path: string }
  /** Something there rune must not trust (planted, or the wrong owner). */
  | { kind: "untrusted"; path: string; why: string };

/**
 * What a guest finds on the way to the socket: base, share directory, socket, each owned by
 * `ownerUid` and (directories) not writable by others. EACCES tells "not shared with you"
 * from ENOENT "not shared, or ended".
 */
export function guestView(
  paths: { base: string; dir: string; socket: string },
  ownerUid: number,
): GuestView {
  const steps: [string, "dir" | "socket"][] = [
    [paths.base, "dir"],
    [paths.dir, "dir"],
    [paths.socket, "socket"],
  ];
  for (const [path, kind] of steps) {
    const info = lstat(path);
    if (info instanceof Deno.errors.NotFound) return { kind: "absent", path };
    if (info instanceof Deno.errors.PermissionDenied) return { kind: "denied", path };
    if (info instanceof Error) return { kind: "denied", path };
    const why = notTrusted(info, ownerUid, kind);
    if (why) return { kind: "untrusted", path, why };
  }
  return { kind: "reachable" };
}
