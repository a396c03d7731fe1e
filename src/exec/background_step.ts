/**
 * Starts a background step: its own session (outlives rune), output appended to its log file,
 * pid recorded for `rune stop`. Needs --allow-run=sh, --allow-write on the state dir.
 */
import type { BackgroundStep, ExecContext, StepOutcome } from "../contract/mod.ts";
import { childEnv } from "./deno_runtime.ts";
import { recordBackground } from "../state/mod.ts";
import { processStarts } from "./process_group.ts";
import { spawnStep } from "./spawn.ts";

export interface BackgroundOptions {
  project: string;
  /** $XDG_STATE_HOME/rune, where the pid registry lives. */
  stateDir: string;
}

export async function runBackgroundStep(
  step: BackgroundStep,
  ctx: ExecContext,
  options: BackgroundOptions,
): Promise<StepOutcome> {
  const started = ctx.runtime.now();
  const logDir = step.logFile.slice(0, step.logFile.lastIndexOf("/"));
  try {
    Deno.mkdirSync(logDir, { recursive: true, mode: 0o700 });
    // Created here so its mode is 0600 (output can hold anything); the shell only appends.
    Deno.writeTextFileSync(step.logFile, "", { mode: 0o600, append: true });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return {
      status: "failed",
      exitCode: null,
      durationMs: ctx.runtime.now() - started,
      message: `cannot create its log file "${step.logFile}": ${(e as Error).message}`,
      via: "background",
    };
  }
  const child = spawnStep("sh", {
    // Deno cannot hand a file to a child as stdout: the shell opens the log itself. The path
    // travels in an env var so no quoting of it is needed.
    args: ["-c", `exec >>"$RUNE_LOG_FILE" 2>&1 </dev/null; unset RUNE_LOG_FILE\n${step.command}`],
    cwd: step.cwd,
    clearEnv: true,
    env: childEnv({
      clearEnv: true,
      env: { ...ctx.baseEnv, ...step.env, RUNE_LOG_FILE: step.logFile },
    }),
    stdin: "null",
    stdout: "null",
    stderr: "null",
    detached: true,
  }, { durationMs: ctx.runtime.now() - started, via: "background" });
  if (!(child instanceof Deno.ChildProcess)) return child;
  child.unref();
  try {
    recordBackground(options.stateDir, {
      pid: child.pid,
      pgid: child.pid,
      project: options.project,
      name: step.name,
      command: step.command,
      logFile: step.logFile,
      startedAt: new Date(started).toISOString(),
      started: (await processStarts(ctx.runtime, [child.pid])).get(child.pid),
    });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    // It runs either way; only `rune stop` will not know about it.
    ctx.note(`"${step.name}" runs as pid ${child.pid} but could not be recorded: ${e}`);
  }
  return {
    status: "started",
    exitCode: null,
    durationMs: ctx.runtime.now() - started,
    message: `pid ${child.pid}, log ${step.logFile}`,
    logFile: step.logFile,
    pid: child.pid,
    via: "background",
  };
}
