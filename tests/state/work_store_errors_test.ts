import { deepStrictEqual } from "node:assert/strict";
import { storeIssue } from "../../src/state/work_store_errors.ts";

const PATH = "/home/u/.local/share/rune/work_sessions.db";
const DIR = "/home/u/.local/share/rune";
const context = { action: "record the pause", path: PATH, busyTimeoutMs: 5000 };

/** The errors as node:sqlite and Deno really threw them here (messages copied from real runs). */
function sqliteError(message: string, errcode?: number): Error {
  return Object.assign(
    new Error(message),
    { code: "ERR_SQLITE_ERROR" },
    errcode ? { errcode } : {},
  );
}
function osError(message: string, code: string): Error {
  return Object.assign(new Error(message), { code });
}

Deno.test("storeIssue() turns each store failure into a problem and a next step", async (t) => {
  const cases: { name: string; error: unknown; want: [string, string, string] }[] = [
    {
      name: "another writer holds the lock past busy_timeout",
      error: sqliteError("database is locked"),
      want: [
        "store-locked",
        "Cannot record the pause: another process has held the work-session store for over 5 s",
        `Run the command again once it finishes; "fuser ${PATH}" shows which process it is`,
      ],
    },
    {
      name: "the disk is full (SQLite)",
      error: sqliteError("database or disk is full"),
      want: [
        "store-full",
        `Cannot record the pause: the disk holding "${PATH}" is full`,
        "Free some space on that disk and run the command again; nothing was recorded",
      ],
    },
    {
      name: "the disk is full (creating the file)",
      error: osError(`No space left on device (os error 28): open '${PATH}'`, "ENOSPC"),
      want: [
        "store-full",
        `Cannot record the pause: the disk holding "${PATH}" is full`,
        "Free some space on that disk and run the command again; nothing was recorded",
      ],
    },
    {
      name: "a read-only file system",
      error: osError(`Read-only file system (os error 30): mkdir '${DIR}'`, "EROFS"),
      want: [
        "store-readonly",
        `Cannot record the pause: "${DIR}" is on a read-only file system`,
        "Point XDG_DATA_HOME at a writable disk, or remount this one read-write",
      ],
    },
    {
      name: "a read-only database file",
      error: sqliteError("attempt to write a readonly database"),
      want: [
        "store-readonly",
        `Cannot record the pause: "${PATH}" is read-only`,
        `Make it writable: "chmod 600 ${PATH}" and "chmod 700 ${DIR}"`,
      ],
    },
    {
      name: "a directory this user may not write",
      error: new Deno.errors.PermissionDenied(`Permission denied (os error 13): mkdir '${DIR}'`),
      want: [
        "store-readonly",
        `Cannot record the pause: this user may not write in "${DIR}"`,
        `Check its owner and mode with "ls -ld ${DIR}"; rune wants it owned by you, mode 0700`,
      ],
    },
    {
      name: "Deno's permission is missing",
      error: new Deno.errors.NotCapable(`Requires write access to "${DIR}"`),
      want: [
        "store-permission",
        `Cannot record the pause: rune may not read and write "${DIR}"`,
        `Allow it: --allow-read=${DIR} --allow-write=${DIR} (or add it to the permission set in deno.json)`,
      ],
    },
    {
      name: "not a database",
      error: sqliteError("file is not a database", 26),
      want: [
        "store-corrupt",
        `Cannot record the pause: "${PATH}" is damaged or not a rune store`,
        `Move it aside ("mv ${PATH} ${PATH}.bad") and keep the copy; rune then starts a new store`,
      ],
    },
    {
      name: "an extended result code counts by its primary code (SQLITE_IOERR_FSYNC)",
      error: sqliteError("disk I/O error", 10 | (4 << 8)),
      want: [
        "store-io",
        `Cannot record the pause: reading or writing "${PATH}" failed (disk I/O error)`,
        "Check the disk (dmesg, df); run the command again once it is healthy",
      ],
    },
    {
      name: "cannot open",
      error: sqliteError(`unable to open database file: ${PATH}`),
      want: [
        "store-unopenable",
        `Cannot record the pause: "${PATH}" cannot be opened`,
        `Check that "${DIR}" exists and is a directory you can write`,
      ],
    },
    {
      name: "anything else keeps SQLite's words",
      error: sqliteError("no such table: sessions"),
      want: [
        "store-error",
        "Cannot record the pause: no such table: sessions",
        `Run "rune doctor" to check the store at "${PATH}"`,
      ],
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const issue = storeIssue(c.error, context);
      deepStrictEqual([issue.code, issue.problem, issue.hint], c.want);
    });
  }
});
