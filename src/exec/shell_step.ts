/**
 * Runs a non-interactive step: `sh -c COMMAND` in its own session and process group, output
 * captured (bounded tail), killed as a group on timeout or Ctrl-C.
 * Needs --allow-run=sh,kill and --allow-env.
 */
import { formatDuration } from "../config/duration.ts";
import type { ExecContext, StepOutcome } from "../rituals/outcome_types.ts";
import type { ShellStep } from "../rituals/plan_types.ts";
import { childEnv } from "../runtime.ts";
import { OutputTail } from "./output_tail.ts";
import { endGroup } from "./process_group.ts";

/** How long output may keep flowing after `sh` exits (a command that left `x &` behind). */
const DRAIN_MS = 250;

export interface ShellRunOptions {
  /** Each chunk of combined output as it arrives (verbose mode, logs). */
  onOutput?: (chunk: Uint8Array) => void;
  /** Grace between TERM and KILL on timeout. */
  graceMs?: number;
}

export async function runShellStep(
  step: Pick<ShellStep, "command" | "cwd" | "env" | "timeoutMs">,
  ctx: ExecContext,
  options: ShellRunOptions = {},
): Promise<StepOutcome> {
  const started = ctx.runtime.now();
  const tail = new OutputTail();
  let child: Deno.ChildProcess;
  try {
    child = new Deno.Command("sh", {
      args: ["-c", step.command],
      cwd: step.cwd,
      clearEnv: true,
      env: childEnv({ clearEnv: true, env: { ...ctx.baseEnv, ...step.env } }),
      stdin: "null",
      stdout: "piped",
      stderr: "piped",
      // Its own session and process group: timeouts and Ctrl-C reach grandchildren too.
      detached: true,
    }).spawn();
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return {
      status: "failed",
      exitCode: null,
      durationMs: ctx.runtime.now() - started,
      message: `could not start sh: ${(e as Error).message}`,
      via: "shell",
    };
  }

  let ended: "timeout" | "interrupt" | undefined;
  const timer = step.timeoutMs === null ? undefined : setTimeout(() => {
    ended = "timeout";
    endGroup(ctx.runtime, child.pid, { graceMs: options.graceMs });
  }, step.timeoutMs);
  const onAbort = () => {
    ended ??= "interrupt";
    // INT first, as a terminal would; a command that ignores it is ended like a timeout.
    endGroup(ctx.runtime, child.pid, { first: "INT", graceMs: options.graceMs });
  };
  ctx.signal.addEventListener("abort", onAbort);
  if (ctx.signal.aborted) onAbort();

  const pump = (stream: ReadableStream<Uint8Array>) => {
    const reader = stream.getReader();
    const done = (async () => {
      try {
        while (true) {
          const { value, done } = await reader.read();
          if (done) break;
          tail.push(value);
          options.onOutput?.(value);
        }
      } catch { /* cancelled after drain */ }
    })();
    return { reader, done };
  };
  const readers = [pump(child.stdout), pump(child.stderr)];
  const status = await child.status;
  clearTimeout(timer);
  ctx.signal.removeEventListener("abort", onAbort);
  // Processes the command left running may hold the pipes open: stop reading, not waiting.
  const drained = Promise.all(readers.map((r) => r.done));
  const late = await Promise.race([
    drained.then(() => false),
    new Promise<boolean>((r) => setTimeout(() => r(true), DRAIN_MS)),
  ]);
  if (late) { for (const r of readers) r.reader.cancel().catch(() => {}); }

  const durationMs = ctx.runtime.now() - started;
  const outputTail = tail.lines();
  if (ended === "timeout") {
    return {
      status: "timed-out",
      exitCode: null,
      durationMs,
      message: `timed out after ${formatDuration(step.timeoutMs ?? 0)}`,
      outputTail,
      via: "shell",
    };
  }
  if (ended === "interrupt") {
    return {
      status: "interrupted",
      exitCode: status.code,
      durationMs,
      message: "interrupted",
      outputTail,
      via: "shell",
    };
  }
  if (status.success) return { status: "ok", exitCode: 0, durationMs, via: "shell" };
  const missing = status.code === 127 ? missingProgram(outputTail) : undefined;
  return {
    status: "failed",
    exitCode: status.code,
    durationMs,
    message: missing
      ? `program "${missing}" is not installed or not on PATH`
      : status.signal
      ? `killed by ${status.signal}`
      : `exited with ${status.code}`,
    outputTail,
    via: "shell",
  };
}

/** dash: "sh: 1: nosuchtool: not found"; bash: "bash: line 1: nosuchtool: command not found". */
export function missingProgram(lines: readonly string[]): string | undefined {
  for (const line of [...lines].reverse()) {
    const m = line.match(/^(?:\S*sh)?:? ?(?:line )?\d+: (.+?): (?:command )?not found$/);
    if (m) return m[1];
  }
  return undefined;
}
