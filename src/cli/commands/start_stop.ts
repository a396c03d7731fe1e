/** `rune start [project]` and `rune stop [project]`. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandInput, CommandSpec, OptionSpec } from "../spec.ts";

const SOCKET_OPTIONS: OptionSpec[] = [
  { flags: "--socket <name>", description: "use the tmux server with this socket name (tmux -L)" },
  {
    flags: "--socket-path <path>",
    description: "use the tmux server at this socket path (tmux -S)",
    complete: "file",
  },
];

const TERMINAL_OPTIONS: OptionSpec[] = [
  { flags: "--no-tmux", description: "run interactive commands in this terminal, never in tmux" },
  {
    flags: "--no-pty",
    description: "run interactive commands on this terminal directly, not under `script`",
  },
];

async function run(ritual: "start" | "stop", input: CommandInput): Promise<number> {
  const { runRitualCommand } = await importLazy<typeof import("../actions/ritual_run.ts")>(
    "src/cli/actions/ritual_run",
  );
  const o = input.opts;
  return await runRitualCommand(ritual, input.args.project, {
    dryRun: o.dryRun === true,
    json: o.json === true,
    detach: ritual === "stop" || o.detach === true,
    socket: { name: str(o.socket), path: str(o.socketPath) },
    killBackground: o.killBackground === true,
    noTmux: o.tmux === false,
    noPty: o.pty === false,
  }, input.globals);
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
  summary: "run the start ritual of a project",
  description: "Run the start ritual: global commands, then the project's own. Interactive " +
    "commands open a tmux session from a template, or run in a terminal.",
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
    ...SOCKET_OPTIONS,
    ...TERMINAL_OPTIONS,
  ],
  examples: [
    ["rune start", "detect the project from the current directory and start it"],
    ["rune start web", "start project web"],
    ["rune start web --dry-run", "show the plan and the tmux commands; run nothing"],
    ["rune start --dry-run --json", "the plan as JSON, for scripts"],
    ["rune start --detach", "build the tmux session, print how to attach"],
    ["rune start --socket work", "use the tmux server `tmux -L work`"],
    ["rune start --no-tmux", "interactive commands in this terminal, no tmux"],
  ],
  env: [
    ...CONFIG_ENV,
    ["RUNE_TMUX_SOCKET", "tmux server to use: a socket name, or a path if it has a /"],
    ["TMUX", "inside tmux, rune switches the client instead of attaching"],
    ["RUNE_NO_AUTO_TMUX", "set: never re-run `rune start` in a new tmux session (auto_tmux)"],
  ],
  run: (input) => run("start", input),
};

export const STOP: CommandSpec = {
  name: "stop",
  summary: "run the stop ritual of a project",
  description: "Run the stop ritual: the project's own commands, then the global ones.",
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
    ...SOCKET_OPTIONS,
    ...TERMINAL_OPTIONS,
  ],
  examples: [
    ["rune stop", "stop the project in the current directory"],
    ["rune stop web --dry-run", "show what stopping web would run"],
    ["rune stop --kill-background", "also end the dev servers `rune start` left running"],
  ],
  env: CONFIG_ENV,
  run: (input) => run("stop", input),
};
