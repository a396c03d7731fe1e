/**
 * A work session and the four events that shape it. Pure: every rule about what may happen
 * next lives in `applyEvent`, so the store, the CLI and the importers cannot disagree.
 *
 * Times are instants in epoch milliseconds. A session records its pauses as intervals, not
 * (as Go Rune does) by moving its start time forward on resume: the real start stays visible
 * and paused time can be reported.
 */
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";
import { dateKey, pad2, wallTime } from "./zone.ts";

/** A pause inside a session; `end` is absent while it lasts. */
export interface Pause {
  start: number;
  end?: number;
}

export interface WorkSession {
  /** Stable key from the store ("rune:…", "watson:…"); absent before it is stored. */
  id?: string;
  project: string;
  start: number;
  /** Absent while the session is open. */
  end?: number;
  /** In time order; only the last may be open, and only while the session is. */
  pauses: Pause[];
  /** Carried over from an importer (Watson tags, Timewarrior tags); rune adds none. */
  tags?: string[];
  /** A Timewarrior annotation, a Watson message. */
  note?: string;
}

export type SessionState = "running" | "paused" | "stopped";

export type TrackingEvent =
  | { kind: "start"; project: string; at: number }
  | { kind: "pause"; at: number }
  | { kind: "resume"; at: number }
  | { kind: "stop"; at: number };

/** What is open now. `last` is the most recently closed session: a new one may not overlap it. */
export type TrackingState =
  | { kind: "idle"; last?: WorkSession }
  | { kind: "running"; session: WorkSession }
  | { kind: "paused"; session: WorkSession };

export interface ApplyOptions {
  /** The clock: no event may be later than this. */
  now: number;
  /** Zone for the times quoted in messages; the system's when absent. */
  timeZone?: string;
}

export function sessionState(session: WorkSession): SessionState {
  if (session.end !== undefined) return "stopped";
  const last = session.pauses.at(-1);
  return last && last.end === undefined ? "paused" : "running";
}

/** The state a store is in, given its open session (if any) and its last closed one. */
export function trackingState(open: WorkSession | undefined, last?: WorkSession): TrackingState {
  if (!open) return { kind: "idle", last };
  return sessionState(open) === "paused"
    ? { kind: "paused", session: open }
    : { kind: "running", session: open };
}

/** The time of the latest thing that happened to a session; later events may not precede it. */
export function lastEventAt(session: WorkSession): { at: number; what: string } {
  let latest = { at: session.start, what: "start" };
  for (const p of session.pauses) {
    if (p.start >= latest.at) latest = { at: p.start, what: "pause" };
    if (p.end !== undefined && p.end >= latest.at) latest = { at: p.end, what: "resume" };
  }
  if (session.end !== undefined && session.end >= latest.at) {
    latest = { at: session.end, what: "stop" };
  }
  return latest;
}

/**
 * The one transition function. Refuses, as an Issue, a pause while paused, a resume while
 * running, any event but start with no open session, a start while one is open, a time in the
 * future, and a time before the session's previous event (or, for a start, before the end of
 * the previous session: sessions never overlap).
 */
export function applyEvent(
  state: TrackingState,
  event: TrackingEvent,
  options: ApplyOptions,
): Result<TrackingState, Issue> {
  const when = (t: number) => formatWhen(t, options.now, options.timeZone);
  if (!Number.isFinite(event.at)) throw new Error(`applyEvent: event time is not a number`);
  if (event.at > options.now) {
    return err(errorIssue(
      "at-future",
      `Cannot ${verb(event)} at ${when(event.at)}: that is in the future (now ${
        when(options.now)
      })`,
      { hint: "Give a time up to now, e.g. --at -10m, or leave --at out" },
    ));
  }
  if (event.kind === "start") return start(state, event, when);
  if (state.kind === "idle") {
    return err(errorIssue("no-open-session", `Cannot ${event.kind}: no work session is open`, {
      hint: 'Start one with "rune start [project]"',
    }));
  }
  const session = state.session;
  const previous = lastEventAt(session);
  const refused = stateRefusal(state, event.kind, when(previous.at));
  if (refused) return err(refused);
  if (event.at < previous.at) {
    return err(errorIssue(
      "at-before-previous",
      `Cannot ${event.kind} at ${
        when(event.at)
      }: "${session.project}" had its last event (${previous.what}) at ${when(previous.at)}`,
      { hint: `Give a time at or after ${when(previous.at)}` },
    ));
  }
  switch (event.kind) {
    case "pause":
      return ok({
        kind: "paused",
        session: { ...session, pauses: [...session.pauses, { start: event.at }] },
      });
    case "resume":
      return ok({ kind: "running", session: closeOpenPause(session, event.at) });
    case "stop":
      return ok({ kind: "idle", last: { ...closeOpenPause(session, event.at), end: event.at } });
  }
}

/** A pause while paused, a resume while running; stop is allowed from either. */
function stateRefusal(
  state: Exclude<TrackingState, { kind: "idle" }>,
  kind: "pause" | "resume" | "stop",
  since: string,
): Issue | undefined {
  const project = state.session.project;
  if (kind === "pause" && state.kind === "paused") {
    return errorIssue(
      "already-paused",
      `Cannot pause: "${project}" is already paused since ${since}`,
      {
        hint: 'Run "rune resume" to continue, or "rune stop" to end it',
      },
    );
  }
  if (kind === "resume" && state.kind === "running") {
    return errorIssue("not-paused", `Cannot resume: "${project}" is running since ${since}`, {
      hint: 'Nothing to resume; "rune pause" pauses it',
    });
  }
  return undefined;
}

function start(
  state: TrackingState,
  event: { kind: "start"; project: string; at: number },
  when: (t: number) => string,
): Result<TrackingState, Issue> {
  const project = event.project.trim();
  if (project === "") {
    return err(errorIssue("project-empty", "Cannot start: the project name is empty", {
      hint: "Name a project: rune start <project>",
    }));
  }
  if (state.kind !== "idle") {
    const open = state.session;
    return err(errorIssue(
      "session-open",
      `Cannot start "${project}": "${open.project}" is open since ${when(open.start)}`,
      { hint: `Stop "${open.project}" first with "rune stop"` },
    ));
  }
  const lastEnd = state.last?.end;
  if (lastEnd !== undefined && event.at < lastEnd) {
    return err(errorIssue(
      "at-before-previous",
      `Cannot start "${project}" at ${when(event.at)}: the previous session ("${
        state.last!.project
      }") ended at ${when(lastEnd)}`,
      { hint: `Give a time at or after ${when(lastEnd)}; sessions never overlap` },
    ));
  }
  return ok({ kind: "running", session: { project, start: event.at, pauses: [] } });
}

function closeOpenPause(session: WorkSession, at: number): WorkSession {
  const last = session.pauses.at(-1);
  if (!last || last.end !== undefined) return session;
  return { ...session, pauses: [...session.pauses.slice(0, -1), { start: last.start, end: at }] };
}

function verb(event: TrackingEvent): string {
  return event.kind === "start" ? `start "${event.project}"` : event.kind;
}

/** "09:15", "09:15:30", or "2026-03-07 23:50" when not on the same local day as `now`. */
export function formatWhen(instant: number, now: number, timeZone?: string): string {
  const w = wallTime(instant, timeZone);
  const n = wallTime(now, timeZone);
  const clock = `${pad2(w.hour)}:${pad2(w.minute)}${w.second ? `:${pad2(w.second)}` : ""}`;
  const sameDay = w.year === n.year && w.month === n.month && w.day === n.day;
  return sameDay ? clock : `${dateKey(w)} ${clock}`;
}
