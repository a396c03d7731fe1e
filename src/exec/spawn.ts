/**
 * Spawning a step's child: the one place a step's process is started, so every step kind
 * fails the same way when it cannot start (a vanished directory, a missing program).
 */
import type { StepOutcome } from "../contract/mod.ts";
import { spawnFailure } from "./exit_reason.ts";
import { spawnablePath } from "./program.ts";

/**
 * Spawns a step's child, or says in a failed StepOutcome why it could not start (a missing
 * permission is a bug in rune's permission set, not a step failure: it propagates). The
 * program is found on rune's own PATH, as its run permission was, whatever the child's PATH.
 */
export function spawnStep(
  program: string,
  options: Deno.CommandOptions & { cwd: string },
  failure: { durationMs: number; via: StepOutcome["via"] },
): Deno.ChildProcess | StepOutcome {
  try {
    const path = spawnablePath(program);
    if (path === undefined) throw new Deno.errors.NotFound(`Failed to spawn '${program}'`);
    return new Deno.Command(path, options).spawn();
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

function dirExists(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch {
    return false;
  }
}
