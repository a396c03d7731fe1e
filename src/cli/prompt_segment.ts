/**
 * The text of `rune prompt`: the open work session's project, time worked and whether it is
 * paused, shaped by a format ("{project} {worked}{paused}"). Pure. With no open session only
 * the project the shell hook set is shown; with neither, nothing.
 */
import type { WorkSession } from "../tracking/mod.ts";

export const PROMPT_FORMAT = "{project} {worked}{paused}";

/** 1h05m, 25m, 0m: short enough for a prompt. */
export function compactDuration(ms: number): string {
  const minutes = Math.floor(Math.max(0, ms) / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h ? `${h}h${String(m).padStart(2, "0")}m` : `${m}m`;
}

export function promptSegment(
  o: { session?: WorkSession; hookProject?: string; now: number; format?: string },
): string {
  const { session } = o;
  if (!session && !o.hookProject) return "";
  let worked = "";
  let paused = false;
  if (session) {
    const open = session.pauses.at(-1);
    paused = open !== undefined && open.end === undefined;
    const until = paused ? open!.start : o.now;
    let pausedMs = 0;
    for (const p of session.pauses) if (p.end !== undefined) pausedMs += p.end - p.start;
    worked = compactDuration(until - session.start - pausedMs);
  }
  const values: Record<string, string> = {
    project: session?.project ?? o.hookProject ?? "",
    worked,
    paused: paused ? " paused" : "",
    state: session ? (paused ? "paused" : "running") : "",
  };
  const text = (o.format ?? PROMPT_FORMAT).replace(
    /\{(project|worked|paused|state)\}/g,
    (_, key: string) => values[key],
  );
  // A value is shown, never obeyed: no control character reaches the terminal.
  // deno-lint-ignore no-control-regex
  return text.replace(/[\x00-\x1f\x7f]/g, "").trim();
}
