/**
 * The tmux calls of a Plan's tmux steps, decided once the tmux world is known: each step gets
 * the exact argv the executor will run (socket, size, hidden names, close hook, marker dir),
 * so `--dry-run` prints what runs instead of rebuilding it. Pure.
 */
import type {
  Plan,
  SessionLayout,
  Step,
  TmuxCalls,
  TmuxStep,
  WindowLayout,
} from "../contract/mod.ts";
import { buildAddWindow, buildSession } from "./build.ts";
import { buildAppendWindows } from "./build_append.ts";
import { syncWindows } from "./build_window.ts";
import type { BuildOptions } from "./build.ts";
import type { CloseHookSpec } from "./close_hook.ts";
import type { AutosaveSpec } from "./autosave.ts";
import type { TmuxWorld } from "./world.ts";

export interface TmuxCallOptions {
  /** Where this run's panes report readiness: `${TMPDIR}/rune-panes-RANDOM`, made at run time. */
  markerDir: string;
  /** settings.tmux.stop_on_session_close: how the hook reaches rune (the session is the step's). */
  closeHook?: Omit<CloseHookSpec, "session">;
  /** settings.tmux.autosave: the interval and how the timer reaches rune. */
  autosave?: AutosaveSpec;
}

/** The Plan with `tmux` set on every tmux step. */
export function planTmuxCalls(plan: Plan, world: TmuxWorld, options: TmuxCallOptions): Plan {
  const steps = plan.steps.map((step): Step =>
    step.kind === "tmux"
      ? {
        ...step,
        tmux: tmuxCalls(step, world, {
          ...options,
          // One directory per step: marker names (w1p1…) repeat across sessions.
          markerDir: `${options.markerDir}-${step.id}`,
          project: plan.project.name,
        }),
      }
      : step
  );
  return { ...plan, steps };
}

/** The argv that creates the step's session, and (tmux_session) the one that adds its window. */
export function tmuxCalls(
  step: TmuxStep,
  world: TmuxWorld,
  options: TmuxCallOptions & { project: string },
): TmuxCalls {
  const build: BuildOptions = {
    socket: world.socketArgs,
    project: options.project,
    size: world.size,
    env: step.env,
    hide: world.hide,
    markerDir: options.markerDir,
    closeHook: options.closeHook && { ...options.closeHook, session: step.session },
    autosave: options.autosave,
  };
  const layout = stepLayout(step);
  const synchronize = syncWindows(layout.windows);
  return {
    socket: world.socketArgs,
    markerDir: options.markerDir,
    create: buildSession(layout, build),
    ...(step.layout ? {} : { addWindow: buildAddWindow(step.session, layout.windows[0], build) }),
    ...(step.layout && step.append ? { appendWindows: buildAppendWindows(layout, build) } : {}),
    ...(synchronize.length ? { synchronize } : {}),
  };
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
