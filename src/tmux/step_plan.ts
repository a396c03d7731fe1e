/**
 * What a tmux step turns into: the build options and the argv, from the step and rune's view
 * of the world. Pure; shared by the executor and by `--dry-run`, so the printed argv is the
 * one that runs (but for the marker dir, which only exists at run time).
 */
import type { SessionLayout, TmuxStep, WindowLayout } from "../contract/plan.ts";
import { buildAddWindow, buildSession } from "./build.ts";
import type { BuildOptions, SessionBuild } from "./build.ts";
import type { CloseHookSpec } from "./close_hook.ts";

/** Panes are built this big while detached, so layouts fit before a client attaches. */
export const DETACHED_SIZE = { columns: 200, rows: 50 } as const;

export interface StepWorld {
  /** tmux global flags selecting the server: [], ["-L", name] or ["-S", path]. */
  socket: readonly string[];
  project: string;
  /** rune's own environment and the filtered one: what differs is hidden from the panes. */
  parentEnv: Readonly<Record<string, string>>;
  baseEnv: Readonly<Record<string, string>>;
  markerDir: string;
  /** The attaching terminal's size; default DETACHED_SIZE. */
  size?: { columns: number; rows: number };
  /** settings.tmux.stop_on_session_close (the session name is the step's). */
  closeHook?: Omit<CloseHookSpec, "session">;
}

export function stepBuildOptions(step: TmuxStep, world: StepWorld): BuildOptions {
  return {
    socket: world.socket,
    project: world.project,
    size: world.size ?? DETACHED_SIZE,
    env: step.env,
    // What the env filter withheld from rune's children is hidden from the session's panes too.
    hide: hiddenNames(world.parentEnv, world.baseEnv),
    markerDir: world.markerDir,
    closeHook: world.closeHook &&
      { ...world.closeHook, session: tmuxSessionName(step.session) },
  };
}

/** The variables rune withholds: in its own environment but not in the filtered one. */
export function hiddenNames(
  parentEnv: Readonly<Record<string, string>>,
  baseEnv: Readonly<Record<string, string>>,
): string[] {
  return Object.keys(parentEnv).filter((k) => !(k in baseEnv)).sort();
}

/**
 * The name tmux gives a session: it turns `.` and `:` into `_` itself (3.3a), so every target
 * rune writes must use that form. The planner sanitizes already; this keeps the engine right
 * for any caller.
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

/** A tmux_session step as a one-window layout: its command typed into a fresh pane. */
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

/** The argv that creates the step's session, and the one that adds its window if it exists. */
export function describeStepBuild(original: TmuxStep, options: BuildOptions): {
  create: SessionBuild;
  addWindow?: SessionBuild;
} {
  const step = normalizeStep(original);
  const layout = stepLayout(step);
  return {
    create: buildSession(layout, options),
    addWindow: step.layout ? undefined : buildAddWindow(step.session, layout.windows[0], options),
  };
}
