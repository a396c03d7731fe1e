/**
 * `rune session status`: each pane of a session rune made, as its readiness stands (issue 17):
 * waiting (for what), ready, failed, exited. Read from the pane options the watcher keeps
 * (@rune-pane, @rune-state, @rune-ready, @rune-started, readiness_run.ts) and #{pane_dead}; a
 * pane still waiting on a port, file or exit condition is checked once more now, so the answer
 * holds after `rune start` returned. Parsing and deciding are pure; one tmux call gathers.
 * Needs --allow-run=tmux (and --allow-net=127.0.0.1 for port conditions).
 */
import { describeCondition } from "../contract/mod.ts";
import type { ReadyCondition, Runtime } from "../contract/mod.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { checkWatches } from "./conditions.ts";
import type { Watch } from "./conditions.ts";
import { cliLink } from "./link.ts";

export type PaneStatusKind = "waiting" | "ready" | "failed" | "exited";

export interface PaneStatus {
  id: string;
  /** "db.1" as the config names it, else WINDOW.INDEX as tmux shows it. */
  pane: string;
  status: PaneStatusKind;
  /** What it waits for, why it failed, its exit status. */
  detail: string;
  /** Declared condition, when there is one. */
  ready?: ReadyCondition;
}

const FIELDS = [
  "#{pane_id}",
  "#{window_name}.#{pane_index}",
  "#{pane_dead}",
  "#{pane_dead_status}",
  "#{@rune-pane}",
  "#{@rune-started}",
  "#{@rune-ready}",
  "#{@rune-state}",
];
export const STATUS_FORMAT = FIELDS.join("\t");

interface Row {
  id: string;
  pane: string;
  dead: boolean;
  deadStatus: string;
  started?: number;
  ready?: ReadyCondition;
  state: string;
}

/** `list-panes -s -F STATUS_FORMAT` output → rows (the state last: it may hold a tab). Pure. */
export function parseStatusRows(text: string): Row[] {
  return text.split("\n").filter((l) => l.startsWith("%")).map((line) => {
    const [id, where, dead, deadStatus, label, started, ready, ...state] = line.split("\t");
    let condition: ReadyCondition | undefined;
    try {
      condition = ready ? JSON.parse(ready) : undefined;
    } catch { /* not rune's: shown without it */ }
    return {
      id,
      pane: label || where,
      dead: dead === "1",
      deadStatus,
      started: started ? Number(started) : undefined,
      ready: condition,
      state: state.join("\t"),
    };
  });
}

/** A row's status as it stands; `held` says whether its condition holds now. Pure. */
export function decideStatus(row: Row, held?: boolean): PaneStatus {
  const base = { id: row.id, pane: row.pane, ...(row.ready ? { ready: row.ready } : {}) };
  if (row.dead) {
    const ok = row.ready?.kind === "exit" && Number(row.deadStatus) === row.ready.status;
    return {
      ...base,
      status: ok ? "ready" : "exited",
      detail: `exited with status ${row.deadStatus || "?"}`,
    };
  }
  const [kind, ...rest] = row.state.split(": ");
  if (row.state === "" || row.state === "ready" || held) {
    const what = row.ready ? `it ${describeCondition(row.ready)}` : "";
    return {
      ...base,
      status: "ready",
      detail: held && row.state !== "ready" ? `${what}: checked now` : what,
    };
  }
  if (kind === "failed") return { ...base, status: "failed", detail: rest.join(": ") };
  return { ...base, status: "waiting", detail: row.state };
}

export type StatusResult = { ok: true; panes: PaneStatus[] } | { ok: false; message: string };

export async function sessionStatus(
  runtime: Runtime,
  socket: readonly string[],
  env: Record<string, string>,
  session: string,
): Promise<StatusResult> {
  const r = await runTmux(
    runtime,
    tmuxCommand(socket, "list-panes", "-s", "-t", `=${session}:`, "-F", STATUS_FORMAT),
    env,
  );
  if (r.code !== 0) return { ok: false, message: tmuxError(r) };
  const rows = parseStatusRows(r.stdout);
  // Conditions still waited on are asked once more: the watcher may be long gone.
  const open = rows.filter((row) =>
    !row.dead && row.ready && row.ready.kind !== "output" && row.state.startsWith("waiting until")
  );
  const watches: Watch[] = open.map((row) => ({
    condition: row.ready!,
    panes: [{ id: row.id, typed: [], since: 0 }],
    startedAt: row.started ?? Date.now(),
    verdict: { state: "pending" },
  }));
  // Checked without a timeout: a condition that holds late still holds.
  const untimed = watches.map((w) => ({ ...w, condition: { ...w.condition, timeoutMs: 0 } }));
  await checkWatches(untimed, { link: cliLink(runtime, socket, env), now: Date.now() });
  const held = new Map(open.map((row, i) => [row.id, untimed[i].verdict.state === "ready"]));
  return { ok: true, panes: rows.map((row) => decideStatus(row, held.get(row.id))) };
}
