/**
 * The Plan: plain data that says everything a ritual run will do. Planning is pure; the
 * executors (src/exec, src/tmux, src/pty) consume exactly this object, and `--dry-run` /
 * `--json` print exactly this object, tmux argv included. Nothing here holds a function or a
 * handle.
 */
import type { Issue, Location } from "../base/mod.ts";
import type { SessionReadiness, WaitTarget } from "./readiness.ts";

/** start and stop run from `rune start|stop`; enter and leave from the shell hook. */
export type RitualName = "start" | "stop" | "enter" | "leave";

/** The project a ritual runs for, and how rune found it. */
export interface ProjectInfo {
  /** Lowercased, sanitized name: the key under per_project. */
  name: string;
  /** Absolute directory; becomes {{.ProjectDir}} and the default working directory. */
  dir: string;
  /** How it was found: "argument", "detect rule \"git:web\"", "package.json name", "git root", … */
  detectedBy: string;
}

interface StepBase {
  /** 1-based position in the ritual. */
  id: number;
  name: string;
  /** global commands or the project's per_project commands. */
  scope: "global" | "project";
  optional: boolean;
  /** Where the command is written in the config. */
  where?: Location;
  /** Panes or windows of earlier template steps that must be ready before it runs. */
  waitFor?: WaitTarget[];
}

/** Environment a child receives: the filtered parent env plus the command's own `env`. */
interface ChildSetup {
  /** The command line handed to `sh -c`, variables expanded and escaped. */
  command: string;
  cwd: string;
  /** The command's own `env` entries (expanded); always passed, never filtered. */
  env: Record<string, string>;
}

/** A non-interactive command: run, wait, time out. */
export interface ShellStep extends StepBase, ChildSetup {
  kind: "shell";
  /** null = no timeout. */
  timeoutMs: number | null;
}

/** Started in its own session, not waited for; output to `logFile`. */
export interface BackgroundStep extends StepBase, ChildSetup {
  kind: "background";
  logFile: string;
}

/** Interactive, no tmux keys: runs in the foreground in a pseudo-terminal (`script`). */
export interface PtyStep extends StepBase, ChildSetup {
  kind: "pty";
}

/** Interactive in tmux: a session from a template, or `command` in a new window of `session`. */
export interface TmuxStep extends StepBase {
  kind: "tmux";
  /** Sanitized session name: the one rune reports, targets and tmux stores. */
  session: string;
  /** Set for tmux_template steps. */
  layout?: SessionLayout;
  /** Set for tmux_session steps: typed into a new window of `session`. */
  command?: string;
  /**
   * `--append`: when the session exists, add the template's windows it lacks (by name)
   * instead of only reusing it.
   */
  append?: boolean;
  cwd: string;
  env: Record<string, string>;
  /**
   * The exact tmux calls, decided once the tmux world is known (socket, size, what to hide):
   * set on every tmux step before the Plan runs or is printed.
   */
  tmux?: TmuxCalls;
  /** A later step waits for panes of this one: keep watching them after it is built. */
  watched?: boolean;
}

/** What the tmux executor runs for one step. */
export interface TmuxCalls {
  /** Global flags selecting the server: [], ["-L", name] or ["-S", path]. */
  socket: string[];
  /** Where typed panes report that their shell reads input; made (0700) when the step runs. */
  markerDir: string;
  /**
   * Builds the session: as few chained calls as fit tmux's message limit, usually one. The
   * first creates the session and prints its id and stored name ("$3<TAB>NAME"); each later
   * one starts at an explicit target, where `$SESSION` in a `-t` value stands for that id.
   */
  create: SessionBuild[];
  /** tmux_session steps: adds the step's window to the session when it already exists. */
  addWindow?: SessionBuild;
  /**
   * `--append`: each window of the template as a build of its own, to add to the running
   * session the ones it lacks (by name). `-t $SESSION` in them is the session's id.
   */
  appendWindows?: AppendWindow[];
  /** Windows whose panes get synchronize-panes on around the typing (see SyncWindow). */
  synchronize?: SyncWindow[];
}

/** A template window that `--append` adds when the running session has no window so named. */
export interface AppendWindow {
  name: string;
  /** The template's focused window: selected when it is among those added. */
  focus: boolean;
  build: SessionBuild[];
}

/**
 * A window with `synchronize`, whose typed panes are in the typing phase: "before" sets
 * synchronize-panes on once all of them are ready, before any is typed (so each gets every
 * pane's lines); "after" once all of them are typed. A window with no typed pane has it set
 * in the build.
 */
export interface SyncWindow {
  /** Its typed panes' keys ("w2p1", …). */
  panes: string[];
  when: "before" | "after";
}

/** One chained tmux invocation, and the panes it creates in the order it prints their ids. */
export interface SessionBuild {
  argv: string[];
  panes: BuiltPane[];
}

/** One pane of a build, in creation order. */
export interface BuiltPane {
  /** "w1p2": window and pane position in the layout, from 1. */
  key: string;
  /** Lines to type once the pane's shell is ready; empty for exec panes and plain shells. */
  commands: string[];
  /**
   * The pane runs this program instead of a shell (`shell:`): its lines are typed once it
   * has printed and gone quiet, and it never gets the shell marker line.
   */
  program?: string;
  /** Typed after `commands` without Enter (a restored program that is not restarted). */
  pending?: string;
  /**
   * An exec pane that waits for others: built on a placeholder, and started by this command
   * (respawn-pane) once they are ready.
   */
  respawn?: string[];
}

/** Which `script` a machine has: util-linux (`script -c CMD FILE`) or BSD/macOS. */
export type ScriptFlavour = "util-linux" | "bsd";

export type Step = ShellStep | BackgroundStep | PtyStep | TmuxStep;
export type StepKind = Step["kind"];

/** A template resolved for one project: names sanitized, variables expanded, dirs absolute. */
export interface SessionLayout {
  template: string;
  session: string;
  dir: string;
  /** Run once with `sh -c` in `dir` before the session is created. */
  before: string[];
  windows: WindowLayout[];
  /** The template's own `env`: also set on the session, for panes opened later. */
  env?: Record<string, string>;
  /** tmux session options (set-option -t SESSION), set before any real pane starts. */
  options?: Record<string, string>;
  /** Run with `sh -c` in `dir` after this run built the session. */
  onFirstStart?: string[];
  /** Run with `sh -c` in `dir` when the session already existed. */
  onReuse?: string[];
  /** false: the session stays detached (`attach: false`). */
  attach?: boolean;
  /** Declared readiness (ready, depends_on), when the template declares any. */
  readiness?: SessionReadiness;
}

export interface WindowLayout {
  name?: string;
  layout?: string;
  dir: string;
  focus: boolean;
  panes: PaneLayout[];
  /** tmux window options set when the window is made: the template's, then the window's. */
  options?: Record<string, string>;
  /** synchronize-panes on, before or after its panes' lines are typed. */
  synchronize?: "before" | "after";
}

export interface PaneLayout {
  /** Lines typed in order: template pre_window, window pre, then the pane's own commands. */
  commands: string[];
  dir: string;
  focus: boolean;
  /** Run `commands` as the pane's process instead of typing them into a shell. */
  exec: boolean;
  /** The pane's variables (-e): the template's, the window's, then its own. */
  env?: Record<string, string>;
  /** select-pane -T. */
  title?: string;
  /** The program the pane runs instead of the default shell; `commands` are typed into it. */
  shell?: string;
  /** A line typed after `commands` and left unentered on the prompt (not with `exec`). */
  pending?: string;
}

export interface Plan {
  ritual: RitualName;
  project: ProjectInfo;
  /** The config file the plan came from. */
  configFile: string;
  steps: Step[];
  /** Names (never values) of variables the env filter removes from every child. */
  envRemoved: string[];
  /** Config warnings that still allow running. */
  warnings: Issue[];
}
