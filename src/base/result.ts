/**
 * Errors as values. Every expected failure in rune (a bad config, tmux missing, a step that
 * fails) is an `Issue` with a place, a problem and a hint, carried in a `Result`. Only
 * `src/cli` turns them into text and exit codes. Imports only visible.ts beside it.
 */
import { visible } from "./visible.ts";

/** A position in a config file; line and column are 1-based. */
export interface Location {
  file: string;
  line: number;
  column: number;
}

/** Something a person must act on: where, what is wrong now, and the next action. */
export interface Issue {
  severity: "error" | "warning";
  /** Stable identifier for tests and `--json` readers, e.g. "unknown-key", "yaml-syntax". */
  code: string;
  where?: Location;
  /** "Cannot start ritual "web": window "db" has no panes"; values quoted, no final period. */
  problem: string;
  /** The next action, with the exact key or flag: "Add a pane under windows[1].panes". */
  hint?: string;
}

export type Result<T, E = Issue[]> = { ok: true; value: T } | { ok: false; error: E };

export function ok<T>(value: T): { ok: true; value: T } {
  return { ok: true, value };
}

export function err<E>(error: E): { ok: false; error: E } {
  return { ok: false, error };
}

export function errorIssue(code: string, problem: string, extra: Partial<Issue> = {}): Issue {
  return { severity: "error", code, problem, ...extra };
}

export function warningIssue(code: string, problem: string, extra: Partial<Issue> = {}): Issue {
  return { severity: "warning", code, problem, ...extra };
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === "error");
}

/**
 * "file:line:col: error: problem\n  hint: …" — the one text form of an issue, for people: the
 * values in it (file names, keys, configured names) show their control characters.
 */
export function formatIssue(issue: Issue): string {
  const where = issue.where
    ? `${visible(issue.where.file)}:${issue.where.line}:${issue.where.column}: `
    : "";
  const head = `${where}${issue.severity}: ${visible(issue.problem)}`;
  return issue.hint ? `${head}\n  hint: ${visible(issue.hint)}` : head;
}
