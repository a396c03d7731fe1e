/**
 * Wall clock ↔ instant in a named time zone, with nothing but `Intl.DateTimeFormat`.
 * Every duration in rune is a difference of instants (epoch milliseconds); wall-clock fields
 * are only for grouping by day and for display. Days are not 24 h long: a DST change makes a
 * 23 h or 25 h day, and a few zones skip midnight itself, so a day's bounds are always asked of
 * the zone, never computed as `start + 86_400_000`.
 *
 * `timeZone` is an IANA name ("Europe/Berlin"); `undefined` means the system's zone. An unknown
 * name throws a RangeError (a bug: callers validate user input with `checkTimeZone` first).
 */
import { err, errorIssue, type Issue, ok, type Result } from "../result.ts";

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

/** The zone rune uses when none is given: the system's, by name. */
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
  const w: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of formatterFor(timeZone).formatToParts(instant)) {
    if (p.type in w) w[p.type as keyof WallTime] = Number(p.value);
  }
  return w;
}

/** Local minus UTC at an instant, in milliseconds (+3_600_000 for Berlin in winter). */
export function zoneOffset(instant: number, timeZone?: string): number {
  const w = wallTime(instant, timeZone);
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

/**
 * Every instant that reads as `wall` in the zone, earliest first: one normally, none in a
 * spring-forward gap (02:30 on the night clocks jump 02:00 → 03:00), two in a fall-back
 * overlap (01:30 happens twice). Assumes at most one offset change within a day either side,
 * which holds for every real zone.
 */
export function instantsAt(wall: WallTime, timeZone?: string): number[] {
  const guess = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second);
  const offsets = new Set([
    zoneOffset(guess - DAY_MS, timeZone),
    zoneOffset(guess, timeZone),
    zoneOffset(guess + DAY_MS, timeZone),
  ]);
  const found = new Set<number>();
  for (const o of offsets) {
    const t = guess - o;
    if (sameWall(wallTime(t, timeZone), wall)) found.add(t);
  }
  return [...found].sort((a, b) => a - b);
}

/**
 * The first instant of a calendar day in the zone: its midnight, or where midnight is skipped
 * by a DST change (America/Havana, historically Asia/Beirut), the moment the clocks jump.
 */
export function startOfDate(date: CivilDate, timeZone?: string): number {
  const wall = { ...date, hour: 0, minute: 0, second: 0 };
  const found = instantsAt(wall, timeZone);
  if (found.length > 0) return found[0];
  const guess = Date.UTC(date.year, date.month - 1, date.day);
  return guess - zoneOffset(guess - DAY_MS, timeZone);
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
