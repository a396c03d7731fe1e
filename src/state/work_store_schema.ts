/**
 * The work-session store's schema, its forward migrations, and the invariants `rune doctor`
 * checks. The version lives in SQLite's own `PRAGMA user_version`, so reading it costs no
 * query against a table, and a migration and its version bump commit together.
 *
 * Migrations are append-only: a released entry is never edited, a change is a new entry.
 */
import type { DatabaseSync } from "node:sqlite";

/**
 * 1: sessions and their pauses. At most one open session (a partial unique index, so even a
 *    writer that skipped the transaction could not open two), at most one open pause per
 *    session, and a unique `key` per session so imports are idempotent.
 * 2: what importers carry over: tags (JSON array) and a note.
 */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE sessions (
     id       INTEGER PRIMARY KEY,
     key      TEXT    NOT NULL UNIQUE,
     project  TEXT    NOT NULL CHECK (project <> ''),
     start_ms INTEGER NOT NULL,
     end_ms   INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms)
   ) STRICT;
   CREATE UNIQUE INDEX one_open_session ON sessions ((1)) WHERE end_ms IS NULL;
   CREATE INDEX sessions_by_start ON sessions (start_ms);
   CREATE INDEX sessions_by_end ON sessions (end_ms);
   CREATE TABLE pauses (
     id         INTEGER PRIMARY KEY,
     session_id INTEGER NOT NULL REFERENCES sessions (id) ON DELETE CASCADE,
     start_ms   INTEGER NOT NULL,
     end_ms     INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms)
   ) STRICT;
   CREATE INDEX pauses_by_session ON pauses (session_id, start_ms);
   CREATE UNIQUE INDEX one_open_pause ON pauses (session_id) WHERE end_ms IS NULL;`,
  `ALTER TABLE sessions ADD COLUMN tags TEXT;
   ALTER TABLE sessions ADD COLUMN note TEXT;`,
];

export const LATEST_SCHEMA = MIGRATIONS.length;

export function schemaVersion(db: DatabaseSync): number {
  const row = db.prepare("PRAGMA user_version").get() as { user_version: number };
  return row.user_version;
}

export type MigrationOutcome =
  | { kind: "current"; version: number }
  | { kind: "migrated"; from: number; to: number }
  | { kind: "newer"; version: number };

/**
 * Brings the schema up to `target` (the latest by default) in one IMMEDIATE transaction, so
 * twenty processes opening a new store at once migrate it once. Throws SQLite's errors.
 */
export function migrate(db: DatabaseSync, target = LATEST_SCHEMA): MigrationOutcome {
  const seen = schemaVersion(db);
  if (seen === target) return { kind: "current", version: seen };
  if (seen > target) return { kind: "newer", version: seen };
  db.exec("BEGIN IMMEDIATE");
  try {
    const from = schemaVersion(db);
    if (from >= target) {
      db.exec("COMMIT");
      return from === target
        ? { kind: "current", version: from }
        : { kind: "newer", version: from };
    }
    for (let v = from; v < target; v++) db.exec(MIGRATIONS[v]);
    db.exec(`PRAGMA user_version = ${target}`);
    db.exec("COMMIT");
    return { kind: "migrated", from, to: target };
  } catch (e) {
    if (db.isTransaction) db.exec("ROLLBACK");
    throw e;
  }
}

/** Quick invariants beyond SQLite's own integrity check: each query counts offending rows. */
export const INVARIANTS: readonly { what: string; sql: string }[] = [
  {
    what: "more than one session is open",
    sql:
      "SELECT CASE WHEN COUNT(*) > 1 THEN COUNT(*) ELSE 0 END AS n FROM sessions WHERE end_ms IS NULL",
  },
  {
    what: "a session has more than one open pause",
    sql: `SELECT COUNT(*) AS n FROM (SELECT session_id FROM pauses WHERE end_ms IS NULL
          GROUP BY session_id HAVING COUNT(*) > 1)`,
  },
  {
    what: "a stopped session has an open pause",
    sql: `SELECT COUNT(*) AS n FROM pauses p JOIN sessions s ON s.id = p.session_id
          WHERE p.end_ms IS NULL AND s.end_ms IS NOT NULL`,
  },
  {
    what: "a pause lies outside its session",
    sql: `SELECT COUNT(*) AS n FROM pauses p JOIN sessions s ON s.id = p.session_id
          WHERE p.start_ms < s.start_ms OR (s.end_ms IS NOT NULL AND
                (p.start_ms > s.end_ms OR p.end_ms > s.end_ms))`,
  },
  {
    what: "two pauses of a session overlap",
    sql: `SELECT COUNT(*) AS n FROM pauses a JOIN pauses b
          ON a.session_id = b.session_id AND a.id < b.id
          WHERE a.start_ms < COALESCE(b.end_ms, 9e15) AND b.start_ms < COALESCE(a.end_ms, 9e15)
            AND NOT (a.start_ms = a.end_ms OR b.start_ms = b.end_ms)`,
  },
];
