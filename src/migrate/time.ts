/**
 * The time formats the other trackers write, parsed by hand so every reader agrees on the result
 * (`Date.parse` accepts more than these formats and differs between engines on the edges).
 * Everything becomes epoch milliseconds; finer digits are dropped, not rounded.
 */

const RFC3339 =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(Z|z|[+-]\d{2}:?\d{2})$/;
const TIMEW = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

/**
 * Parses RFC 3339 with an offset, as Go's time.Time marshals ("…:00.123456789-05:00") and as
 * Python's arrow writes (`isoformat()`: "…:00+01:00", microseconds optional).
 */
export function parseRfc3339(text: string): number | undefined {
  const m = RFC3339.exec(text);
  if (!m) return undefined;
  const utc = utcMs(m.slice(1, 7).map(Number));
  if (utc === undefined) return undefined;
  const fraction = Number((m[7] ?? "").padEnd(3, "0").slice(0, 3));
  const zone = m[8].toUpperCase() === "Z" ? 0 : offsetMinutes(m[8]);
  return zone === undefined ? undefined : utc + fraction - zone * 60_000;
}

/** Parses Timewarrior's compact UTC form, "20201204T120000Z". */
export function parseTimewarriorTime(text: string): number | undefined {
  const m = TIMEW.exec(text);
  return m ? utcMs(m.slice(1, 7).map(Number)) : undefined;
}

/** Epoch milliseconds as the ISO string records carry ("2025-03-03T14:00:00.000Z"). */
export function isoOf(ms: number): string {
  return new Date(ms).toISOString();
}

/** Epoch ms of a UTC calendar time, or `undefined` when a field is out of range (Feb 30). */
function utcMs([year, month, day, hour, minute, second]: number[]): number | undefined {
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  const same = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 &&
    back.getUTCDate() === day && back.getUTCHours() === hour && back.getUTCMinutes() === minute;
  // Go's zero time (year 1) marks a field that was never set; no tracker predates 1970.
  return same && second < 60 && year >= 1970 ? ms : undefined;
}

function offsetMinutes(text: string): number | undefined {
  const digits = text.slice(1).replace(":", "");
  const hours = Number(digits.slice(0, 2));
  const minutes = Number(digits.slice(2));
  if (hours > 23 || minutes > 59) return undefined;
  return (text[0] === "-" ? -1 : 1) * (hours * 60 + minutes);
}
