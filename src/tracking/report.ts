/**
 * Sessions → a report: what was worked on each local day and on each project, with totals.
 *
 * Midnight: a session running across local midnight is SPLIT there, and each day gets the
 * time worked on it (23:00–01:30 gives 1 h to the first day and 1 h 30 m to the second).
 * Watson users lose such time from single-day reports (jazzband/Watson#172, #518); Go Rune
 * counts the whole session on the day it started.
 *
 * DST: day bounds are the zone's own midnights and every amount is a difference of instants,
 * so the spring-forward day holds at most 23 h and the fall-back day 25 h. Nothing is ever
 * computed from wall-clock differences.
 *
 * Open sessions and pauses count up to `now`. Only worked time is counted: pauses are not.
 */
import { workedBetween } from "./arithmetic.ts";
import { type SessionState, sessionState, type WorkSession } from "./model.ts";
import type { ReportRange } from "./range.ts";
import { localDayAt } from "./zone.ts";

/** The part of one session that falls on one local day (and inside the range). */
export interface ReportPiece {
  /** Index into `Report.sessions`. */
  session: number;
  project: string;
  date: string;
  /** Where the piece starts and ends: the session's own start/stop or a midnight. */
  from: number;
  to: number;
  /** True when `to` is the clock, not a stop or a midnight: the session is still open. */
  open: boolean;
  state: SessionState;
  worked: number;
}

export interface ProjectTotal {
  project: string;
  worked: number;
}

export interface DayTotal {
  date: string;
  worked: number;
  /** Most worked first. */
  projects: ProjectTotal[];
}

export interface ReportSession {
  session: WorkSession;
  state: SessionState;
  /** Worked inside the range (so these add up to the report's total). */
  worked: number;
}

export interface Report {
  range: ReportRange;
  generatedAt: number;
  /** Sessions overlapping the range, by start. */
  sessions: ReportSession[];
  pieces: ReportPiece[];
  /** Days with any piece, in date order. */
  days: DayTotal[];
  /** Most worked first, then by name. */
  projects: ProjectTotal[];
  worked: number;
}

/** Groups sessions into days and projects; `project` keeps only that project. Pure. */
export function buildReport(
  sessions: readonly WorkSession[],
  range: ReportRange,
  options: { now: number; project?: string },
): Report {
  const { now } = options;
  const zone = range.timeZone;
  const chosen: WorkSession[] = [];
  let sorted = true;
  for (let i = 0; i < sessions.length; i++) {
    const s = sessions[i];
    if (options.project !== undefined && s.project !== options.project) continue;
    if (!(s.start < range.to && (s.end ?? now) > range.from)) continue;
    if (chosen.length && s.start < chosen[chosen.length - 1].start) sorted = false;
    chosen.push(s);
  }
  // The store hands them over by start already; sorting again costs a comparator call each.
  if (!sorted) chosen.sort((a, b) => a.start - b.start);

  const reportSessions: ReportSession[] = new Array(chosen.length);
  const pieces: ReportPiece[] = [];
  for (let i = 0; i < chosen.length; i++) {
    const session = chosen[i];
    const state = sessionState(session);
    const spanFrom = session.start > range.from ? session.start : range.from;
    const end = session.end ?? now;
    const spanTo = end < range.to ? end : range.to;
    let total = 0;
    // Each local day the span touches, with its own bounds (23, 24 or 25 h long). Inline, not
    // a list per session: this loop runs cold, 10,000 times for a month.
    for (let day = localDayAt(spanFrom, zone); spanTo > spanFrom && day.from < spanTo;) {
      const from = spanFrom > day.from ? spanFrom : day.from;
      const to = spanTo < day.to ? spanTo : day.to;
      if (to > from) {
        const worked = workedBetween(session, from, to, now);
        total += worked;
        pieces.push({
          session: i,
          project: session.project,
          date: day.date,
          from,
          to,
          open: session.end === undefined && to === now,
          state,
          worked,
        });
      }
      if (day.to >= spanTo) break;
      day = localDayAt(day.to, zone);
    }
    reportSessions[i] = { session, state, worked: total };
  }
  return {
    range,
    generatedAt: now,
    sessions: reportSessions,
    pieces,
    ...totals(pieces),
  };
}

function totals(pieces: readonly ReportPiece[]): Pick<Report, "days" | "projects" | "worked"> {
  const byDay = new Map<string, Map<string, number>>();
  const byProject = new Map<string, number>();
  let worked = 0;
  for (const p of pieces) {
    const day = byDay.get(p.date) ?? new Map<string, number>();
    day.set(p.project, (day.get(p.project) ?? 0) + p.worked);
    byDay.set(p.date, day);
    byProject.set(p.project, (byProject.get(p.project) ?? 0) + p.worked);
    worked += p.worked;
  }
  const days = [...byDay.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([date, projects]) => {
      const list = ranked(projects);
      return { date, worked: list.reduce((n, p) => n + p.worked, 0), projects: list };
    });
  return { days, projects: ranked(byProject), worked };
}

function ranked(totals: ReadonlyMap<string, number>): ProjectTotal[] {
  return [...totals.entries()]
    .map(([project, worked]) => ({ project, worked }))
    .sort((a, b) => b.worked - a.worked || (a.project < b.project ? -1 : 1));
}
