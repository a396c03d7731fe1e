/**
 * The one shape every importer produces (`HistoryRecord`), and the pure decisions shared by all
 * of them: the stable key that makes a second import add nothing, `--project-map`, and the
 * summary the CLI prints.
 *
 * A record is a work session as rune's tracker keeps one: a project, a start, an end unless it
 * is still open, and the stretches inside it that were not worked. Times are ISO 8601 strings in
 * UTC with milliseconds, so records compare, sort and serialise as plain data.
 */
import type { Issue, Result } from "../base/mod.ts";

/** Which tracker a record was read from. */
export type HistorySource = "rune" | "watson" | "timewarrior";

/**
 * A stretch of a session that was not worked. `end` is absent while the session is paused now.
 * `inferred` marks a pause whose length is known but not its place: Go Rune keeps only the total
 * of earlier pauses (it moves start_time forward on resume); rune puts that total at the start.
 */
export interface Pause {
  start: string;
  end?: string;
  inferred?: true;
}

/** One work session read from another tracker. */
export interface HistoryRecord {
  source: HistorySource;
  /** The source's own id: Go Rune's session id, Watson's frame id, Timewarrior's start time. */
  sourceId: string;
  project: string;
  start: string;
  /** Absent: the session is still open (running, or paused when its last pause has no end). */
  end?: string;
  pauses?: Pause[];
  tags?: string[];
  /** Free text the source kept with the session (Timewarrior's annotation). */
  note?: string;
}

/** Something in the input that did not become a record, and where it was. */
export interface Skip {
  reason: string;
  where: string;
}

/** What a reader got out of one source. */
export interface HistoryRead {
  records: HistoryRecord[];
  skipped: Skip[];
}

/** Counts the CLI prints after an import or a `--dry-run`. */
export interface ImportSummary {
  read: number;
  added: number;
  /** Sessions imported while open that the source has closed since; their end is filled in. */
  closed: number;
  skipped: { reason: string; count: number }[];
}

/** What rune's store already holds from earlier imports: their keys, and its open session. */
export interface ImportedState {
  keys: ReadonlySet<string>;
  open?: { key: string; source: HistorySource; start: string };
}

/** The changes an import makes; `--dry-run` prints them and stops. */
export interface ImportPlan {
  add: HistoryRecord[];
  /** `key` is the stored open session's key; `record` is the closed session that ends it. */
  close: { key: string; record: HistoryRecord }[];
  summary: ImportSummary;
}

/** The key under which rune stores an imported record; the same session always gets the same. */
export function importKey(record: HistoryRecord): string {
  return `${record.source}:${record.sourceId}`;
}

/** Milliseconds worked: from start to end (or `now` while open), less every pause. */
export function workedMs(record: HistoryRecord, now: number): number {
  const end = record.end === undefined ? now : Date.parse(record.end);
  const paused = (record.pauses ?? []).reduce(
    (sum, p) => sum + (p.end === undefined ? now : Date.parse(p.end)) - Date.parse(p.start),
    0,
  );
  return end - Date.parse(record.start) - paused;
}

/**
 * Decides what an import adds. A key already stored is skipped, unless it is the store's open
 * session and the source has closed it since. A closed record with the open session's source and
 * start also closes it: Watson gives a running frame its id only when it stops. Only one session
 * can be open, so of several open records the latest is kept, and none if rune has one open.
 */
export function planImport(read: HistoryRead, state: ImportedState): ImportPlan {
  const skipped = new Map<string, number>();
  const skip = (reason: string) => skipped.set(reason, (skipped.get(reason) ?? 0) + 1);
  for (const s of read.skipped) skip(s.reason);
  const add: HistoryRecord[] = [];
  const close: ImportPlan["close"] = [];
  const seen = new Set<string>();
  const open: HistoryRecord[] = [];
  for (const record of read.records) {
    const key = importKey(record);
    const { open: stored } = state;
    if (seen.has(key)) skip("the same session appears twice in the input");
    else if (stored && record.end !== undefined && closes(stored, key, record)) {
      close.push({ key: stored.key, record });
    } else if (state.keys.has(key)) skip("already imported");
    else if (record.end === undefined) open.push(record);
    else add.push(record);
    seen.add(key);
  }
  open.sort((a, b) => Date.parse(b.start) - Date.parse(a.start));
  open.forEach((record, i) => {
    if (state.open) skip("rune already has an open session");
    else if (i > 0) skip("a later session is open (only one can be)");
    else add.push(record);
  });
  add.sort((a, b) => Date.parse(a.start) - Date.parse(b.start));
  const summary: ImportSummary = {
    read: read.records.length + read.skipped.length,
    added: add.length,
    closed: close.length,
    skipped: [...skipped].map(([reason, count]) => ({ reason, count })),
  };
  return { add, close, summary };
}

/** Parses `--project-map old=new` values; each problem is an issue, all reported at once. */
export function parseProjectMap(values: readonly string[]): Result<Map<string, string>> {
  const map = new Map<string, string>();
  const issues: Issue[] = [];
  for (const value of values) {
    const at = value.indexOf("=");
    const [from, to] = [value.slice(0, at), value.slice(at + 1)];
    if (at <= 0 || to === "") {
      issues.push(mapIssue(`"${value}" is not old=new`, "Write it as --project-map old=new"));
    } else if (map.has(from) && map.get(from) !== to) {
      issues.push(mapIssue(`"${from}" is mapped twice`, `Keep one --project-map ${from}=…`));
    } else map.set(from, to);
  }
  return issues.length ? { ok: false, error: issues } : { ok: true, value: map };
}

/** Renames projects by an old→new map; projects not in it keep their name. */
export function mapProjects(read: HistoryRead, map: ReadonlyMap<string, string>): HistoryRead {
  const records = read.records.map((r) => {
    const project = map.get(r.project);
    return project === undefined ? r : { ...r, project };
  });
  return { records, skipped: read.skipped };
}

function closes(stored: NonNullable<ImportedState["open"]>, key: string, r: HistoryRecord) {
  return stored.key === key || (stored.source === r.source && stored.start === r.start);
}

function mapIssue(what: string, hint: string): Issue {
  return { severity: "error", code: "project-map", problem: `Cannot map projects: ${what}`, hint };
}
