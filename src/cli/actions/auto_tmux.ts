/**
 * settings.auto_tmux for `rune start`: re-runs the same rune inside a new tmux session and
 * waits for it. Returns the exit code when it did, undefined when the ritual runs here.
 */
import type { Config } from "../../config/schema.ts";
import type { ProjectInfo } from "../../contract/plan.ts";
import type { RitualCommandOptions } from "../commands/start_stop.ts";
import type { GlobalOptions } from "../globals.ts";
import { decideAutoTmux } from "../../tmux/auto_tmux.ts";
import { runAutoTmux } from "../../tmux/auto_tmux_run.ts";
import { attachCommand, chooseSocket } from "../../tmux/socket.ts";
import { currentRuneArgv } from "../../tmux/close_hook.ts";
import { denoRuntime } from "../../exec/deno_runtime.ts";
import { EXIT } from "../exit_codes.ts";

export async function autoTmux(
  project: ProjectInfo,
  config: Config,
  env: Record<string, string>,
  /** The filtered environment (the plan's decision): the inner rune starts from it. */
  baseEnv: Record<string, string>,
  options: RitualCommandOptions,
  globals: GlobalOptions,
): Promise<number | undefined> {
  const decision = decideAutoTmux({
    enabled: config.settings?.auto_tmux === true,
    ritual: "start",
    dryRun: options.dryRun,
    noTmux: options.noTmux === true,
    detach: options.detach,
    env,
    terminal: { stdin: Deno.stdin.isTerminal(), stdout: Deno.stdout.isTerminal() },
    tmuxUsable,
  });
  if (!decision.run) {
    if (decision.note && !globals.quiet) console.error(`rune: ${decision.note}`);
    return undefined;
  }
  const socket = chooseSocket(options.socket, env, config.settings?.tmux?.socket);
  const r = await runAutoTmux({
    project: project.name,
    cwd: Deno.cwd(),
    socket,
    env: baseEnv,
    runeArgv: [...currentRuneArgv(), ...Deno.args],
    runtime: denoRuntime,
  });
  if (r.code !== 0) {
    console.error(`rune: auto_tmux: tmux could not start session "${r.session}"; running here`);
    return undefined;
  }
  if (!globals.quiet) {
    console.error(
      `rune: auto_tmux: "rune start" ran in tmux session "${r.session}"; ` +
        `back to it with: ${attachCommand(socket, r.session)}`,
    );
  }
  return EXIT.ok;
}

function tmuxUsable(): boolean {
  try {
    return new Deno.Command("tmux", { args: ["-V"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}
