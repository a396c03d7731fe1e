/**
 * Declared readiness in the Plan (issue 17): when a pane or window of a template counts as
 * ready, what each pane waits for before its commands are typed, and the steps that wait for
 * panes of an earlier template step. Plain data, and the one way to say a condition in words.
 */
import { formatDuration } from "../base/mod.ts";

/**
 * One condition, resolved: a regex source, a local port, an absolute path, an exit status;
 * `timeoutMs` 0 waits for ever.
 */
export type ReadyCondition =
  | { kind: "output"; pattern: string; timeoutMs: number }
  | { kind: "port"; port: number; timeoutMs: number }
  | { kind: "file"; path: string; timeoutMs: number }
  | { kind: "exit"; status: number; timeoutMs: number };

/** A pane of the build ("w1p2") or a window of it (position from 1). */
export type GateRef = { kind: "pane"; key: string } | { kind: "window"; window: number };

export interface PaneReadiness {
  key: string;
  /** How the config names it: "db.1", "app.server". */
  label: string;
  ready?: ReadyCondition;
  /** What its commands wait for: its own depends_on, then its window's. */
  after: GateRef[];
}

export interface WindowReadiness {
  window: number;
  label: string;
  ready?: ReadyCondition;
  /** Its panes' keys. */
  panes: string[];
}

export interface SessionReadiness {
  panes: PaneReadiness[];
  windows: WindowReadiness[];
  /** Pane keys in the order they can start: the first wave at once, each next one after. */
  order: string[][];
}

/** A pane or window of an earlier tmux_template step that a step waits for (`wait_for`). */
export interface WaitTarget {
  /** The template step's id. */
  step: number;
  session: string;
  gate: GateRef;
  /** As written: "app.server". */
  label: string;
}

/** "prints a line matching /ready/ (within 1m)": for progress, failures, states, --dry-run. */
export function describeCondition(c: ReadyCondition): string {
  const what = c.kind === "output"
    ? `prints a line matching /${c.pattern}/`
    : c.kind === "port"
    ? `listens on port ${c.port}`
    : c.kind === "file"
    ? `has made ${c.path}`
    : `exits with status ${c.status}`;
  return `${what} (${c.timeoutMs ? `within ${formatDuration(c.timeoutMs)}` : "no timeout"})`;
}
