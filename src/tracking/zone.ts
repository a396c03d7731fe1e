/**
 * Wall clock ↔ instant in a named time zone, with nothing but `Intl.DateTimeFormat`.
 * Every duration in rune is a difference of instants (epoch milliseconds); wall-clock fields
 * are only for grouping by day and for display. Days are not 24 h long: a DST change makes a
 * 23 h or 25 h day, and a few zones skip midnight itself, so a day's bounds are always asked of
 * the zone, never computed as `start + 86_400_000`.
 *
 * `timeZone` is an IANA name ("Europe/Berlin"); `undefined` means the system's zone, read without
 * Intl (see `intlWall`). An unknown name throws a RangeError (a bug: callers validate user
 * input with `checkTimeZone` first).
 */
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";

/** A calendar date: month 1–12, day 1–31. */
export interface CivilDate {
  year: number;
  month: number;
  day: number;
}

/** A wall-clock reading in some zone, to the second. */
export interface WallTime extends CivilDate {
  hour: number;
  minute: number;
  second: number;
}

const DAY_MS = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

/** Building a formatter costs far more than using one; reports format thousands of instants. */
function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(key, f);
  }
  return f;
}

/** The zone rune uses when none is given: the system's, by name (this one call costs Intl's start-up). */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** Validates a zone name given by a person (a flag, a setting). */
export function checkTimeZone(timeZone: string): Result<string, Issue> {
  try {
    formatterFor(timeZone);
    return ok(timeZone);
  } catch {
    return err(
      errorIssue("time-zone", `Cannot use time zone "${timeZone}": it is not a known zone`, {
        hint: 'Use an IANA name such as "Europe/Berlin" or "America/New_York"',
      }),
    );
  }
}

/** The wall-clock reading of an instant in a zone. */
export function wallTime(instant: number, timeZone?: string): WallTime {
  const day = localDayAt(instant, timeZone);
  return day.offset !== undefined ? utcFields(instant + day.offset) : intlWall(instant, timeZone);
}

/** Local minus UTC at an instant, in milliseconds (+3_600_000 for Berlin in winter). */
export function zoneOffset(instant: number, timeZone?: string): number {
  return localDayAt(instant, timeZone).offset ?? intlOffset(instant, timeZone);
}

/**
 * The zone's own reading, uncached. The system zone is read through Date's local-time methods:
 * they answer in a fraction of a millisecond, where the first Intl.DateTimeFormat of a process
 * costs 10-15 ms (ICU starting up), too much for `rune status` on every prompt.
 */
function intlWall(instant: number, timeZone: string | undefined): WallTime {
  if (timeZone === undefined) {
    const d = new Date(instant);
    return {
      year: d.getFullYear(),
      month: d.getMonth() + 1,
      day: d.getDate(),
      hour: d.getHours(),
      minute: d.getMinutes(),
      second: d.getSeconds(),
    };
  }
  const w: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type in w) w[p.type as keyof WallTime] = Number(p.value);
  }
  return w;
}

function intlOffset(instant: number, timeZone: string | undefined): number {
  const w = intlWall(instant, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - (instant - mod(instant, 1000));
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day && a.hour === b.hour &&
    a.minute === b.minute && a.second === b.second;
}

function utcFields(t: number): WallTime {
  const d = new Date(t);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
  };
}

/** One local day in a zone: [from, to), its date, and its offset when it has only one. */
export interface LocalDay {
  date: string;
  from: number;
  to: number;
  /** Absent on a day the offset changes (a DST day): ask Intl for each instant then. */
  offset?: number;
}

/**
 * A report reads tens of thousands of instants, and `formatToParts` costs microseconds each.
 * Each local day is asked of Intl once and kept (per zone, sorted by start); an instant on a
 * day with a single offset is then read by arithmetic, and only DST days go back to Intl.
 * A short-lived CLI needs no eviction beyond a cap.
 */
const localDays = new Map<string, LocalDay[]>();
const MAX_CACHED_DAYS = 20_000;

/** The local day an instant falls on. */
export function localDayAt(instant: number, timeZone?: string): LocalDay {
  const key = timeZone ?? "";
  let days = localDays.get(key);
  if (!days) localDays.set(key, days = []);
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid].to <= instant) lo = mid + 1;
    else hi = mid;
  }
  if (lo < days.length && days[lo].from <= instant) return days[lo];
  const date = intlWall(instant, timeZone);
  const from = intlStartOfDate(date, timeZone);
  const to = intlStartOfDate(addDays(date, 1), timeZone);
  const offset = intlOffset(from, timeZone);
  const day: LocalDay = {
    date: dateKey(date),
    from,
    to,
    ...(offset === intlOffset(to - 1, timeZone) ? { offset } : {}),
  };
  if (days.length >= MAX_CACHED_DAYS) days.length = lo = 0;
  days.splice(lo, 0, day);
  return day;
}

/**
 * Every instant that reads as `wall` in the zone, earliest first: one normally, none in a
 * spring-forward gap (02:30 on the night clocks jump 02:00 → 03:00), two in a fall-back
 * overlap (01:30 happens twice). Assumes at most one offset change within a day either side,
 * which holds for every real zone.
 */
export function instantsAt(wall: WallTime, timeZone?: string): number[] {
  return instantsWith(wall, timeZone, zoneOffset, wallTime);
}

function instantsWith(
  wall: WallTime,
  timeZone: string | undefined,
  offsetAt: (t: number, z: string | undefined) => number,
  wallAt: (t: number, z: string | undefined) => WallTime,
): number[] {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsets = new Set([
    offsetAt(guess - DAY_MS, timeZone),
    offsetAt(guess, timeZone),
    offsetAt(guess + DAY_MS, timeZone),
  ]);
  const found = new Set<number>();
  for (const o of offsets) {
    const t = guess - o;
    if (sameWall(wallAt(t, timeZone), wall)) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

const dayStarts = new Map<string, number>();

/**
 * The first instant of a calendar day in the zone: its midnight, or where midnight is skipped
 * by a DST change (America/Havana, historically Asia/Beirut), the moment the clocks jump.
 */
export function startOfDate(date: CivilDate, timeZone?: string): number {
  const key = `${timeZone ?? ""} ${date.year}-${date.month}-${date.day}`;
  let start = dayStarts.get(key);
  if (start === undefined) {
    if (dayStarts.size >= MAX_CACHED_DAYS) dayStarts.clear();
    start = intlStartOfDate(date, timeZone);
    dayStarts.set(key, start);
  }
  return start;
}

function intlStartOfDate(date: CivilDate, timeZone: string | undefined): number {
  const wall = { ...date, hour: 0, minute: 0, second: 0 };
  const found = instantsWith(wall, timeZone, intlOffset, intlWall);
  if (found.length > 0) return found[0];
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  return guess - intlOffset(guess - DAY_MS, timeZone);
}

/** The calendar date an instant falls on in the zone. */
export function civilDate(instant: number, timeZone?: string): CivilDate {
  const { year, month, day } = wallTime(instant, timeZone);
  return { year, month, day };
}

/** The first instant of the local day containing `instant`. */
export function startOfLocalDay(instant: number, timeZone?: string): number {
  return startOfDate(civilDate(instant, timeZone), timeZone);
}

/** Calendar arithmetic, zone-free: 2026-03-31 + 1 = 2026-04-01. */
export function addDays(date: CivilDate, days: number): CivilDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: CivilDate): number {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
  return d === 0 ? 7 : d;
}

/** "2026-03-08" */
export function dateKey(date: CivilDate): string {
  return `${String(date.year).padStart(4, "0")}-${pad2(date.month)}-${pad2(date.day)}`;
}

/** Reads "YYYY-MM-DD" as a real calendar date (2026-02-30 is not one). */
export function parseDateKey(text: string): CivilDate | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const date = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  const back = addDays(date, 0);
  return back.year === date.year && back.month === date.month && back.day === date.day
    ? date
    : undefined;
}

export function pad2(n: number): string {
  return String(n).padStart(2, "0");
}
