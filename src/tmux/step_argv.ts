/**
 * A TmuxStep → the options and argv its build uses. Pure, shared by the executor and by
 * `--dry-run` (describeTmuxStep), so the printed argv is the one that runs.
 */
import type { SessionLayout, TmuxStep, WindowLayout } from "../rituals/plan_types.ts";
import { buildSession, buildTyping } from "./build.ts";
import type { BuildOptions } from "./build.ts";
import type { CloseHookSpec } from "./close_hook.ts";
import { socketArgs } from "./socket.ts";
import type { SocketChoice } from "./socket.ts";

/** A detached session's size when no client size is known: big enough for layouts (FACTS §4). */
export const DETACHED_SIZE = { columns: 200, rows: 50 } as const;

export interface StepArgvContext {
  socket: SocketChoice;
  project: string;
  /** Names the env filter removed: hiddenNames(parentEnv, baseEnv). */
  hide: readonly string[];
  markerDir: string;
  size?: { columns: number; rows: number };
  /** Present when settings.tmux.stop_on_session_close is on (session name filled in here). */
  closeHook?: Omit<CloseHookSpec, "session">;
}

/** The variables rune withholds: in its own environment but not in the filtered one. */
export function hiddenNames(
  parentEnv: Readonly<Record<string, string>>,
  baseEnv: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(parentEnv).filter((k) => !(k in baseEnv)).sort();
}

export function buildOptionsFor(step: TmuxStep, c: StepArgvContext): BuildOptions {
  return {
    socket: socketArgs(c.socket),
    project: c.project,
    size: c.size ?? DETACHED_SIZE,
    env: step.env,
    hide: c.hide,
    markerDir: c.markerDir,
    closeHook: c.closeHook ? { ...c.closeHook, session: step.session } : undefined,
  };
}

/**
 * The name tmux gives a session: it turns `.` and `:` into `_` itself (3.3a), so every target
 * rune writes must use the same form. The planner sanitizes already; this keeps the engine
 * right for any caller.
 */
export function tmuxSessionName(name: string): string {
  return name.replace(/[.:]/g, "_");
}

/** The step with its session name as tmux will spell it (see tmuxSessionName). */
export function normalizeStep(step: TmuxStep): TmuxStep {
  const session = tmuxSessionName(step.session);
  if (session === step.session && (!step.layout || step.layout.session === session)) return step;
  return { ...step, session, layout: step.layout && { ...step.layout, session } };
}

/** The layout a step builds: its template, or for tmux_session one window typing `command`. */
export function stepLayout(step: TmuxStep): SessionLayout {
  if (step.layout) return step.layout;
  const window: WindowLayout = {
    dir: step.cwd,
    focus: true,
    panes: [{
      commands: step.command ? [step.command] : [],
      dir: step.cwd,
      focus: true,
      exec: false,
    }],
  };
  return { template: "", session: step.session, dir: step.cwd, before: [], windows: [window] };
}

/**
 * `--dry-run` lines for a tmux step: the build call exactly, then the typing call that follows
 * the handshake (pane ids, unknown until tmux prints them, shown as %<w1p2>). A session that
 * exists is reused instead (tmux_session: the window is added to it).
 */
export function describeTmuxStep(original: TmuxStep, c: StepArgvContext): string[] {
  const step = normalizeStep(original);
  const options = buildOptionsFor(step, c);
  const build = buildSession(stepLayout(step), options);
  const typed = build.panes.filter((p) => p.commands.length);
  const lines = ["tmux, one call:", ...shellLines(build.argv)];
  if (typed.length) {
    const typing = buildTyping(
      options.socket,
      typed.map((p) => ({ id: `%<${p.key}>`, lines: p.commands })),
    );
    lines.push("then, once each pane's shell has answered its marker:", ...shellLines(typing));
  }
  return lines;
}

/** argv as pasteable sh lines, one tmux command per line (`\;` separators, `\` continued). */
export function shellLines(argv: readonly string[]): string[] {
  const out: string[][] = [[]];
  for (const a of argv) {
    if (a === ";") out.push(["\\;"]);
    else out[out.length - 1].push(shellWord(a));
  }
  return out.map((words, i) =>
    `${i ? "  " : ""}${words.join(" ")}${i < out.length - 1 ? " \\" : ""}`
  );
}

/** A word for sh, quoted only when it needs to be. */
function shellWord(a: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+^-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`;
}
