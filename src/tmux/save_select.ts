/**
 * Which live sessions `rune session save NAME…|--all [--any]` means. Pure. rune's own
 * sessions (marked @rune-project) by default; `--any` adds every other session of the server.
 * A NAME is a session's name, its project's name or a unique beginning of the name (as for
 * `rune session attach`), or a session id (`$3`, what the autosave timer passes). The
 * autosave hook and timers save only the sessions marked for it.
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import { resolveSession } from "./sessions.ts";
import type { SessionInfo } from "./sessions.ts";
import type { LiveSession } from "./snapshot_read.ts";

export interface SaveSelection {
  names: readonly string[];
  all: boolean;
  any: boolean;
  /** The autosave hook or timer: only sessions built with autosave on, and none is no error. */
  autosave?: boolean;
}

export function selectSessions(
  live: readonly LiveSession[],
  s: SaveSelection,
): Result<LiveSession[], Issue> {
  if (s.autosave) {
    const marked = live.filter((l) => l.autosave && (s.all || s.names.includes(l.id)));
    return { ok: true, value: marked };
  }
  const mine = live.filter((l) => l.project !== "");
  const pool = s.any ? live : mine;
  if (s.all) {
    if (pool.length) return { ok: true, value: [...pool] };
    return fail(
      "nothing-to-save",
      `Cannot save: there is no ${s.any ? "" : "rune "}session on this tmux server`,
      s.any || !live.length
        ? "Start one first (rune start), or pick the server with --socket"
        : "Add --any to save sessions rune did not make",
    );
  }
  if (!s.names.length) {
    return fail("usage", "Cannot save: no session named", "Name one or more, or pass --all");
  }
  const chosen: LiveSession[] = [];
  for (const given of s.names) {
    const found = live.find((l) => l.id === given) ??
      (s.any ? live.find((l) => l.name === given) : undefined) ??
      resolved(given, mine);
    if (found === undefined || typeof found === "string") {
      const foreign = live.find((l) => l.name === given && l.project === "");
      return fail(
        "unknown-session",
        foreign
          ? `Cannot save "${given}": rune did not make that session`
          : `Cannot save "${given}": ${typeof found === "string" ? found : "no such session"}`,
        foreign
          ? "Add --any to save it too"
          : "See the sessions with: rune session ls (or tmux ls, for --any)",
      );
    }
    if (!chosen.includes(found)) chosen.push(found);
  }
  return { ok: true, value: chosen };
}

/** The one session of `mine` that `given` means, or why there is none. */
function resolved(given: string, mine: readonly LiveSession[]): LiveSession | string {
  const infos: SessionInfo[] = mine.map((l) => ({
    name: l.name,
    project: l.project,
    windows: 0,
    attached: 0,
    created: 0,
  }));
  const match = resolveSession(given, infos);
  switch (match.kind) {
    case "found":
      return mine.find((l) => l.name === match.session.name)!;
    case "ambiguous":
      return `it fits ${match.names.map((n) => `"${n}"`).join(", ")}`;
    case "none":
      return match.suggestion
        ? `no such session (did you mean "${match.suggestion}"?)`
        : "no such session";
  }
}

function fail(code: string, problem: string, hint: string): { ok: false; error: Issue } {
  return { ok: false, error: errorIssue(code, problem, { hint }) };
}
