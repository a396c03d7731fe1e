/**
 * `rune session save [NAME…|--all] [--any]`: the chosen sessions read off the server (one
 * list-panes and one ps side by side, then one options call) and written as one file each under
 * $XDG_DATA_HOME/rune/saved, the previous save kept, under the save lock. A server that is
 * going away, or nothing to save, writes nothing. `--to-config` goes to session_to_config.ts.
 */
import { formatIssue, runePaths, visible } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import { formatSaved, savedDir, withSaveLock, writeSaved } from "../../state/mod.ts";
import {
  listLiveSessions,
  readProcesses,
  selectSessions,
  snapshotSessions,
} from "../../tmux/mod.ts";
import type { ServerRead, SocketChoice } from "../../tmux/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { sessionWorld } from "./session.ts";

export interface SaveOptions {
  names: string[];
  all: boolean;
  any: boolean;
  /** From the autosave hook or timer: no output unless something fails, a short lock wait. */
  autosave: boolean;
}

/** How long a save waits for another one to finish (the autosave timer waits less). */
const LOCK_WAIT_MS = 30_000;
const AUTOSAVE_LOCK_WAIT_MS = 5_000;

export async function sessionSave(
  flags: SocketChoice,
  options: SaveOptions,
  globals: GlobalOptions,
): Promise<number> {
  const world = await sessionWorld(flags, globals);
  const server: ServerRead = {
    runtime: denoRuntime,
    socket: world.socketArgs,
    env: world.clientEnv,
  };
  const dir = savedDir(runePaths(Deno.env.toObject()).dataDir);
  const wait = options.autosave ? AUTOSAVE_LOCK_WAIT_MS : LOCK_WAIT_MS;
  const locked = await withSaveLock(dir, wait, async () => {
    // ps beside list-panes: the options call after both proves the server was still there.
    const processes = readProcesses(server);
    const live = await listLiveSessions(server);
    if (!live.ok) return failed(live.error);
    const chosen = selectSessions(live.value, options);
    if (!chosen.ok) return failed(chosen.error);
    // The autosave hook with no marked session left: nothing to do, nothing to say.
    if (!chosen.value.length) return { code: EXIT.ok as number, lines: [] };
    const snap = await snapshotSessions(server, chosen.value, processes);
    if (!snap.ok) return failed(snap.error);
    const savedAt = new Date().toISOString();
    const lines: string[] = [];
    for (const session of snap.value) {
      const written = writeSaved(dir, session.name, formatSaved(session, savedAt));
      if (!written.ok) return failed(written.error);
      const panes = session.windows.reduce((n, w) => n + w.panes.length, 0);
      const running = session.windows.flatMap((w) => w.panes).filter((p) => p.running).length;
      lines.push(
        `saved session "${session.name}": ${session.windows.length} window(s), ${panes} ` +
          `pane(s)${running ? `, ${running} running a program` : ""}` +
          `${written.value.unchanged ? " (unchanged since the last save)" : ""} → ` +
          written.value.path,
      );
    }
    return { code: EXIT.ok as number, lines };
  });
  if (!locked.ok) return report(failed(locked.error));
  return report(locked.value, options.autosave || globals.quiet);
}

interface Outcome {
  code: number;
  lines: string[];
  issue?: Issue;
}

function failed(issue: Issue): Outcome {
  const code = issue.code === "tmux-missing"
    ? EXIT.missing
    : issue.code === "usage" || issue.code === "unknown-session"
    ? EXIT.usage
    : EXIT.stepFailed;
  return { code, lines: [], issue };
}

function report(outcome: Outcome, quiet = false): number {
  if (outcome.issue) console.error(formatIssue(outcome.issue));
  if (!quiet) { for (const line of outcome.lines) console.log(visible(line)); }
  return outcome.code;
}
