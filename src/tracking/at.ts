/**
 * `--at TIME`: when a forgotten start, pause, resume or stop really happened. A small grammar,
 * read in the user's zone:
 *
 *   now
 *   -DURATION                  -20m  -1h30m  -90s  -2h   (units h, m, s, in that order)
 *   HH:MM[:SS]                 9:15  09:15  17:05:30     (today)
 *   today HH:MM[:SS]
 *   yesterday HH:MM[:SS]
 *   YYYY-MM-DD HH:MM[:SS]      2026-03-07 23:50          (or with "T" between)
 *   ISO 8601 with an offset    2026-03-07T22:50:00Z  2026-03-07T23:50+01:00
 *
 * A time later than now is refused, not moved to yesterday: "--at 23:50" just after midnight
 * gets a hint to write "yesterday 23:50". A wall time that does not exist (the hour skipped when
 * clocks spring forward) is refused; one that happens twice (when they fall back) means the
 * later of the two that is not in the future, since --at names something that just happened.
 */
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";
import { addDays, type CivilDate, civilDate, dateKey, instantsAt, parseDateKey } from "./zone.ts";

const DURATION = /^-(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/;
const CLOCK = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DATED = /^(\d{4}-\d{2}-\d{2})[T ](\d{1,2}:\d{2}(?::\d{2})?)$/;
const ZONED = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:\d{2})$/i;

const GRAMMAR_HINT =
  'Write a time like "9:15", "yesterday 17:00", "2026-03-07 23:50", or an offset like "-20m", "-1h30m"';

/** Reads an --at value relative to `now`, in `timeZone` (the system's when absent). */
export function parseAt(
  text: string,
  now: Date,
  options: { timeZone?: string } = {},
): Result<Date, Issue> {
  const input = text.trim().replace(/\s+/g, " ");
  const nowMs = now.getTime();
  if (input.toLowerCase() === "now") return ok(new Date(nowMs));

  const d = DURATION.exec(input);
  if (d && (d[1] ?? d[2] ?? d[3]) !== undefined) {
    const ms = (Number(d[1] ?? 0) * 3600 + Number(d[2] ?? 0) * 60 + Number(d[3] ?? 0)) * 1000;
    return ok(new Date(nowMs - ms));
  }

  if (ZONED.test(input)) {
    const t = Date.parse(input.toUpperCase());
    if (Number.isNaN(t)) return syntax(text, "it is not a real date and time");
    return notFuture(text, t, nowMs, "");
  }

  const today = civilDate(nowMs, options.timeZone);
  const lower = input.toLowerCase();
  let date: CivilDate | undefined = today;
  let clock = input;
  if (lower.startsWith("today ")) clock = input.slice(6);
  else if (lower.startsWith("yesterday ")) {
    date = addDays(today, -1);
    clock = input.slice(10);
  } else {
    const dated = DATED.exec(input);
    if (dated) {
      date = parseDateKey(dated[1]);
      if (!date) return syntax(text, `"${dated[1]}" is not a calendar date`);
      clock = dated[2];
    }
  }

  const c = CLOCK.exec(clock);
  if (!c) return syntax(text, "it is not in a form rune reads");
  const [hour, minute, second] = [Number(c[1]), Number(c[2]), Number(c[3] ?? 0)];
  if (hour > 23 || minute > 59 || second > 59) {
    return syntax(text, "hours run 0–23, minutes and seconds 00–59");
  }
  const wall = { ...date, hour, minute, second };
  const found = instantsAt(wall, options.timeZone);
  if (found.length === 0) {
    return err(errorIssue(
      "at-nonexistent",
      `Cannot use --at "${text}": ${clock} does not exist on ${
        dateKey(date)
      } (the clocks skipped it)`,
      { hint: "Give a time just before or after the change, or an offset like -30m" },
    ));
  }
  const past = found.filter((t) => t <= nowMs);
  const chosen = past.length > 0 ? past[past.length - 1] : found[0];
  const sameDayHint = date === today ? ` For a time yesterday, write "yesterday ${clock}".` : "";
  return notFuture(text, chosen, nowMs, sameDayHint);
}

function notFuture(text: string, t: number, nowMs: number, extraHint: string): Result<Date, Issue> {
  if (t <= nowMs) return ok(new Date(t));
  return err(errorIssue("at-future", `Cannot use --at "${text}": that time is in the future`, {
    hint: `--at names when something already happened.${extraHint}`.trim(),
  }));
}

function syntax(text: string, why: string): Result<Date, Issue> {
  return err(errorIssue("at-syntax", `Cannot read --at "${text}": ${why}`, { hint: GRAMMAR_HINT }));
}
