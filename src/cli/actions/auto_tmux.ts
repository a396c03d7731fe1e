/**
 * settings.auto_tmux for `rune start`: re-runs the same rune inside a new tmux session and
 * waits for it. Returns the exit code when it did, undefined when the ritual runs here.
 */
import { visible } from "../../base/mod.ts";
import type { Config } from "../../config/mod.ts";
import type { ProjectInfo } from "../../contract/mod.ts";
import { denoRuntime, spawnablePath } from "../../exec/mod.ts";
import { attachCommand, currentRuneArgv, decideAutoTmux, runAutoTmux } from "../../tmux/mod.ts";
import type { TmuxWorld } from "../../tmux/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import type { TerminalFacts } from "../world.ts";
import { EXIT } from "../exit_codes.ts";
import { currentDir } from "../cwd.ts";

export async function autoTmux(
  project: ProjectInfo,
  config: Config,
  o: {
    env: Record<string, string>;
    world: TmuxWorld;
    terminal: TerminalFacts;
    /** --dry-run, --no-tmux and --detach each mean: not here. */
    options: { dryRun: boolean; noTmux?: boolean; detach: boolean };
    globals: GlobalOptions;
  },
): Promise<number | undefined> {
  const decision = decideAutoTmux({
    enabled: config.settings?.auto_tmux === true,
    ritual: "start",
    dryRun: o.options.dryRun,
    noTmux: o.options.noTmux === true,
    detach: o.options.detach,
    env: o.env,
    terminal: o.terminal,
    tmuxUsable,
  });
  if (!decision.run) {
    if (decision.note && !o.globals.quiet) console.error(visible(`rune: ${decision.note}`));
    return undefined;
  }
  const r = await runAutoTmux({
    project: project.name,
    cwd: currentDir(),
    world: o.world,
    runeArgv: [...currentRuneArgv(), ...Deno.args],
    runtime: denoRuntime,
  });
  if (r.code !== 0) {
    console.error(
      visible(`rune: auto_tmux: tmux could not start session "${r.session}"; running here`),
    );
    return undefined;
  }
  if (!o.globals.quiet) {
    console.error(visible(
      `rune: auto_tmux: "rune start" ran in tmux session "${r.session}"; ` +
        `back to it with: ${attachCommand(o.world.socket, r.session)}`,
    ));
  }
  return EXIT.ok;
}

function tmuxUsable(): boolean {
  const tmux = spawnablePath("tmux");
  if (tmux === undefined) return false;
  try {
    return new Deno.Command(tmux, { args: ["-V"], stdout: "null", stderr: "null" })
      .outputSync().success;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}
