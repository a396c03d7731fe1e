/** Rows of the work-session store ↔ `WorkSession` values. Pure. */
import type { Pause, WorkSession } from "../tracking/mod.ts";

export interface Row {
  id: number;
  key: string;
  project: string;
  start_ms: number;
  end_ms: number | null;
  tags: string | null;
  note: string | null;
}

export interface PauseRow {
  session_id: number;
  start_ms: number;
  end_ms: number | null;
}

/** Joins sessions to their pauses (both in order); keeps the row id for later updates. */
export function rowsToSessions(
  rows: readonly Row[],
  pauseRows: readonly PauseRow[],
): { rowId: number; session: WorkSession }[] {
  const pauses = new Map<number, Pause[]>();
  for (const p of pauseRows) {
    const list = pauses.get(p.session_id) ?? [];
    list.push(p.end_ms === null ? { start: p.start_ms } : { start: p.start_ms, end: p.end_ms });
    pauses.set(p.session_id, list);
  }
  return rows.map((r) => {
    const session: WorkSession = {
      id: r.key,
      project: r.project,
      start: r.start_ms,
      ...(r.end_ms === null ? {} : { end: r.end_ms }),
      pauses: pauses.get(r.id) ?? [],
      ...(r.tags === null ? {} : { tags: parseTags(r.tags) }),
      ...(r.note === null ? {} : { note: r.note }),
    };
    return { rowId: r.id, session };
  });
}

/** Tags are stored as a JSON array; anything else is shown as one tag rather than lost. */
function parseTags(text: string): string[] {
  try {
    const v = JSON.parse(text);
    if (Array.isArray(v) && v.every((t) => typeof t === "string")) return v;
  } catch { /* fall through */ }
  return [text];
}
