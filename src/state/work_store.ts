/**
 * The work-session store: one SQLite file (node:sqlite, built into Deno) under
 * $XDG_DATA_HOME/rune, which the caller passes as `dir`. What must never be lost lives here.
 *
 * - File 0600 (created so before SQLite opens it; SQLite gives -wal and -shm the same mode),
 *   directory 0700. Needs --allow-read and --allow-write on the directory, nothing else.
 * - WAL, so `rune status` reads while another process writes; `busy_timeout`, so writers wait
 *   for each other instead of failing; `synchronous=FULL`, so a commit survives a power cut.
 * - Every change runs in `BEGIN IMMEDIATE … COMMIT`: the write lock is taken before the open
 *   session is read, so the rules (`applyEvent`) see the state they change, and two concurrent
 *   `rune start` cannot both see "nothing open". A partial unique index backs this up.
 * - An event without an explicit time takes the clock inside the transaction, after the lock:
 *   a time read before waiting could be earlier than what the previous writer just recorded.
 *
 * - Reads run in one (deferred) transaction too, so the open session and its pauses come from
 *   the same snapshot even while another process writes.
 *
 * Opening is on the `rune status` prompt path: a mkdir, an open, four pragmas and one
 * `user_version` read when the schema is current.
 */
import { DatabaseSync } from "node:sqlite";
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";
import {
  applyEvent,
  type TrackingEvent,
  type TrackingState,
  trackingState,
  type WorkSession,
} from "../tracking/mod.ts";
import { LATEST_SCHEMA, migrate } from "./work_store_schema.ts";
import { storeIssue } from "./work_store_errors.ts";
import { checkStore, type StoreHealth } from "./work_store_check.ts";
import { closeImported, type ImportClose, importInto } from "./work_store_import.ts";
import type { ImportCounts, ImportRecord } from "./work_store_import.ts";
import {
  allAsArrays,
  type PauseRow,
  readBetween,
  rowsToSessions,
  SESSION_COLUMNS,
  type SessionRow,
} from "./work_store_rows.ts";

export const WORK_STORE_FILE = "work_sessions.db";

export interface StoreOptions {
  /** The clock; Date.now by default. */
  now?: () => number;
  /** How long to wait for another process's write lock; 5000 ms by default. */
  busyTimeoutMs?: number;
  /** Zone for the times quoted in refusals; the system's when absent. */
  timeZone?: string;
}

export interface ReadOptions {
  /** Key, tags and note too (the default); false leaves them out, a third of a month's read. */
  details?: boolean;
}

export type StartOutcome =
  | { kind: "started"; session: WorkSession }
  /** Another session is open: nothing was changed. The caller may stop it and try again. */
  | { kind: "refused"; open: WorkSession };

export function workStorePath(dir: string): string {
  return `${dir.replace(/\/+$/, "")}/${WORK_STORE_FILE}`;
}

/** Opens (creating and migrating when needed) the store in `dir`. */
export function openStore(dir: string, options: StoreOptions = {}): Result<WorkStore, Issue> {
  const path = workStorePath(dir);
  const busyTimeoutMs = options.busyTimeoutMs ?? 5000;
  const fail = (e: unknown) =>
    err(storeIssue(e, { action: "open the work-session store", path, busyTimeoutMs }));
  let db: DatabaseSync | undefined;
  try {
    Deno.mkdirSync(dir, { recursive: true, mode: 0o700 });
    try {
      Deno.openSync(path, { createNew: true, write: true, mode: 0o600 }).close();
    } catch (e) {
      if (!(e instanceof Deno.errors.AlreadyExists)) throw e;
    }
    db = new DatabaseSync(path);
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
    db.exec("PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON");
    const schema = migrate(db);
    if (schema.kind === "newer") {
      db.close();
      return err(errorIssue(
        "store-newer",
        `Cannot open the work-session store: "${path}" has schema ${schema.version}, and this rune knows up to ${LATEST_SCHEMA}`,
        { hint: "Upgrade rune; the store was written by a newer version and is left untouched" },
      ));
    }
    return ok(new WorkStore(db, { path, busyTimeoutMs, ...options }));
  } catch (e) {
    if (db?.isOpen) db.close();
    return fail(e);
  }
}

export class WorkStore {
  readonly path: string;
  #db: DatabaseSync;
  #now: () => number;
  #busyTimeoutMs: number;
  #timeZone?: string;

  constructor(
    db: DatabaseSync,
    options: StoreOptions & { path: string; busyTimeoutMs: number },
  ) {
    this.#db = db;
    this.path = options.path;
    this.#now = options.now ?? Date.now;
    this.#busyTimeoutMs = options.busyTimeoutMs;
    this.#timeZone = options.timeZone;
  }

  /** The open session, if any. */
  currentSession(): Result<WorkSession | undefined, Issue> {
    return this.#read("read the current session", () => this.#open()?.session);
  }

  /** The open session and the last closed one, from one snapshot: what `applyEvent` checks. */
  state(): Result<TrackingState, Issue> {
    return this.#read("read the tracking state", () => {
      const open = this.#open()?.session;
      return open ? trackingState(open) : trackingState(undefined, this.#lastClosed());
    });
  }

  /** Every stored session key: what an importer has brought in before. */
  keys(): Result<Set<string>, Issue> {
    return this.#read("read the session keys", () => {
      const rows = allAsArrays<[string]>(this.#db.prepare("SELECT key FROM sessions"));
      return new Set(rows.map((r) => r[0]));
    });
  }

  /** Opens a session on `project`, unless one is open: then says which, changing nothing. */
  start(project: string, at?: number): Result<StartOutcome, Issue> {
    return this.#write<StartOutcome>(`start "${project}"`, () => {
      const open = this.#open();
      if (open) return ok({ kind: "refused", open: open.session });
      const now = this.#now();
      const state = trackingState(undefined, this.#lastClosed());
      const event = { kind: "start" as const, project, at: Math.round(at ?? now) };
      const next = applyEvent(state, event, this.#rules(now));
      if (!next.ok) return next;
      if (next.value.kind !== "running") throw new Error("start did not open a session");
      const session = { ...next.value.session, id: `rune:${crypto.randomUUID()}` };
      this.#db.prepare("INSERT INTO sessions (key, project, start_ms) VALUES (?, ?, ?)")
        .run(session.id, session.project, session.start);
      return ok({ kind: "started", session });
    });
  }

  pause(at?: number): Result<WorkSession, Issue> {
    return this.#event("pause", at);
  }

  resume(at?: number): Result<WorkSession, Issue> {
    return this.#event("resume", at);
  }

  /** Closes the open session (and its pause, if paused). */
  stop(at?: number): Result<WorkSession, Issue> {
    return this.#event("stop", at);
  }

  /**
   * Sessions overlapping [from, to), open ones included, by start (`readBetween`).
   * `details: false` leaves out key, tags and note, which text and CSV reports never show.
   */
  sessionsBetween(
    from: number,
    to: number,
    options: ReadOptions = {},
  ): Result<WorkSession[], Issue> {
    return this.#read("read the sessions", () => readBetween(this.#db, from, to, options));
  }

  /** Adds an importer's records (a stored key is skipped) and closes what `close` names. */
  importRecords(records: readonly ImportRecord[], close: readonly ImportClose[] = []) {
    return this.#write<ImportCounts>("import the sessions", () => {
      const closed = closeImported(this.#db, close, this.#now());
      const added = importInto(this.#db, records, this.#now());
      return ok({
        ...added,
        closed: closed.closed,
        rejected: [...closed.rejected, ...added.rejected],
      });
    });
  }

  /** SQLite's integrity check and the store's own invariants, for `rune doctor`. */
  check(): StoreHealth {
    try {
      return checkStore(this.#db, this.path);
    } catch (e) {
      const issue = storeIssue(e, this.#context("check the work-session store"));
      return { ok: false, path: this.path, schemaVersion: -1, sessions: 0, issues: [issue] };
    }
  }

  close(): void {
    if (this.#db.isOpen) this.#db.close();
  }

  #event(kind: "pause" | "resume" | "stop", at?: number): Result<WorkSession, Issue> {
    return this.#write(`record the ${kind}`, () => {
      const now = this.#now();
      const open = this.#open();
      const event = { kind, at: Math.round(at ?? now) } as TrackingEvent;
      const next = applyEvent(trackingState(open?.session), event, this.#rules(now));
      if (!next.ok) return next;
      const id = open!.rowId;
      const t = event.at;
      if (kind === "pause") {
        this.#db.prepare("INSERT INTO pauses (session_id, start_ms) VALUES (?, ?)").run(id, t);
      } else {
        this.#db.prepare("UPDATE pauses SET end_ms = ? WHERE session_id = ? AND end_ms IS NULL")
          .run(t, id);
      }
      if (kind === "stop") {
        this.#db.prepare("UPDATE sessions SET end_ms = ? WHERE id = ?").run(t, id);
      }
      const value = next.value;
      return ok(value.kind === "idle" ? value.last! : value.session);
    });
  }

  #rules(now: number) {
    return { now, timeZone: this.#timeZone };
  }

  #open(): { rowId: number; session: WorkSession } | undefined {
    const rows = allAsArrays<SessionRow>(
      this.#db.prepare(`SELECT ${SESSION_COLUMNS} FROM sessions WHERE end_ms IS NULL`),
    );
    if (rows.length === 0) return undefined;
    const pauses = allAsArrays<PauseRow>(
      this.#db.prepare(
        "SELECT session_id, start_ms, end_ms FROM pauses WHERE session_id = ? ORDER BY start_ms, id",
      ),
      rows[0][0],
    );
    return rowsToSessions(rows.slice(0, 1), pauses)[0];
  }

  /** The session that ended last: a new start may not precede its end. Pauses not needed. */
  #lastClosed(): WorkSession | undefined {
    const rows = allAsArrays<SessionRow>(this.#db.prepare(
      `SELECT ${SESSION_COLUMNS} FROM sessions WHERE end_ms IS NOT NULL ORDER BY end_ms DESC LIMIT 1`,
    ));
    return rows.length ? rowsToSessions(rows, [])[0].session : undefined;
  }

  #context(action: string) {
    return { action, path: this.path, busyTimeoutMs: this.#busyTimeoutMs };
  }

  /** One read snapshot: every statement in `fn` sees the same committed state. */
  #read<T>(action: string, fn: () => T): Result<T, Issue> {
    try {
      this.#db.exec("BEGIN");
      const value = fn();
      this.#db.exec("COMMIT");
      return ok(value);
    } catch (e) {
      if (this.#db.isOpen && this.#db.isTransaction) this.#db.exec("ROLLBACK");
      return err(storeIssue(e, this.#context(action)));
    }
  }

  /** One IMMEDIATE transaction: committed when `fn` returns ok, rolled back otherwise. */
  #write<T>(action: string, fn: () => Result<T, Issue>): Result<T, Issue> {
    try {
      this.#db.exec("BEGIN IMMEDIATE");
      const result = fn();
      this.#db.exec(result.ok ? "COMMIT" : "ROLLBACK");
      return result;
    } catch (e) {
      if (this.#db.isOpen && this.#db.isTransaction) this.#db.exec("ROLLBACK");
      if (e instanceof Error && /one_open_session/.test(e.message)) {
        return err(errorIssue("session-open", `Cannot ${action}: another session is already open`, {
          hint: 'See it with "rune status"; stop it with "rune stop"',
        }));
      }
      return err(storeIssue(e, this.#context(action)));
    }
  }
}

export type { ImportClose, ImportCounts, ImportRecord, StoreHealth };
