/**
 * What went wrong with the work-session store, as text a person can act on. node:sqlite throws
 * `Error`s whose message is SQLite's own (and sometimes an `errcode`); Deno throws its own
 * classes for the directory and permission checks. Each becomes one Issue whose problem says
 * what could not be done and what is true now, and whose hint says what to do.
 */
import { errorIssue, type Issue } from "../base/mod.ts";

export interface StoreErrorContext {
  /** "record the pause", "open the work-session store" */
  action: string;
  /** The database file. */
  path: string;
  /** How long SQLite waited for a lock before giving up. */
  busyTimeoutMs: number;
}

/** SQLite's primary result codes that a person can do something about. */
const SQLITE = {
  BUSY: 5,
  LOCKED: 6,
  READONLY: 8,
  IOERR: 10,
  CORRUPT: 11,
  FULL: 13,
  CANTOPEN: 14,
  NOTADB: 26,
};

export function storeIssue(error: unknown, context: StoreErrorContext): Issue {
  const { action, path } = context;
  const dir = path.replace(/\/[^/]*$/, "") || "/";
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { errcode?: number } | null)?.errcode;
  const primary = typeof code === "number" ? code & 0xff : undefined;
  const is = (c: number, text: RegExp) => primary === c || text.test(message);

  if (error instanceof Deno.errors.NotCapable) {
    return errorIssue(
      "store-permission",
      `Cannot ${action}: rune may not read and write "${dir}"`,
      {
        hint:
          `Allow it: --allow-read=${dir} --allow-write=${dir} (or add it to the permission set in deno.json)`,
      },
    );
  }
  if (error instanceof Deno.errors.PermissionDenied || /permission denied/i.test(message)) {
    return errorIssue("store-readonly", `Cannot ${action}: this user may not write in "${dir}"`, {
      hint: `Check its owner and mode with "ls -ld ${dir}"; rune wants it owned by you, mode 0700`,
    });
  }
  const osCode = (error as { code?: string } | null)?.code;
  if (osCode === "EROFS" || /read-only file system/i.test(message)) {
    return errorIssue(
      "store-readonly",
      `Cannot ${action}: "${dir}" is on a read-only file system`,
      {
        hint: "Point XDG_DATA_HOME at a writable disk, or remount this one read-write",
      },
    );
  }
  if (is(SQLITE.READONLY, /readonly database/i)) {
    return errorIssue("store-readonly", `Cannot ${action}: "${path}" is read-only`, {
      hint: `Make it writable: "chmod 600 ${path}" and "chmod 700 ${dir}"`,
    });
  }
  if (osCode === "ENOSPC" || is(SQLITE.FULL, /disk is full|no space left/i)) {
    return errorIssue("store-full", `Cannot ${action}: the disk holding "${path}" is full`, {
      hint: "Free some space on that disk and run the command again; nothing was recorded",
    });
  }
  if (is(SQLITE.BUSY, /database is locked/i) || is(SQLITE.LOCKED, /table is locked/i)) {
    const seconds = Math.round(context.busyTimeoutMs / 100) / 10;
    return errorIssue(
      "store-locked",
      `Cannot ${action}: another process has held the work-session store for over ${seconds} s`,
      { hint: `Run the command again once it finishes; "fuser ${path}" shows which process it is` },
    );
  }
  if (is(SQLITE.NOTADB, /not a database/i) || is(SQLITE.CORRUPT, /malformed/i)) {
    return errorIssue(
      "store-corrupt",
      `Cannot ${action}: "${path}" is damaged or not a rune store`,
      {
        hint:
          `Move it aside ("mv ${path} ${path}.bad") and keep the copy; rune then starts a new store`,
      },
    );
  }
  if (is(SQLITE.CANTOPEN, /unable to open database/i) || error instanceof Deno.errors.NotFound) {
    return errorIssue("store-unopenable", `Cannot ${action}: "${path}" cannot be opened`, {
      hint: `Check that "${dir}" exists and is a directory you can write`,
    });
  }
  if (is(SQLITE.IOERR, /disk i\/o error/i)) {
    return errorIssue(
      "store-io",
      `Cannot ${action}: reading or writing "${path}" failed (${message})`,
      {
        hint: "Check the disk (dmesg, df); run the command again once it is healthy",
      },
    );
  }
  return errorIssue("store-error", `Cannot ${action}: ${message}`, {
    hint: `Run "rune doctor" to check the store at "${path}"`,
  });
}
