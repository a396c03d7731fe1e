/**
 * Between the importers' records (src/migrate: ISO strings, sources) and the store's (epoch
 * ms, keys), and the lines `--dry-run` shows. Pure.
 */
import { type ImportedState, importKey, workedMs } from "../../migrate/mod.ts";
import type { HistoryRecord, HistorySource, ImportSummary } from "../../migrate/mod.ts";
import type { ImportCounts, ImportRecord } from "../../state/mod.ts";
import { formatClock, formatDate, formatDuration, type WorkSession } from "../../tracking/mod.ts";

const SOURCES: readonly HistorySource[] = ["rune", "watson", "timewarrior"];

export function toImportRecord(r: HistoryRecord): ImportRecord {
  return {
    key: importKey(r),
    project: r.project,
    start: Date.parse(r.start),
    ...(r.end !== undefined ? { end: Date.parse(r.end) } : {}),
    ...(r.pauses?.length
      ? {
        pauses: r.pauses.map((p) => ({
          start: Date.parse(p.start),
          ...(p.end !== undefined ? { end: Date.parse(p.end) } : {}),
        })),
      }
      : {}),
    ...(r.tags?.length ? { tags: r.tags } : {}),
    ...(r.note !== undefined ? { note: r.note } : {}),
  };
}

/** What the store holds, as planImport wants it: its keys and its open session. */
export function importedState(keys: ReadonlySet<string>, open?: WorkSession): ImportedState {
  if (!open?.id) return { keys };
  const prefix = open.id.slice(0, open.id.indexOf(":"));
  const source = SOURCES.find((s) => s === prefix) ?? "rune";
  return { keys, open: { key: open.id, source, start: new Date(open.start).toISOString() } };
}

/**
 * The summary after the store has written the plan: what it added and closed, and what it
 * turned down (a key another process stored meanwhile, a record it cannot hold) added to the
 * plan's own skips.
 */
export function importedSummary(planned: ImportSummary, counts: ImportCounts): ImportSummary {
  const skipped = new Map(planned.skipped.map((s) => [s.reason, s.count]));
  const skip = (reason: string, n = 1) => skipped.set(reason, (skipped.get(reason) ?? 0) + n);
  if (counts.duplicates) skip("already imported", counts.duplicates);
  for (const r of counts.rejected) skip(r.reason);
  return {
    read: planned.read,
    added: counts.added,
    closed: counts.closed,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
  };
}

/** "2020-12-04 12:00–13:00  web-app  1h 0m  [tag with space, x]" in the system's zone. */
export function recordLine(r: HistoryRecord, now: number, zone?: string): string {
  const start = Date.parse(r.start);
  const clock = (t: number) => formatClock(t, zone).slice(0, 5);
  const span = r.end === undefined
    ? `${clock(start)}– (open)`
    : `${clock(start)}–${clock(Date.parse(r.end))}`;
  const tags = r.tags?.length ? `  [${r.tags.join(", ")}]` : "";
  return `${formatDate(start, zone)} ${span}  ${r.project}  ${
    formatDuration(workedMs(r, now))
  }${tags}`;
}

/** "read 73, added 70, skipped 3" and one line per reason, most frequent first. */
export function summaryLines(s: ImportSummary, dryRun: boolean): string[] {
  const skippedTotal = s.skipped.reduce((n, x) => n + x.count, 0);
  const verb = dryRun ? "would add" : "added";
  const head = `read ${s.read}, ${verb} ${s.added}` +
    (s.closed ? `, ${dryRun ? "would close" : "closed"} ${s.closed}` : "") +
    `, skipped ${skippedTotal}`;
  const width = String(Math.max(0, ...s.skipped.map((x) => x.count))).length;
  const reasons = s.skipped.toSorted((a, b) => b.count - a.count)
    .map((x) => `  ${String(x.count).padStart(width)}  ${x.reason}`);
  return [head, ...reasons];
}
