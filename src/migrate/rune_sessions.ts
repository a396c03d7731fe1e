/**
 * Go Rune's sessions.db → records. What Go Rune stores (internal/tracking/session.go):
 * - bucket `sessions`: key = session id, value = JSON {id, project, start_time, end_time?,
 *   paused_at?, duration (Go time.Duration: integer nanoseconds), state (0 stopped, 1 running,
 *   2 paused)}; times are RFC 3339 with nanoseconds and the local offset.
 * - bucket `current`: key "session" = a copy of the open session's JSON; deleted on stop.
 *
 * Its bookkeeping, and how a record gets it back:
 * - An id is "session_" + the start's Unix nanoseconds, so the real start survives in the id.
 * - Resume moves start_time forward by the pause's length and forgets the pause. The gap between
 *   the id's time and start_time is that total; the record keeps the real start and carries the
 *   gap as one pause at the start, flagged `inferred` (worked time stays what Go Rune counted).
 * - A session stopped while paused keeps paused_at and its duration ends there: that is a pause
 *   from paused_at to the end. A paused open session has a pause from paused_at with no end.
 * - Sessions Go Rune imported itself keep their ids ("watson_…", "timewarrior_…") and their times.
 * - `sessions` is written before `current`, so where both hold a session, `sessions` is newer.
 *   An open session that is not the current one can never be stopped by Go Rune: it is skipped.
 */
import type { Result } from "../base/mod.ts";
import { findBucket, readBolt } from "./bbolt.ts";
import type { BoltBucket } from "./bbolt.ts";
import type { HistoryRead, HistoryRecord, Pause, Skip } from "./record.ts";
import { isoOf, parseRfc3339 } from "./time.ts";

/** A session as Go Rune's JSON holds it, times already parsed to epoch ms. */
interface RuneSession {
  id: string;
  project: string;
  start: number;
  end?: number;
  pausedAt?: number;
  state: 0 | 1 | 2;
}

/** Gaps shorter than this between the id's time and start_time are the id being made first. */
const ID_CLOCK_SLACK_MS = 1000;

/** Reads Go Rune's sessions.db (its bytes) into records, or says why it cannot. */
export function readRuneSessions(bytes: Uint8Array): Result<HistoryRead> {
  const file = readBolt(bytes);
  return file.ok ? runeSessionsOf(file.value.root) : file;
}

/** Records from the root bucket of a Go Rune database already read by `readBolt`. */
export function runeSessionsOf(root: BoltBucket): Result<HistoryRead> {
  const sessions = findBucket(root, "sessions");
  if (!sessions) {
    return {
      ok: false,
      error: [{
        severity: "error",
        code: "rune-no-sessions",
        problem: `Cannot read Go Rune's sessions: the file has no bucket "sessions"`,
        hint: "Pass Go Rune's own database, usually ~/.rune/sessions.db",
      }],
    };
  }
  const skipped: Skip[] = [];
  const byId = new Map<string, RuneSession>();
  for (const s of decodeBucket(sessions, "sessions", skipped)) byId.set(s.id, s);
  const currentBucket = findBucket(root, "current");
  const current = currentBucket ? decodeBucket(currentBucket, "current", skipped)[0] : undefined;
  if (current && !byId.has(current.id)) byId.set(current.id, current);
  const records: HistoryRecord[] = [];
  for (const session of byId.values()) {
    const where = `sessions/${session.id}`;
    if (session.state !== 0 && session.id !== current?.id) {
      skipped.push({ reason: "open in Go Rune but not its current session", where });
      continue;
    }
    const record = recordOf(session);
    if (typeof record === "string") skipped.push({ reason: record, where });
    else records.push(record);
  }
  return { ok: true, value: { records, skipped } };
}

/** Decodes every JSON session in a bucket; values that are not sessions become skips. */
function decodeBucket(bucket: BoltBucket, name: string, skipped: Skip[]): RuneSession[] {
  const out: RuneSession[] = [];
  const utf8 = new TextDecoder("utf-8", { fatal: true });
  for (const { key, value } of bucket.pairs) {
    let text: string;
    let where = `${name}/(key of ${key.length} bytes)`;
    try {
      where = `${name}/${utf8.decode(key)}`;
      text = utf8.decode(value);
    } catch {
      skipped.push({ reason: "not UTF-8 text", where });
      continue;
    }
    const session = decodeSession(text);
    if (typeof session === "string") skipped.push({ reason: session, where });
    else out.push(session);
  }
  return out;
}

/** One value of bucket `sessions` or `current`, or why it is not a Go Rune session. */
function decodeSession(text: string): RuneSession | string {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return "not JSON";
  }
  if (typeof json !== "object" || json === null || Array.isArray(json)) return "not a JSON object";
  const o = json as Record<string, unknown>;
  if (typeof o.id !== "string" || o.id === "") return "no session id";
  if (typeof o.project !== "string") return "no project name";
  if (o.state !== 0 && o.state !== 1 && o.state !== 2) return "an unknown state";
  const start = time(o.start_time);
  const end = time(o.end_time);
  const pausedAt = time(o.paused_at);
  if (start === undefined || start === null) return "no valid start_time";
  if (end === null || pausedAt === null) return "an invalid end_time or paused_at";
  return { id: o.id, project: o.project, start, end, pausedAt, state: o.state };
}

/** Epoch ms; `undefined` when the field is absent (Go's omitempty), `null` when it is unreadable. */
function time(value: unknown): number | undefined | null {
  if (value === undefined || value === null) return undefined;
  return typeof value === "string" ? parseRfc3339(value) ?? null : null;
}

/** The record for one session, rebuilding what Go Rune's bookkeeping folded away (see top). */
function recordOf(s: RuneSession): HistoryRecord | string {
  const idStart = startFromId(s.id);
  const shifted = idStart !== undefined && s.start - idStart >= ID_CLOCK_SLACK_MS;
  const start = shifted ? idStart : s.start;
  const pauses: Pause[] = shifted
    ? [{ start: isoOf(idStart), end: isoOf(s.start), inferred: true }]
    : [];
  if (s.state === 0 && s.end === undefined) return "stopped without an end_time";
  if (s.state === 2 && s.pausedAt === undefined) return "paused without a paused_at";
  if (s.end !== undefined && s.end < s.start) return "end_time before start_time";
  const keepsPause = s.pausedAt !== undefined && s.state !== 1;
  if (keepsPause && (s.pausedAt! < s.start || (s.end !== undefined && s.pausedAt! > s.end))) {
    return "paused_at outside the session";
  }
  if (keepsPause) {
    pauses.push({ start: isoOf(s.pausedAt!), ...(s.state === 0 ? { end: isoOf(s.end!) } : {}) });
  }
  return {
    source: "rune",
    sourceId: s.id,
    project: s.project,
    start: isoOf(start),
    ...(s.state === 0 ? { end: isoOf(s.end!) } : {}),
    ...(pauses.length ? { pauses } : {}),
  };
}

/** The start time inside a Go Rune id ("session_1741010400123456789" → epoch ms). */
function startFromId(id: string): number | undefined {
  const m = /^session_(\d{13,19})$/.exec(id);
  return m ? Number(m[1].slice(0, -6)) : undefined;
}
