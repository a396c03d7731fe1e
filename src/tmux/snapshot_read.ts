/**
 * Reading sessions off a live server for `rune session save`: one `list-panes -a` for every
 * pane and, beside it, one `ps` for the programs; then one call for the options set on the
 * chosen sessions and their windows (plus one more only when a value needs reading back
 * unquoted) and, beside it, one `sh` for the programs' exact arguments. A server
 * that is going away (a call fails, or pane processes have already exited) gives an error,
 * never a partial snapshot. Needs --allow-run=tmux,ps,sh.
 */
import { errorIssue, ok } from "../base/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import type { RunOutcome, Runtime, SavedPane, SavedSession, SavedWindow } from "../contract/mod.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import {
  argvDumpArgv,
  foregroundProcess,
  parseArgvDump,
  parseProcessTable,
  PS_ARGV,
} from "./processes.ts";
import type { ProcessRow } from "./processes.ts";
import {
  differing,
  optionsArgv,
  parseOptionSections,
  parseValues,
  splitPlain,
  valuesArgv,
} from "./snapshot_options.ts";
import type { QuotedOptions } from "./snapshot_options.ts";
import { groupBySession, PANE_FORMAT, parseEnvMark, parsePaneRows } from "./snapshot_panes.ts";
import type { PaneRow, SessionRows } from "./snapshot_panes.ts";

export interface ServerRead {
  runtime: Runtime;
  socket: readonly string[];
  env: Record<string, string>;
}

/** A session on the server as list-panes showed it. */
export interface LiveSession {
  id: string;
  name: string;
  project: string;
  /** settings.tmux.autosave was on when it was built (its @rune-autosave mark). */
  autosave: boolean;
  rows: PaneRow[];
}

const GOING_AWAY_HINT = "Save again once the server is steady; the earlier save was kept";

/** Every session on the server, with its panes; [] when no server runs. */
export async function listLiveSessions(s: ServerRead): Promise<Result<LiveSession[], Issue>> {
  const r = await runTmux(
    s.runtime,
    tmuxCommand(s.socket, "list-panes", "-a", "-F", PANE_FORMAT),
    s.env,
  );
  if (r.code === 127) {
    return fail("tmux-missing", "Cannot save sessions: tmux is not installed or not on PATH", {
      hint: "Install tmux 3.2 or newer",
    });
  }
  if (r.code !== 0) {
    if (/no server running|error connecting|no sessions/.test(r.stderr)) return ok([]);
    if (/server exited|lost server/.test(r.stderr)) {
      return fail(
        "server-going-away",
        "Cannot save sessions: the tmux server is going away " +
          `(tmux says "${tmuxError(r)}")`,
        { hint: GOING_AWAY_HINT },
      );
    }
    return fail("tmux-failed", `Cannot save sessions: tmux says "${tmuxError(r)}"`, {
      hint: GOING_AWAY_HINT,
    });
  }
  const parsed = parsePaneRows(r.stdout);
  if (!parsed.ok) {
    return fail(
      "tmux-output",
      "Cannot save sessions: tmux's list of panes could not be read " +
        "(a window name or directory is not valid UTF-8)",
      {
        hint: "Rename that window or directory, then save again",
      },
    );
  }
  return ok(
    groupBySession(parsed.rows).map(({ id, rows }: SessionRows) => ({
      id,
      name: rows[0].session_name,
      project: rows[0]["@rune-project"],
      autosave: rows[0]["@rune-autosave"] !== "",
      rows,
    })),
  );
}

/**
 * The process table, for {@link snapshotSessions}: start it beside list-panes (the options
 * call after both is what proves the server was still there).
 */
export function readProcesses(s: ServerRead): Promise<RunOutcome> {
  return s.runtime.run(PS_ARGV, { clearEnv: true, env: s.env });
}

/** `sessions` as saved sessions: their options and programs read, the server still there. */
export async function snapshotSessions(
  s: ServerRead,
  sessions: readonly LiveSession[],
  processes: Promise<RunOutcome> = readProcesses(s),
): Promise<Result<SavedSession[], Issue>> {
  if (!sessions.length) return ok([]);
  const targets = sessions.map((live) => ({ id: live.id, windows: windowIds(live.rows) }));
  const ps = await processes;
  if (ps.code !== 0) {
    return fail("ps-failed", `Cannot save sessions: ps failed: ${tmuxError(ps)}`, {
      hint: "Check that ps (procps) is installed and on PATH",
    });
  }
  const table = parseProcessTable(ps.stdout);
  const gone = sessions.flatMap((l) => l.rows).filter((row) =>
    row.pane_dead !== "1" && !table.has(Number(row.pane_pid))
  );
  if (gone.length) {
    return fail(
      "server-going-away",
      "Cannot save sessions: the tmux server is going away " +
        `(the process of pane ${gone[0].pane_id} has already exited)`,
      { hint: GOING_AWAY_HINT },
    );
  }
  const programs = sessions.flatMap((l) => l.rows)
    .map((row) => foregroundProcess(Number(row.pane_pid), table))
    .filter((pid): pid is number => pid !== undefined);
  // The options last (a server gone by then fails it); beside them, only when something runs,
  // one more process for the programs' arguments exactly as they were given.
  const [options, dump] = await Promise.all([
    readOptions(s, targets),
    programs.length
      ? s.runtime.run(argvDumpArgv(programs), { clearEnv: true, env: s.env })
      : Promise.resolve(undefined),
  ]);
  if (!options.ok) return options;
  const exact = dump ? parseArgvDump(dump.stdout) : new Map<number, string[]>();
  const argvOf = (pid: number) => exact.get(pid);
  let w = 0;
  return ok(sessions.map((live, i) => {
    const windows = groupWindows(live.rows)
      .map((rows) => savedWindow(rows, options.value.windows[w++], table, argvOf));
    const first = live.rows[0];
    return {
      name: live.name,
      project: live.project,
      dir: first.session_path,
      size: {
        columns: Math.max(...live.rows.map((r) => Number(r.window_width))),
        rows: Math.max(...live.rows.map((r) => Number(r.window_height))),
      },
      env: parseEnvMark(first["@rune-env"]),
      options: options.value.sessions[i],
      windows,
    };
  }));
}

interface ReadOptions {
  sessions: Record<string, string>[];
  windows: Record<string, string>[];
}

async function readOptions(
  s: ServerRead,
  targets: { id: string; windows: string[] }[],
): Promise<Result<ReadOptions, Issue>> {
  const out = await runAll(s, optionsArgv(s.socket, { sessions: targets }));
  if (!out.ok) return out;
  const count = 2 + targets.reduce((n, t) => n + 1 + t.windows.length, 0);
  const sections = parseOptionSections(out.value, count);
  if (!sections) {
    return fail(
      "tmux-output",
      "Cannot save sessions: the tmux server is going away (it printed only part of their options)",
      {
        hint: GOING_AWAY_HINT,
      },
    );
  }
  const [serverSession, serverWindow, ...local] = sections;
  const wanted: { target: string; options: QuotedOptions }[] = [];
  let k = 0;
  for (const t of targets) {
    wanted.push({ target: t.id, options: differing(local[k++], serverSession) });
    for (const w of t.windows) {
      wanted.push({ target: w, options: differing(local[k++], serverWindow) });
    }
  }
  const split = wanted.map((x) => ({ target: x.target, ...splitPlain(x.options) }));
  const lookups = split.filter((x) => x.lookup.length)
    .map((x) => ({ target: x.target, names: x.lookup }));
  const values = new Map<string, Record<string, string>>();
  if (lookups.length) {
    const read = await runAll(s, valuesArgv(s.socket, lookups));
    if (!read.ok) return read;
    const parsed = parseValues(read.value, lookups);
    if (!parsed) {
      return fail(
        "tmux-output",
        "Cannot save sessions: the tmux server is going away (it printed only part of their option values)",
        {
          hint: GOING_AWAY_HINT,
        },
      );
    }
    lookups.forEach((l, i) => values.set(l.target, parsed[i]));
  }
  const records = split.map((x) => sortKeys({ ...x.plain, ...values.get(x.target) }));
  const result: ReadOptions = { sessions: [], windows: [] };
  let r = 0;
  for (const t of targets) {
    result.sessions.push(records[r++]);
    for (const _ of t.windows) result.windows.push(records[r++]);
  }
  return ok(result);
}

/** Runs each call; their output as one text. A failed call is the server going away. */
async function runAll(s: ServerRead, calls: string[][]): Promise<Result<string, Issue>> {
  let text = "";
  for (const argv of calls) {
    const r = await runTmux(s.runtime, argv, s.env);
    if (r.code !== 0) {
      return fail(
        "server-going-away",
        "Cannot save sessions: the tmux server changed while " +
          `rune read it: "${tmuxError(r)}"`,
        { hint: GOING_AWAY_HINT },
      );
    }
    text += r.stdout;
  }
  return ok(text);
}

function savedWindow(
  rows: PaneRow[],
  options: Record<string, string>,
  table: ReadonlyMap<number, ProcessRow>,
  argvOf: (pid: number) => string[] | undefined,
): SavedWindow {
  const first = rows[0];
  return {
    name: first.window_name,
    layout: first.window_layout,
    active: first.window_active === "1",
    zoomed: first.window_zoomed_flag === "1",
    options,
    panes: rows.map((row): SavedPane => {
      const pane: SavedPane = {
        dir: row.pane_current_path,
        title: row.pane_title,
        active: row.pane_active === "1",
      };
      const fg = foregroundProcess(Number(row.pane_pid), table);
      if (fg !== undefined) pane.running = argvOf(fg) ?? table.get(fg)!.args;
      return pane;
    }),
  };
}

function windowIds(rows: readonly PaneRow[]): string[] {
  return [...new Set(rows.map((r) => r.window_id))];
}

function groupWindows(rows: readonly PaneRow[]): PaneRow[][] {
  const out = new Map<string, PaneRow[]>();
  for (const row of rows) out.set(row.window_id, [...(out.get(row.window_id) ?? []), row]);
  return [...out.values()];
}

function sortKeys(record: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => a < b ? -1 : a > b ? 1 : 0));
}

function fail(code: string, problem: string, extra: Partial<Issue>): { ok: false; error: Issue } {
  return { ok: false, error: errorIssue(code, problem, extra) };
}
