/**
 * Starts a background step: its own session (outlives rune), output appended to its log file,
 * pid recorded for `rune stop`. Needs --allow-run=sh,ps, --allow-write on the state dir.
 *
 * A background command is started once: when the registry shows the same command still
 * running — the same project and the same step name, whatever its command text is now — the
 * step is skipped as "already running, pid N" (`rune stop --kill-background` ends it, so the
 * next start runs the command as configured).
 */
import type { BackgroundStep, ExecContext, StepOutcome } from "../contract/mod.ts";
import { childEnv } from "./deno_runtime.ts";
import { forgetBackground, readBackground, recordBackground } from "../state/mod.ts";
import type { BackgroundEntry } from "../state/mod.ts";
import { probeBackground } from "./background_review.ts";
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
  const running = await findRunning(ctx, step, options);
  if (running) return alreadyRunning(step, running, ctx.runtime.now() - started);
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
    // Its own session: no terminal's hangup reaches it, and `rune stop` ends its whole group.
    ownSession: true,
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
    message: `pid ${child.pid}`,
    logFile: step.logFile,
    pid: child.pid,
    via: "background",
  };
}

/**
 * The registry's entry for this project's command of this name, if it still runs. Entries
 * whose process is gone are forgotten on the way.
 */
async function findRunning(
  ctx: ExecContext,
  step: BackgroundStep,
  options: BackgroundOptions,
): Promise<BackgroundEntry | undefined> {
  let same: BackgroundEntry[];
  try {
    same = readBackground(options.stateDir)
      .filter((e) => e.project === options.project && e.name === step.name);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    ctx.note(`cannot read the background registry: ${(e as Error).message}`);
    return undefined;
  }
  if (!same.length) return undefined;
  const { running, gone } = await probeBackground(ctx.runtime, same);
  for (const e of gone) forgetBackground(options.stateDir, e);
  return running[0];
}

function alreadyRunning(
  step: BackgroundStep,
  entry: BackgroundEntry,
  durationMs: number,
): StepOutcome {
  const changed = entry.command !== step.command
    ? " (started with another command: `rune stop --kill-background` ends it)"
    : "";
  return {
    status: "skipped",
    exitCode: null,
    durationMs,
    message: `already running, pid ${entry.pid}${changed}`,
    logFile: entry.logFile,
    pid: entry.pid,
    via: "background",
  };
}
