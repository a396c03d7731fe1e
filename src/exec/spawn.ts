/**
 * Spawning a step's child: the one place a step's process is started, so every step kind
 * fails the same way when it cannot start (a vanished directory, a missing program).
 */
import type { StepOutcome } from "../contract/mod.ts";
import { spawnFailure } from "./exit_reason.ts";
import { spawnablePath } from "./program.ts";

export interface StepSpawnOptions extends Deno.CommandOptions {
  cwd: string;
  /**
   * Its own session and process group (its pid is the group's id), so signals to the group
   * reach grandchildren. Through `setsid -w` where setsid is installed and may run, else
   * Deno's `detached` (see ownSessionLauncher).
   */
  ownSession?: boolean;
}

/**
 * Spawns a step's child, or says in a failed StepOutcome why it could not start (a missing
 * permission is a bug in rune's permission set, not a step failure: it propagates). The
 * program is found on rune's own PATH, as its run permission was, whatever the child's PATH.
 */
export function spawnStep(
  program: string,
  options: StepSpawnOptions,
  failure: { durationMs: number; via: StepOutcome["via"] },
): Deno.ChildProcess | StepOutcome {
  const { ownSession, ...command } = options;
  try {
    const path = spawnablePath(program);
    if (path === undefined) throw new Deno.errors.NotFound(`Failed to spawn '${program}'`);
    if (!ownSession) return new Deno.Command(path, command).spawn();
    const setsid = ownSessionLauncher();
    return setsid === undefined
      ? new Deno.Command(path, { ...command, detached: true }).spawn()
      : new Deno.Command(setsid, { ...command, args: ["-w", path, ...(command.args ?? [])] })
        .spawn();
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    const missingProgram = e instanceof Deno.errors.NotFound && dirExists(options.cwd);
    return {
      status: "failed",
      exitCode: null,
      durationMs: failure.durationMs,
      message: spawnFailure(e, options.cwd, program),
      via: failure.via,
      missing: missingProgram ? program : undefined,
    };
  }
}

let launcher: { path: string | undefined } | undefined;

/**
 * The `setsid` to start a child in its own session with, or undefined where there is none
 * (macOS) or rune may not run it; probed once. Why: Deno gives `detached: true` children their
 * own session by forking (a pre-exec setsid), and a fork copies rune's page tables, so each
 * step cost 2-5 ms and more as the heap grew. An attached child is started with posix_spawn
 * (no fork); it is not a group leader, so `setsid` calls setsid() itself, without forking,
 * and execs the program: the child's pid is still the session's and group's id.
 */
export function ownSessionLauncher(): string | undefined {
  if (!launcher) {
    let path: string | undefined;
    try {
      path = spawnablePath("setsid");
    } catch (e) {
      if (!(e instanceof Deno.errors.NotCapable)) throw e;
    }
    launcher = { path };
  }
  return launcher.path;
}

function dirExists(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false;
  }
}
