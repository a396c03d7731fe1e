/**
 * Watson's data → records. One reader takes any of Watson's three JSON shapes, told apart by
 * their shape, so `rune migrate watson FILE` needs no flag:
 * - `frames` (in Watson's config dir): an array of arrays, each
 *   [start, stop, project, id, tags, updated_at], start and stop in Unix seconds (UTC). Files
 *   from before Watson had tags hold [start, stop, project, id, updated_at]; the tests of Watson
 *   itself also write 4-element frames and a null id.
 * - `watson log --json`: an array of {id, project, start, stop, tags}, times in ISO 8601 with
 *   the local offset. With `--current` (or log_current) it includes the running frame as id
 *   "current" with stop = the time of the log; that stop is not a stop, so the record is open.
 * - `state` (beside `frames`): {project, start, tags} while a frame runs, {} otherwise.
 *
 * Watson gives a running frame an id only when it stops, so an open record is keyed
 * "running@<start>"; once stopped, planImport matches it to the open session by its start.
 */
import type { Result } from "../base/mod.ts";
import type { HistoryRead, HistoryRecord, Skip } from "./record.ts";
import { isoOf, parseRfc3339 } from "./time.ts";

interface Frame {
  start: unknown;
  stop: unknown;
  project: unknown;
  id: unknown;
  tags: unknown;
  running: boolean;
}

/** Reads Watson's frames file, `watson log --json` output or state file (as text). */
export function readWatson(text: string): Result<HistoryRead> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return notWatson(`it is not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const records: HistoryRecord[] = [];
  const skipped: Skip[] = [];
  const take = (frame: Frame, where: string) => {
    const record = recordOf(frame);
    if (typeof record === "string") skipped.push({ reason: record, where });
    else records.push(record);
  };
  if (Array.isArray(json)) {
    json.forEach((item, i) => {
      if (Array.isArray(item)) take(fromFrameRow(item), `frame ${i + 1}`);
      else if (isObject(item)) take(fromLogEntry(item), `entry ${i + 1}`);
      else skipped.push({ reason: "neither a frame nor a log entry", where: `item ${i + 1}` });
    });
  } else if (isObject(json)) {
    if ("project" in json) take({ ...fromLogEntry(json), running: true }, "state");
  } else {
    return notWatson("it is neither Watson's frames, its log nor its state");
  }
  return { ok: true, value: { records, skipped } };
}

/** A row of the frames file; a number in the fifth place is a pre-tags file's updated_at. */
function fromFrameRow(row: unknown[]): Frame {
  const [start, stop, project, id, tags] = row;
  return { start, stop, project, id, tags: Array.isArray(tags) ? tags : [], running: false };
}

function fromLogEntry(o: Record<string, unknown>): Frame {
  const running = o.id === "current";
  return { start: o.start, stop: o.stop, project: o.project, id: o.id, tags: o.tags, running };
}

function recordOf(frame: Frame): HistoryRecord | string {
  const start = timeOf(frame.start);
  if (start === undefined) return "no valid start time";
  const open = frame.running || frame.stop === null || frame.stop === undefined;
  const stop = open ? undefined : timeOf(frame.stop);
  if (!open && stop === undefined) return "no valid stop time";
  if (stop !== undefined && stop < start) return "stop before start";
  if (typeof frame.project !== "string" || frame.project === "") return "no project name";
  const id = typeof frame.id === "string" && frame.id !== "" && !frame.running
    ? frame.id
    : `${open ? "running" : "no-id"}@${isoOf(start)}`;
  const tags = Array.isArray(frame.tags)
    ? frame.tags.filter((t): t is string => typeof t === "string")
    : [];
  return {
    source: "watson",
    sourceId: id,
    project: frame.project,
    start: isoOf(start),
    ...(stop !== undefined ? { end: isoOf(stop) } : {}),
    ...(tags.length ? { tags } : {}),
  };
}

/** Unix seconds (frames, state; older Watson wrote floats) or an ISO string (`log --json`). */
function timeOf(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 && value < 1e11
      ? Math.round(value * 1000)
      : undefined;
  }
  return typeof value === "string" ? parseRfc3339(value) : undefined;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function notWatson(detail: string): Result<HistoryRead> {
  return {
    ok: false,
    error: [{
      severity: "error",
      code: "watson-unreadable",
      problem: `Cannot read Watson's data: ${detail}`,
      hint: "Pass Watson's frames file (usually ~/.config/watson/frames) or the output of " +
        "`watson log --json`",
    }],
  };
}
