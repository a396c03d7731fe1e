/**
 * History brought in by the importers (Go Rune's bbolt file, Watson frames, Timewarrior
 * intervals). Idempotent by a stable key the importer derives from its source
 * ("watson:<frame id>", "rune-go:<session id>", "timew:<start>"): the key is UNIQUE in the
 * table, so a second run adds nothing and says so. Runs inside the caller's transaction: an
 * import is added whole or not at all.
 */
import type { DatabaseSync } from "node:sqlite";
import type { Pause } from "../tracking/mod.ts";

export interface ImportRecord {
  /** Stable across runs; the same source record always gives the same key. */
  key: string;
  project: string;
  start: number;
  /** Absent for an interval still being tracked (Timewarrior's open interval). */
  end?: number;
  pauses?: Pause[];
  tags?: string[];
  note?: string;
}

/** An open session an earlier import stored, and the closed record the source has now. */
export interface ImportClose {
  /** The stored session's key (Watson's running frame: "watson:running@…"). */
  key: string;
  /** The closed session; its key replaces the stored one, so the next import skips it. */
  record: ImportRecord;
}

export interface ImportCounts {
  read: number;
  added: number;
  /** Stored open sessions that were closed (`ImportClose`). */
  closed: number;
  /** Already in the store (an earlier run, or twice in this one). */
  duplicates: number;
  rejected: { key: string; reason: string }[];
}

/** Why a record cannot be stored, or undefined when it can. Pure. */
export function recordProblem(r: ImportRecord, now: number): string | undefined {
  if (typeof r.key !== "string" || r.key === "") return "it has no key";
  if (typeof r.project !== "string" || r.project.trim() === "") return "the project name is empty";
  if (!Number.isFinite(r.start)) return "it has no start time";
  if (r.end !== undefined && !Number.isFinite(r.end)) return "its end time is not a time";
  if (r.end !== undefined && r.end < r.start) return "it ends before it starts";
  if (Math.max(r.start, r.end ?? r.start) > now) return "it lies in the future";
  let after = r.start;
  const pauses = r.pauses ?? [];
  for (const [i, p] of pauses.entries()) {
    const open = p.end === undefined;
    if (open && (i < pauses.length - 1 || r.end !== undefined)) return "a pause has no end";
    if (p.start < after || (!open && p.end! < p.start)) {
      return "its pauses overlap or are out of order";
    }
    if (r.end !== undefined && (p.end ?? p.start) > r.end) {
      return "a pause lies outside the session";
    }
    after = p.end ?? p.start;
  }
  return undefined;
}

export function importInto(
  db: DatabaseSync,
  records: readonly ImportRecord[],
  now: number,
): ImportCounts {
  const counts: ImportCounts = {
    read: records.length,
    added: 0,
    closed: 0,
    duplicates: 0,
    rejected: [],
  };
  const insert = db.prepare(
    `INSERT INTO sessions (key, project, start_ms, end_ms, tags, note) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO NOTHING`,
  );
  const insertPause = db.prepare(
    "INSERT INTO pauses (session_id, start_ms, end_ms) VALUES (?, ?, ?)",
  );
  for (const r of records) {
    const problem = recordProblem(r, now);
    if (problem) {
      counts.rejected.push({ key: String(r.key), reason: problem });
      continue;
    }
    let result;
    try {
      result = insert.run(
        r.key,
        r.project.trim(),
        Math.round(r.start),
        r.end === undefined ? null : Math.round(r.end),
        r.tags?.length ? JSON.stringify(r.tags) : null,
        r.note ?? null,
      );
    } catch (e) {
      if (!(e instanceof Error && /one_open_session/.test(e.message))) throw e;
      counts.rejected.push({ key: r.key, reason: "it is still open, and another session is open" });
      continue;
    }
    if (result.changes === 0) {
      counts.duplicates++;
      continue;
    }
    for (const p of r.pauses ?? []) {
      insertPause.run(
        result.lastInsertRowid,
        Math.round(p.start),
        p.end === undefined ? null : Math.round(p.end),
      );
    }
    counts.added++;
  }
  return counts;
}

/**
 * Ends stored open sessions with the closed records that match them: end time, pauses, tags
 * and note from the record, and the record's key. A session that is no longer open (closed
 * since the plan was made) is left alone and reported.
 */
export function closeImported(
  db: DatabaseSync,
  close: readonly ImportClose[],
  now: number,
): Pick<ImportCounts, "closed" | "rejected"> {
  const out: Pick<ImportCounts, "closed" | "rejected"> = { closed: 0, rejected: [] };
  const find = db.prepare("SELECT id FROM sessions WHERE key = ? AND end_ms IS NULL");
  const update = db.prepare(
    "UPDATE sessions SET key = ?, end_ms = ?, tags = ?, note = ? WHERE id = ?",
  );
  const dropPauses = db.prepare("DELETE FROM pauses WHERE session_id = ?");
  const insertPause = db.prepare(
    "INSERT INTO pauses (session_id, start_ms, end_ms) VALUES (?, ?, ?)",
  );
  for (const { key, record: r } of close) {
    const problem = r.end === undefined ? "it is still open" : recordProblem(r, now);
    const row = find.get(key) as { id: number } | undefined;
    if (problem || !row) {
      out.rejected.push({ key: r.key, reason: problem ?? "the session it closes is not open" });
      continue;
    }
    dropPauses.run(row.id);
    for (const p of r.pauses ?? []) {
      insertPause.run(row.id, Math.round(p.start), p.end === undefined ? null : Math.round(p.end));
    }
    update.run(
      r.key,
      Math.round(r.end!),
      r.tags?.length ? JSON.stringify(r.tags) : null,
      r.note ?? null,
      row.id,
    );
    out.closed++;
  }
  return out;
}
