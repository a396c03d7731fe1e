/**
 * Rows of the work-session store → `WorkSession` values. Rows are read as arrays (node:sqlite's
 * `setReturnArrays`), in the column order below, and turned into sessions in one pass: for a
 * month of 10,000 sessions, building row objects first cost as much as the query itself.
 */
import type { StatementSync } from "node:sqlite";
import type { Pause, WorkSession } from "../tracking/mod.ts";

/** The columns every session query selects, in `SessionRow` order. */
export const SESSION_COLUMNS = "id, key, project, start_ms, end_ms, tags, note";

export type SessionRow = [
  id: number,
  key: string,
  project: string,
  start: number,
  end: number | null,
  tags: string | null,
  note: string | null,
];
export type PauseRow = [sessionId: number, start: number, end: number | null];

/** `stmt.all()` with rows as arrays; Deno 2.9 has `setReturnArrays`, its bundled types do not. */
export function allAsArrays<T>(stmt: StatementSync, ...params: (number | string)[]): T[];
export function allAsArrays<T>(stmt: StatementSync, params: Record<string, number>): T[];
export function allAsArrays<T>(stmt: StatementSync, ...params: unknown[]): T[] {
  const s = stmt as StatementSync & { setReturnArrays?: (on: boolean) => void };
  const all = () => (stmt.all as (...p: unknown[]) => unknown[])(...params);
  if (!s.setReturnArrays) return all().map((r) => Object.values(r as object)) as T[];
  s.setReturnArrays(true);
  return all() as T[];
}

/** Joins sessions to their pauses (both in order); keeps the row id for later updates. */
export function rowsToSessions(
  rows: readonly SessionRow[],
  pauseRows: readonly PauseRow[],
): { rowId: number; session: WorkSession }[] {
  const pauses = new Map<number, Pause[]>();
  // Indexed access, not destructuring: this runs once per process, before V8 optimizes it,
  // and unoptimized array destructuring walks the iterator protocol for every row.
  for (let i = 0; i < pauseRows.length; i++) {
    const p = pauseRows[i];
    let list = pauses.get(p[0]);
    if (!list) pauses.set(p[0], list = []);
    list.push(p[2] === null ? { start: p[1] } : { start: p[1], end: p[2] });
  }
  const out: { rowId: number; session: WorkSession }[] = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    const session: WorkSession = {
      id: r[1],
      project: r[2],
      start: r[3],
      pauses: pauses.get(r[0]) ?? [],
    };
    if (r[4] !== null) session.end = r[4];
    if (r[5] !== null) session.tags = parseTags(r[5]);
    if (r[6] !== null) session.note = r[6];
    out[i] = { rowId: r[0], session };
  }
  return out;
}

/** Tags are stored as a JSON array; anything else is shown as one tag rather than lost. */
function parseTags(text: string): string[] {
  try {
    const v = JSON.parse(text);
    if (Array.isArray(v) && v.every((t) => typeof t === "string")) return v;
  } catch { /* fall through */ }
  return [text];
}
