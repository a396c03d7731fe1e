/**
 * Durations of sessions, all as differences of instants (milliseconds), so a session across a
 * DST change is as long as it really was: 01:30 EST → 03:30 EDT is one hour, not two.
 * An open session or pause counts up to `now`.
 */
import type { SessionState, WorkSession } from "./model.ts";
import { sessionState } from "./model.ts";
import { addDays, civilDate, startOfDate } from "./zone.ts";

/** A half-open span of time [from, to). */
export interface Interval {
  from: number;
  to: number;
}

/** Wall time from start to stop (or now), pauses included. */
export function elapsed(session: WorkSession, now: number): number {
  return Math.max(0, (session.end ?? now) - session.start);
}

/** Time spent paused; an open pause counts up to the stop, or to now. */
export function pausedTotal(session: WorkSession, now: number): number {
  const end = session.end ?? now;
  let total = 0;
  for (const p of session.pauses) total += Math.max(0, Math.min(p.end ?? end, end) - p.start);
  return total;
}

/** Time worked: elapsed − paused. */
export function worked(session: WorkSession, now: number): number {
  return elapsed(session, now) - pausedTotal(session, now);
}

/** The spans in which the session was running, in order; empty spans are left out. */
export function workedIntervals(session: WorkSession, now: number): Interval[] {
  const end = session.end ?? now;
  const spans: Interval[] = [];
  let from = session.start;
  for (const p of session.pauses) {
    if (p.start > from) spans.push({ from, to: Math.min(p.start, end) });
    from = Math.max(from, p.end ?? end);
  }
  if (end > from) spans.push({ from, to: end });
  return spans.filter((s) => s.to > s.from);
}

/**
 * Time worked inside [from, to). Walks the pauses without building the spans: a month report
 * calls this for every piece of every session, and the garbage was most of its cost.
 */
export function workedWithin(session: WorkSession, span: Interval, now: number): number {
  return workedBetween(session, span.from, span.to, now);
}

/**
 * `workedWithin` on two numbers, with no closure or object per call: it runs cold in a
 * short-lived CLI, 10,000 times for a month's report, where each allocation shows.
 */
export function workedBetween(session: WorkSession, lo: number, hi: number, now: number): number {
  const end = session.end ?? now;
  let total = 0;
  let from = session.start;
  const pauses = session.pauses;
  for (let i = 0; i < pauses.length; i++) {
    const p = pauses[i];
    if (p.start > from) {
      const a = from > lo ? from : lo;
      const b = p.start < end ? (p.start < hi ? p.start : hi) : (end < hi ? end : hi);
      if (b > a) total += b - a;
    }
    const resumed = p.end ?? end;
    if (resumed > from) from = resumed;
  }
  if (end > from) {
    const a = from > lo ? from : lo;
    const b = end < hi ? end : hi;
    if (b > a) total += b - a;
  }
  return total;
}

/** The local day containing `now`: [its first instant, the next day's first instant). */
export function localDayOf(now: number, timeZone?: string): Interval {
  const date = civilDate(now, timeZone);
  return { from: startOfDate(date, timeZone), to: startOfDate(addDays(date, 1), timeZone) };
}

/**
 * Time worked today across sessions, the open one included up to now. A session begun
 * yesterday counts only its part after local midnight (Go Rune counts whole sessions by their
 * start, and only closed ones, from UTC midnight).
 */
export function todayTotal(
  sessions: readonly WorkSession[],
  now: number,
  options: { timeZone?: string } = {},
): number {
  const day = localDayOf(now, options.timeZone);
  let total = 0;
  for (const s of sessions) total += workedWithin(s, day, now);
  return total;
}

/** What `rune status` shows. */
export interface TrackingStatus {
  state: SessionState | "idle";
  project?: string;
  started?: number;
  /** Start of the pause in progress. */
  pausedSince?: number;
  elapsed: number;
  paused: number;
  worked: number;
  today: number;
}

/**
 * The status line's numbers: the open session's elapsed, paused and worked time, and today's
 * total over `todays` (sessions overlapping today, the open one among them or not).
 */
export function trackingStatus(
  open: WorkSession | undefined,
  todays: readonly WorkSession[],
  options: { now: number; timeZone?: string },
): TrackingStatus {
  const { now, timeZone } = options;
  const all = open && !todays.some((s) => sameSession(s, open)) ? [...todays, open] : todays;
  const today = todayTotal(all, now, { timeZone });
  if (!open) return { state: "idle", elapsed: 0, paused: 0, worked: 0, today };
  const state = sessionState(open);
  const pause = open.pauses.at(-1);
  return {
    state,
    project: open.project,
    started: open.start,
    ...(state === "paused" && pause ? { pausedSince: pause.start } : {}),
    elapsed: elapsed(open, now),
    paused: pausedTotal(open, now),
    worked: worked(open, now),
    today,
  };
}

function sameSession(a: WorkSession, b: WorkSession): boolean {
  return a.id !== undefined ? a.id === b.id : a.start === b.start && a.project === b.project;
}
