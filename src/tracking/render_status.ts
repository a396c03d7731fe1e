/**
 * `rune status` as text for a person (two short lines, fit for a prompt's tooltip) and as JSON
 * for scripts. Pure: a `TrackingStatus` and the clock → text or a plain object.
 */
import type { TrackingStatus } from "./arithmetic.ts";
import { formatDuration, formatRfc3339 } from "./format.ts";
import { formatWhen } from "./model.ts";

export interface StatusOptions {
  now: number;
  timeZone?: string;
}

export function renderStatus(status: TrackingStatus, options: StatusOptions): string {
  const when = (t: number) => formatWhen(t, options.now, options.timeZone);
  const today = `Today: ${formatDuration(status.today)}`;
  if (status.state === "idle" || status.project === undefined || status.started === undefined) {
    return `No work session is open.\n${today}\n`;
  }
  const worked = `${formatDuration(status.worked)} worked`;
  const head = status.state === "paused" && status.pausedSince !== undefined
    ? `${status.project}: paused since ${when(status.pausedSince)}, ${worked} (started ${
      when(status.started)
    })`
    : `${status.project}: running since ${when(status.started)}, ${worked}` +
      (status.paused > 0 ? ` (${formatDuration(status.paused)} paused)` : "");
  return `${head}\n${today}\n`;
}

/** Durations in whole seconds and in Rune's "Xh Ym"; times in RFC 3339 with the offset. */
export function statusJson(
  status: TrackingStatus,
  options: StatusOptions,
): Record<string, unknown> {
  const seconds = (ms: number) => Math.floor(ms / 1000);
  const time = (t: number) => formatRfc3339(t, options.timeZone);
  const today = { today_seconds: seconds(status.today), today: formatDuration(status.today) };
  if (status.state === "idle" || status.started === undefined) return { state: "idle", ...today };
  return {
    state: status.state,
    project: status.project,
    started: time(status.started),
    ...(status.pausedSince !== undefined ? { paused_since: time(status.pausedSince) } : {}),
    elapsed_seconds: seconds(status.elapsed),
    worked_seconds: seconds(status.worked),
    paused_seconds: seconds(status.paused),
    ...today,
    elapsed: formatDuration(status.elapsed),
    worked: formatDuration(status.worked),
    paused: formatDuration(status.paused),
  };
}
