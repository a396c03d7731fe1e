/** `rune start [project]` and `rune stop [project]`. */
import type { Command } from "@commander-js/extra-typings";
import { addHelp, CONFIG_ENV } from "../help.ts";
import { toGlobals } from "../globals.ts";
import type { ExitBox } from "../program.ts";

export interface RitualCommandOptions {
  dryRun: boolean;
  json: boolean;
  /** --detach: build tmux sessions, do not attach or switch. */
  detach: boolean;
  /** --socket NAME / --socket-path PATH */
  socket?: { name?: string; path?: string };
  /** stop: end what `rune start` left running in the background. */
  killBackground: boolean;
  /** --no-tmux: interactive commands never use tmux (and no auto_tmux). */
  noTmux?: boolean;
  /** --no-pty: interactive commands use rune's terminal directly, never `script`. */
  noPty?: boolean;
}

export function registerStartStop(program: Command, exit: ExitBox): void {
  const start = program
    .command("start")
    .summary("run the start ritual of a project")
    .description(
      "Run the start ritual: global commands, then the project's own. Interactive commands " +
        "open a tmux session from a template, or run in a terminal.",
    )
    .argument("[project]", "project name (default: detected from the current directory)")
    .option(
      "-n, --dry-run",
      "print the plan: every command, in order, with its options; run nothing",
    )
    .option("--json", "print the plan (with --dry-run) or one result per command as JSON")
    .option("-d, --detach", "build tmux sessions but do not attach; print how to attach")
    .option("--socket <name>", "use the tmux server with this socket name (tmux -L)")
    .option("--socket-path <path>", "use the tmux server at this socket path (tmux -S)")
    .option("--no-tmux", "run interactive commands in this terminal, never in tmux")
    .option("--no-pty", "run interactive commands on this terminal directly, not under `script`")
    .action(async (project, options, cmd) => {
      const { runRitualCommand } = await import("../actions/ritual_run.ts");
      exit.code = await runRitualCommand("start", project, {
        dryRun: options.dryRun === true,
        json: options.json === true,
        detach: options.detach === true,
        socket: { name: options.socket, path: options.socketPath },
        killBackground: false,
        noTmux: options.tmux === false,
        noPty: options.pty === false,
      }, toGlobals(cmd.optsWithGlobals()));
    });
  addHelp(start, {
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
  });

  const stop = program
    .command("stop")
    .summary("run the stop ritual of a project")
    .description("Run the stop ritual: the project's own commands, then the global ones.")
    .argument("[project]", "project name (default: detected from the current directory)")
    .option("-n, --dry-run", "print the plan; run nothing")
    .option("--json", "print the plan (with --dry-run) or one result per command as JSON")
    .option(
      "--kill-background",
      "after the stop ritual, end the background commands `rune start` left running",
    )
    .option("--socket <name>", "the tmux server with this socket name (tmux -L)")
    .option("--socket-path <path>", "the tmux server at this socket path (tmux -S)")
    .option("--no-tmux", "run interactive commands in this terminal, never in tmux")
    .option("--no-pty", "run interactive commands on this terminal directly, not under `script`")
    .action(async (project, options, cmd) => {
      const { runRitualCommand } = await import("../actions/ritual_run.ts");
      exit.code = await runRitualCommand("stop", project, {
        dryRun: options.dryRun === true,
        json: options.json === true,
        detach: true,
        socket: { name: options.socket, path: options.socketPath },
        killBackground: options.killBackground === true,
        noTmux: options.tmux === false,
        noPty: options.pty === false,
      }, toGlobals(cmd.optsWithGlobals()));
    });
  addHelp(stop, {
    examples: [
      ["rune stop", "stop the project in the current directory"],
      ["rune stop web --dry-run", "show what stopping web would run"],
      ["rune stop --kill-background", "also end the dev servers `rune start` left running"],
    ],
    env: CONFIG_ENV,
  });
}
