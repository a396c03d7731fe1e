/**
 * Runs a non-interactive step: `sh -c COMMAND` in its own session and process group, output
 * captured (bounded tail), the whole group ended on timeout or Ctrl-C.
 * Needs --allow-run=sh,kill (and setsid, where installed) and --allow-env.
 *
 * Deno.Command quirks this relies on (checked on Deno 2.9.6):
 * - `detached: true` takes effect with spawn() only; Command.output() ignores it; and it forks,
 *   so the own session comes from `setsid` where there is one (spawn.ts).
 * - Deno.kill needs the full run permission, so group signals go through the `kill` program.
 * - A command that leaves `x &` behind keeps the pipes open after `sh` exits: the step ends
 *   when `sh` exits, and reading stops after a short drain.
 * - stdout and stderr are two pipes read concurrently: their relative order in the tail is
 *   the order the chunks arrived, which is close to, not exactly, the order written.
 */
import { formatDuration } from "../base/mod.ts";
import type { ExecContext, ShellStep, StepOutcome } from "../contract/mod.ts";
import { childEnv } from "./deno_runtime.ts";
import { OutputTail } from "./output_tail.ts";
import { endGroup } from "./process_group.ts";
import { explainExit } from "./exit_reason.ts";
import { spawnStep } from "./spawn.ts";

/** How long output may keep flowing after `sh` exits (a command that left `x &` behind). */
const DRAIN_MS = 250;

export interface ShellRunOptions {
  /** Each chunk of output as it arrives (verbose mode, the live display). */
  onOutput?: (chunk: Uint8Array) => void;
  /** Grace between the first signal (TERM on timeout, INT on Ctrl-C) and KILL. */
  graceMs?: number;
}

export async function runShellStep(
  step: Pick<ShellStep, "command" | "cwd" | "env" | "timeoutMs">,
  ctx: ExecContext,
  options: ShellRunOptions = {},
): Promise<StepOutcome> {
  const started = ctx.runtime.now();
  const tail = new OutputTail();
  const child = spawnStep("sh", {
    args: ["-c", step.command],
    cwd: step.cwd,
    clearEnv: true,
    env: childEnv({ clearEnv: true, env: { ...ctx.baseEnv, ...step.env } }),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
    // Its own session and process group: timeouts and Ctrl-C reach grandchildren too.
    ownSession: true,
  }, { durationMs: ctx.runtime.now() - started, via: "shell" });
  if (!(child instanceof Deno.ChildProcess)) return child;

  let ended: "timeout" | "interrupt" | undefined;
  let ending: Promise<void> | undefined;
  const timer = step.timeoutMs === null ? undefined : setTimeout(() => {
    ended = "timeout";
    ending = endGroup(ctx.runtime, child.pid, { graceMs: options.graceMs });
  }, step.timeoutMs);
  const onAbort = () => {
    if (ended) return;
    ended = "interrupt";
    // INT first, as a terminal would; a command that ignores it is ended like a timeout.
    ending = endGroup(ctx.runtime, child.pid, { first: "INT", graceMs: options.graceMs });
  };
  ctx.signal.addEventListener("abort", onAbort);
  if (ctx.signal.aborted) onAbort();

  const readers = [child.stdout, child.stderr].map((stream) => pump(stream, tail, options));
  const status = await child.status;
  clearTimeout(timer);
  ctx.signal.removeEventListener("abort", onAbort);
  // The step is over only when its whole group is: grandchildren must not outlive a timeout.
  await ending;
  // Processes the command left running may hold the pipes open: stop reading, not waiting.
  const drained = Promise.all(readers.map((r) => r.done));
  let drainTimer: ReturnType<typeof setTimeout> | undefined;
  const late = await Promise.race([
    drained.then(() => false),
    new Promise<boolean>((r) => drainTimer = setTimeout(() => r(true), DRAIN_MS)),
  ]);
  clearTimeout(drainTimer);
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
      exitCode: status.signal ? null : status.code,
      durationMs,
      message: "interrupted",
      outputTail,
      via: "shell",
    };
  }
  if (status.success) return { status: "ok", exitCode: 0, durationMs, via: "shell" };
  return {
    status: "failed",
    exitCode: status.signal ? null : status.code,
    durationMs,
    message: explainExit(status.code, status.signal, outputTail),
    outputTail,
    via: "shell",
  };
}

function pump(
  stream: ReadableStream<Uint8Array>,
  tail: OutputTail,
  options: ShellRunOptions,
): { reader: ReadableStreamDefaultReader<Uint8Array>; done: Promise<void> } {
  const reader = stream.getReader();
  const done = (async () => {
    try {
      while (true) {
        const { value, done } = await reader.read();
        if (done) break;
        tail.push(value);
        options.onOutput?.(value);
      }
    } catch { /* cancelled after the drain */ }
  })();
  return { reader, done };
}
