/**
 * The span a report covers, as instants bounded by local midnights in the report's zone.
 * A week is the ISO week, Monday 00:00 to the next Monday 00:00 (Go Rune starts its week on
 * Sunday, at UTC midnight); a month runs from the 1st to the next 1st; `between` takes two
 * inclusive dates. Because the bounds are local midnights asked of the zone, a week holding a
 * DST change is 167 or 169 hours long, as it was.
 */
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";
import {
  addDays,
  type CivilDate,
  civilDate,
  dateKey,
  isoWeekday,
  parseDateKey,
  startOfDate,
  systemTimeZone,
} from "./zone.ts";

/** The range's zone by name, for display: "Europe/Berlin". Costs Intl's start-up if unnamed. */
export function zoneName(range: ReportRange): string {
  return range.timeZone ?? systemTimeZone();
}

export type RangeSpec =
  | { kind: "today" }
  | { kind: "week" }
  | { kind: "month" }
  /** Inclusive local dates, "YYYY-MM-DD". */
  | { kind: "between"; from: string; to: string };

export interface ReportRange {
  kind: RangeSpec["kind"];
  /** First instant covered. */
  from: number;
  /** First instant after the range. */
  to: number;
  /** Local dates of the first and last day covered. */
  firstDay: string;
  lastDay: string;
  /** The zone the days are counted in; absent for the system's (see `zoneName`). */
  timeZone?: string;
}

/** Resolves a range against the clock in a zone (the system's when absent). */
export function reportRange(
  spec: RangeSpec,
  now: number,
  options: { timeZone?: string } = {},
): Result<ReportRange, Issue> {
  const today = civilDate(now, options.timeZone);
  switch (spec.kind) {
    case "today":
      return ok(days(spec.kind, today, today, options.timeZone));
    case "week": {
      const monday = addDays(today, 1 - isoWeekday(today));
      return ok(days(spec.kind, monday, addDays(monday, 6), options.timeZone));
    }
    case "month": {
      const first = { ...today, day: 1 };
      const last = addDays({ year: today.year, month: today.month + 1, day: 1 }, -1);
      return ok(days(spec.kind, first, last, options.timeZone));
    }
    case "between": {
      const from = parseDateKey(spec.from);
      const to = parseDateKey(spec.to);
      const bad = !from ? ["--from", spec.from] : !to ? ["--to", spec.to] : undefined;
      if (bad) {
        return err(errorIssue("range-date", `Cannot read ${bad[0]} "${bad[1]}": it is not a date`, {
          hint: `Write the date as YYYY-MM-DD, e.g. ${bad[0]} ${dateKey(today)}`,
        }));
      }
      if (dateKey(to!) < dateKey(from!)) {
        return err(errorIssue(
          "range-order",
          `Cannot report from ${spec.from} to ${spec.to}: the end is before the start`,
          { hint: "Swap --from and --to" },
        ));
      }
      return ok(days(spec.kind, from!, to!, options.timeZone));
    }
  }
}

function days(
  kind: RangeSpec["kind"],
  first: CivilDate,
  last: CivilDate,
  timeZone: string | undefined,
): ReportRange {
  return {
    kind,
    from: startOfDate(first, timeZone),
    to: startOfDate(addDays(last, 1), timeZone),
    firstDay: dateKey(first),
    lastDay: dateKey(last),
    ...(timeZone === undefined ? {} : { timeZone }),
  };
}
