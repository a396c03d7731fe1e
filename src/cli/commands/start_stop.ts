/** `rune start [project]` and `rune stop [project]`. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { RitualName } from "../../contract/mod.ts";
import type { CommandInput, CommandSpec, OptionSpec } from "../spec.ts";
import { AT_OPTION, TRACKING_ENV } from "./tracking.ts";

const SOCKET_OPTIONS: OptionSpec[] = [
  { flags: "--socket <name>", description: "use the tmux server with this socket name (tmux -L)" },
  {
    flags: "--socket-path <path>",
    description: "use the tmux server at this socket path (tmux -S)",
    complete: "file",
  },
];

const VAR_OPTION: OptionSpec = {
  flags: "--var <name=value>",
  description: "set {{.Var.NAME}} for templates and commands (repeatable)",
  repeat: true,
};

const TERMINAL_OPTIONS: OptionSpec[] = [
  { flags: "--no-tmux", description: "run interactive commands in this terminal, never in tmux" },
  {
    flags: "--no-pty",
    description: "run interactive commands on this terminal directly, not under `script`",
  },
];

const SKIP_RITUALS: OptionSpec = {
  flags: "--skip-rituals",
  description: "only open or close the work session; run no ritual",
};

const YES: OptionSpec = {
  flags: "-y, --yes",
  description: "if another project is open, stop it first without asking (for scripts)",
};

/** The options only `rune start|stop` have: `rune ritual run` tracks nothing. */
export const TRACKING_OPTIONS: readonly OptionSpec[] = [AT_OPTION, YES, SKIP_RITUALS];

/**
 * `rune start|stop`, and `rune ritual run|test` (`track: false`): the same ritual command, with
 * or without a work session around it. --dry-run never tracks.
 */
export async function runRitual(
  ritual: RitualName,
  input: CommandInput,
  track: boolean,
): Promise<number> {
  const o = input.opts;
  let tracking;
  if (track && o.dryRun !== true) {
    const { parseAtOption } = await import("../work_store.ts");
    const at = parseAtOption(str(o.at));
    if (!at.ok) return at.code;
    tracking = { at: at.value, yes: o.yes === true, skipRituals: o.skipRituals === true };
  }
  const { runRitualCommand } = await importLazy<typeof import("../actions/ritual_run.ts")>(
    "src/cli/actions/ritual_run",
  );
  return await runRitualCommand(ritual, input.args.project, {
    tracking,
    dryRun: o.dryRun === true,
    json: o.json === true,
    detach: ritual === "stop" || o.detach === true,
    socket: { name: str(o.socket), path: str(o.socketPath) },
    killBackground: o.killBackground === true,
    noTmux: o.tmux === false,
    noPty: o.pty === false,
    vars: list(o.var),
    windows: list(o.windows),
    append: o.append === true,
    wait: o.wait === true,
  }, input.globals);
}

function list(v: unknown): string[] {
  return Array.isArray(v) ? v : typeof v === "string" ? [v] : [];
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}

const PROJECT_ARG = {
  name: "project",
  required: false,
  description: "project name (default: detected from the current directory)",
  complete: "project",
} as const;

export const START: CommandSpec = {
  name: "start",
  summary: "run the start ritual of a project and open its work session",
  description: "Run the start ritual: global commands, then the project's own. Interactive " +
    "commands open a tmux session from a template, or run in a terminal. Once the ritual has " +
    "succeeded, a work session opens on the project (a failed required step opens none). If " +
    "another project's session is open, settings.tracking.on_switch says what happens: ask " +
    "(the default; in a terminal only), stop it first (its stop ritual runs), or refuse.",
  args: [PROJECT_ARG],
  options: [
    {
      flags: "-n, --dry-run",
      description: "print the plan: every command, in order, with its options; run nothing",
    },
    {
      flags: "--json",
      description: "print the plan (with --dry-run) or one result per command as JSON",
    },
    {
      flags: "-d, --detach",
      description: "build tmux sessions but do not attach; print how to attach",
    },
    VAR_OPTION,
    {
      flags: "--windows <names>",
      description: "build only these windows of the template session (comma-separated names)",
      repeat: true,
    },
    {
      flags: "--append",
      description: "if the session is running, add the template's windows it lacks (by name)",
    },
    {
      flags: "--wait",
      description: "return only once every pane's declared readiness (ready:) holds, or failed",
    },
    ...SOCKET_OPTIONS,
    ...TERMINAL_OPTIONS,
    AT_OPTION,
    YES,
    SKIP_RITUALS,
  ],
  examples: [
    ["rune start", "detect the project from the current directory and start it"],
    ["rune start web", "start project web"],
    ["rune start web --dry-run", "show the plan and the tmux commands; run nothing"],
    ["rune start --dry-run --json", "the plan as JSON, for scripts"],
    ["rune start --detach", "build the tmux session, print how to attach"],
    ["rune start web --var branch=main", "the templates' {{.Var.branch}} is main"],
    ["rune start web --windows editor,logs", "only those windows of the session"],
    ["rune start web --append", "add the windows the running session lacks"],
    ["rune start --detach --wait", "and return once its panes are ready (ready: in templates)"],
    ["rune start --socket work", "use the tmux server `tmux -L work`"],
    ["rune start --no-tmux", "interactive commands in this terminal, no tmux"],
    ["rune start web --at 9:15", "you began at 9:15: the session starts then"],
    ["rune start api --yes", "stop the open project (its stop ritual too), then start api"],
    ["rune start web --skip-rituals", "only open the work session"],
  ],
  env: [
    ...CONFIG_ENV,
    ...TRACKING_ENV.slice(0, 2),
    ["RUNE_TMUX_SOCKET", "tmux server to use: a socket name, or a path if it has a /"],
    ["TMUX", "inside tmux, rune switches the client instead of attaching"],
    ["RUNE_NO_AUTO_TMUX", "set: never re-run `rune start` in a new tmux session (auto_tmux)"],
    ["RUNE_TMUX_CONTROL", "0: build without a tmux control client (the slower path)"],
  ],
  run: (input) => runRitual("start", input, true),
};

export const STOP: CommandSpec = {
  name: "stop",
  summary: "run the stop ritual and close the work session",
  description: "Run the stop ritual: the project's own commands, then the global ones. Without " +
    "a project, the project of the open work session (else the one detected here). Once the " +
    "ritual has succeeded, the work session closes; a failed required step leaves it open.",
  args: [PROJECT_ARG],
  options: [
    { flags: "-n, --dry-run", description: "print the plan; run nothing" },
    {
      flags: "--json",
      description: "print the plan (with --dry-run) or one result per command as JSON",
    },
    {
      flags: "--kill-background",
      description: "after the stop ritual, end the background commands `rune start` left running",
    },
    VAR_OPTION,
    ...SOCKET_OPTIONS,
    ...TERMINAL_OPTIONS,
    AT_OPTION,
    SKIP_RITUALS,
  ],
  examples: [
    ["rune stop", "stop the project in the current directory"],
    ["rune stop web --dry-run", "show what stopping web would run"],
    ["rune stop --kill-background", "also end the dev servers `rune start` left running"],
    ["rune stop --at 18:05", "you stopped at 18:05"],
    ["rune stop --skip-rituals", "only close the work session"],
  ],
  env: [...CONFIG_ENV, ...TRACKING_ENV.slice(0, 2)],
  run: (input) => runRitual("stop", input, true),
};
