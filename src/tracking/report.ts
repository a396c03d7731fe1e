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
import { type Interval, workedWithin } from "./arithmetic.ts";
import { type SessionState, sessionState, type WorkSession } from "./model.ts";
import type { ReportRange } from "./range.ts";
import { type LocalDay, localDayAt } from "./zone.ts";

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
  const chosen = sessions
    .filter((s) => options.project === undefined || s.project === options.project)
    .filter((s) => s.start < range.to && (s.end ?? now) > range.from)
    .toSorted((a, b) => a.start - b.start);

  const reportSessions: ReportSession[] = [];
  const pieces: ReportPiece[] = [];
  for (const session of chosen) {
    const state = sessionState(session);
    const span = {
      from: Math.max(session.start, range.from),
      to: Math.min(session.end ?? now, range.to),
    };
    let total = 0;
    for (const day of localDays(span, zone)) {
      const from = Math.max(span.from, day.from);
      const to = Math.min(span.to, day.to);
      if (to <= from) continue;
      const worked = workedWithin(session, { from, to }, now);
      total += worked;
      pieces.push({
        session: reportSessions.length,
        project: session.project,
        date: day.date,
        from,
        to,
        open: session.end === undefined && to === now,
        state,
        worked,
      });
    }
    reportSessions.push({ session, state, worked: total });
  }
  return {
    range,
    generatedAt: now,
    sessions: reportSessions,
    pieces,
    ...totals(pieces),
  };
}

/** The local days a span touches, each with its own bounds (23, 24 or 25 h long). */
function localDays(span: Interval, zone: string | undefined): LocalDay[] {
  const out: LocalDay[] = [];
  if (span.to <= span.from) return out;
  for (let day = localDayAt(span.from, zone); day.from < span.to; day = localDayAt(day.to, zone)) {
    out.push(day);
  }
  return out;
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
