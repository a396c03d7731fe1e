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

/** "15:04:05" in the zone. On a day with one offset, arithmetic: reports write thousands. */
export function formatClock(instant: number, timeZone?: string): string {
  const offset = localDayAt(instant, timeZone).offset;
  if (offset !== undefined) {
    const s = Math.floor(mod(instant + offset, 86_400_000) / 1000);
    return `${pad2(Math.floor(s / 3600))}:${pad2(Math.floor(s / 60) % 60)}:${pad2(s % 60)}`;
  }
  const w = wallTime(instant, timeZone);
  return `${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}`;
}

/** "2006-01-02" in the zone. */
export function formatDate(instant: number, timeZone?: string): string {
  return dateKey(wallTime(instant, timeZone));
}

/**
 * Go's `time.RFC3339Nano` as `encoding/json` writes a time: local wall time, fraction with
 * trailing zeros dropped, and the offset, or "Z" when the offset is zero. The wall time is the
 * instant moved by its offset, read by Date's own ISO writer (JSON reports write 30,000).
 */
export function formatRfc3339(instant: number, timeZone?: string): string {
  const offsetMs = zoneOffset(instant, timeZone);
  const ms = mod(instant, 1000);
  const fraction = ms === 0 ? "" : `.${String(ms).padStart(3, "0").replace(/0+$/, "")}`;
  const offset = Math.round(offsetMs / 60_000);
  const sign = offset < 0 ? "-" : "+";
  const abs = Math.abs(offset);
  const zone = offset === 0 ? "Z" : `${sign}${pad2(Math.trunc(abs / 60))}:${pad2(abs % 60)}`;
  const local = instant - ms + offsetMs;
  if (local >= YEAR_0 && local < YEAR_10000) {
    return `${new Date(local).toISOString().slice(0, 19)}${fraction}${zone}`;
  }
  const w = wallTime(instant, timeZone);
  return `${dateKey(w)}T${pad2(w.hour)}:${pad2(w.minute)}:${pad2(w.second)}${fraction}${zone}`;
}

/** Where toISOString writes four-digit years, as dateKey does. */
const YEAR_0 = -62_167_219_200_000; // 0000-01-01T00:00:00Z
const YEAR_10000 = Date.UTC(10000, 0, 1);
