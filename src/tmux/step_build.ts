/**
 * What a tmux step turns into: the build options and the argv, from the step and rune's view
 * of the world. Pure; shared by the executor and by `--dry-run`, so the printed argv is the
 * one that runs (but for the marker dir, which only exists at run time).
 */
import type { SessionLayout, TmuxStep, WindowLayout } from "../rituals/plan_types.ts";
import { buildAddWindow, buildSession } from "./build.ts";
import type { BuildOptions, SessionBuild } from "./build.ts";

/** Panes are built this big while detached, so layouts fit before a client attaches. */
export const DETACHED_SIZE = { columns: 200, rows: 50 };

export function stepBuildOptions(
  step: TmuxStep,
  world: {
    socket: readonly string[];
    project: string;
    parentEnv: Readonly<Record<string, string>>;
    baseEnv: Readonly<Record<string, string>>;
    markerDir: string;
  },
): BuildOptions {
  return {
    socket: world.socket,
    project: world.project,
    size: DETACHED_SIZE,
    env: step.env,
    // What the env filter withheld from rune's children is hidden from the session's panes too.
    hide: Object.keys(world.parentEnv).filter((k) => !(k in world.baseEnv)).sort(),
    markerDir: world.markerDir,
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

/** The argv that creates the step's session, and the one that adds its window if it exists. */
export function describeStepBuild(step: TmuxStep, options: BuildOptions): {
  create: SessionBuild;
  addWindow?: SessionBuild;
} {
  const layout = stepLayout(step);
  return {
    create: buildSession(layout, options),
    addWindow: step.layout ? undefined : buildAddWindow(step.session, layout.windows[0], options),
  };
}
