/**
 * rune's sessions on a server: the ones carrying the @rune-project option. Parsing is pure and
 * tested on captured output; a tab separates fields (no sanitized name contains one).
 */
import { suggest } from "../base/mod.ts";
import type { Runtime } from "../contract/mod.ts";
import { PROJECT_OPTION } from "./build.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { unsetCloseHook } from "./close_hook.ts";
import { chain } from "./escape.ts";

export interface SessionInfo {
  name: string;
  project: string;
  windows: number;
  attached: number;
  /** Unix seconds. */
  created: number;
}

export const LIST_FORMAT =
  `#{session_name}\t#{${PROJECT_OPTION}}\t#{session_windows}\t#{session_attached}\t#{session_created}`;

/** `list-sessions -F LIST_FORMAT` output → rune's sessions (others dropped). */
export function parseSessionList(text: string): SessionInfo[] {
  const out: SessionInfo[] = [];
  for (const line of text.split("\n")) {
    const [name, project, windows, attached, created] = line.split("\t");
    if (!name || !project || created === undefined) continue;
    out.push({
      name,
      project,
      windows: Number(windows),
      attached: Number(attached),
      created: Number(created),
    });
  }
  return out;
}

export type SessionMatch =
  | { kind: "found"; session: SessionInfo }
  /** More than one of rune's sessions fits: their names. */
  | { kind: "ambiguous"; names: string[] }
  /** None fits; the closest name, when one is close. */
  | { kind: "none"; suggestion?: string };

/**
 * Which of rune's sessions a person means by `given`: the session of that name, else the one
 * session of the project of that name, else the one session whose name starts with it. Pure.
 */
export function resolveSession(given: string, sessions: readonly SessionInfo[]): SessionMatch {
  if (given === "") return { kind: "none" };
  const exact = sessions.find((s) => s.name === given);
  if (exact) return { kind: "found", session: exact };
  const rules = [
    (s: SessionInfo) => s.project === given,
    (s: SessionInfo) => s.name.startsWith(given),
  ];
  for (const fits of rules) {
    const matches = sessions.filter(fits);
    if (matches.length === 1) return { kind: "found", session: matches[0] };
    if (matches.length > 1) return { kind: "ambiguous", names: matches.map((s) => s.name) };
  }
  const project = suggest(given, sessions.map((s) => s.project));
  const suggestion = suggest(given, sessions.map((s) => s.name)) ??
    sessions.find((s) => s.project === project)?.name;
  return { kind: "none", suggestion };
}

export type ListResult = { ok: true; sessions: SessionInfo[] } | {
  ok: false;
  message: string;
  missing?: boolean;
};

export async function listRuneSessions(
  runtime: Runtime,
  socket: readonly string[],
  env: Record<string, string>,
): Promise<ListResult> {
  const r = await runTmux(runtime, tmuxCommand(socket, "list-sessions", "-F", LIST_FORMAT), env);
  if (r.code === 127) {
    return { ok: false, message: "tmux is not installed or not on PATH", missing: true };
  }
  if (r.code !== 0) {
    // No server (or no sessions) is an empty list, not an error.
    if (/no server running|no sessions|error connecting/.test(r.stderr)) {
      return { ok: true, sessions: [] };
    }
    return { ok: false, message: tmuxError(r) };
  }
  return { ok: true, sessions: parseSessionList(r.stdout) };
}

export async function killSession(
  runtime: Runtime,
  socket: readonly string[],
  env: Record<string, string>,
  name: string,
): Promise<{ ok: boolean; message: string }> {
  const r = await runTmux(runtime, tmuxCommand(socket, "kill-session", "-t", `=${name}`), env);
  return r.code === 0
    ? { ok: true, message: `killed session "${name}"` }
    : { ok: false, message: tmuxError(r) };
}

/**
 * After `rune stop` ran the stop ritual: each session's close hook is no longer needed (it
 * would run stop again), and with `kill` the sessions end too — hook removed first, so
 * killing them does not run stop a second time. One tmux call for all.
 */
export function stopSessionsArgv(
  socket: readonly string[],
  sessions: readonly string[],
  kill: boolean,
): string[] {
  const commands = sessions.flatMap((name) => [
    unsetCloseHook(name),
    ...(kill ? [["kill-session", "-t", `=${name}`]] : []),
  ]);
  return ["tmux", ...socket, ...chain(commands)];
}
