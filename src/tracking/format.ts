/**
 * How durations and instants are written in reports, matching Go Rune's output byte for byte
 * where Rune defines it (so scripts that read Rune's CSV and JSON keep working).
 */
import { dateKey, localDayAt, pad2, wallTime, zoneOffset } from "./zone.ts";

/** Go Rune's "Xh Ym": whole hours and minutes, truncated ("1h 5m", "0h 0m", "26h 3m"). */
export function formatDuration(ms: number): string {
  const minutes = Math.trunc(ms / 60_000);
  return `${Math.trunc(minutes / 60)}h ${minutes % 60}m`;
}

/**
 * Minutes with two decimals, as Go's `strconv.FormatFloat(d.Minutes(), 'f', 2, 64)`: the same
 * float (whole minutes plus the remainder's fraction, as Go's `Duration.Minutes` builds it) and
 * Go's rounding. JS `toFixed` and Go agree on every value except exact binary ties (7.5 s is
 * 0.125 min): Go rounds those half to even, `toFixed` away from zero.
 */
export function formatMinutes(ms: number): string {
  const whole = Math.trunc(ms / 60_000);
  const rest = ms - whole * 60_000;
  const value = whole + (rest * 1e6) / 6e10;
  const text = value.toFixed(2);
  if (Number.isInteger(ms) && mod(ms, 15_000) === 7_500) {
    const thousandths = Math.round(Math.abs(value) * 1000) % 1000;
    if (thousandths === 125 || thousandths === 625) return halfEvenDown(text);
  }
  return text;
}

/** The exact tie x.125 / x.625 rounded up by toFixed; half-to-even wants it one cent lower. */
function halfEvenDown(text: string): string {
  const negative = text.startsWith("-");
  const cents = Math.round(Math.abs(Number(text)) * 100) - 1;
  const body = `${Math.trunc(cents / 100)}.${pad2(cents % 100)}`;
  return negative ? `-${body}` : body;
}

function mod(a: number, b: number): number {
  return ((a % b) + b) % b;
}

/** "15:04:05" in the zone. */
export function formatClock(instant: number, timeZone?: string): string {
  const day = localDayAt(instant, timeZone);
  if (day.offset !== undefined && instant >= FAST_FROM) return clockOfDay(instant - day.from);
  const w = wallTime(instant, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
}

/** Before the year 1000, Intl's eras can make a cached day's date and bounds unusable. */
const FAST_FROM = Date.UTC(1000, 0, 1);

/** "00" … "59": reports write tens of thousands of clocks. */
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));

/**
 * The clock `sinceMidnight` ms into a day with one offset, by arithmetic: on such a day the
 * wall clock is the time since the day's first instant (its local midnight).
 */
function clockOfDay(sinceMidnight: number): string {
  const s = Math.floor(sinceMidnight / 1000);
  const m = Math.floor(s / 60);
  return `${TWO_DIGITS[Math.floor(m / 60)]}:${TWO_DIGITS[m % 60]}:${TWO_DIGITS[s % 60]}`;
}

/** "2006-01-02" in the zone. */
export function formatDate(instant: number, timeZone?: string): string {
  return dateKey(wallTime(instant, timeZone));
}

/**
 * Go's `time.RFC3339Nano` as `encoding/json` writes a time: local wall time, fraction with
 * trailing zeros dropped, and the offset, or "Z" when the offset is zero. On a day with one
 * offset the date and clock come from the day itself, without a Date (JSON reports write 30,000).
 */
export function formatRfc3339(instant: number, timeZone?: string): string {
  const ms = mod(instant, 1000);
  const fraction = ms === 0 ? "" : `.${String(ms).padStart(3, "0").replace(/0+$/, "")}`;
  const day = localDayAt(instant, timeZone);
  if (day.offset !== undefined && instant >= FAST_FROM) {
    return `${day.date}T${clockOfDay(instant - day.from)}${fraction}${offsetText(day.offset)}`;
  }
  const w = wallTime(instant, timeZone);
  const zone = offsetText(zoneOffset(instant, timeZone));
  return `${dateKey(w)}T${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}${fraction}${zone}`;
}

/** "+01:00", "-05:00", or "Z" for a zero offset. */
function offsetText(offsetMs: number): string {
  const offset = Math.round(offsetMs / 60_000);
  if (offset === 0) return "Z";
  const abs = Math.abs(offset);
  return `${offset < 0 ? "-" : "+"}${pad2(Math.trunc(abs / 60))}:${pad2(abs % 60)}`;
}
