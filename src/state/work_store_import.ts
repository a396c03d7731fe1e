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

export interface ImportCounts {
  read: number;
  added: number;
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
  const counts: ImportCounts = { read: records.length, added: 0, duplicates: 0, rejected: [] };
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
