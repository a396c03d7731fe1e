/**
 * Runs one interactive command in the foreground, with no timeout: in a pseudo-terminal made
 * by `script`, or directly on rune's own terminal (inherited stdio). The terminal belongs to
 * the command while it runs:
 * - Ctrl-C reaches the command, never rune: `script` puts the terminal in raw mode so the ^C
 *   goes through its pty; directly, rune ignores its own SIGINT and SIGQUIT meanwhile
 *   (FACTS §6e).
 * - The user's terminal modes are saved first and put back on every way out (a killed
 *   `script` leaves them raw, FACTS §6d).
 * - SIGTERM or SIGHUP to rune ends the command (TERM), restores the terminal, and the step
 *   comes back "interrupted", so the ritual stops.
 * Needs --allow-run=script,sh,stty.
 */
import { childEnv, spawnStep } from "../exec/mod.ts";
import type { ExecContext, PtyStep, ScriptFlavour, StepOutcome } from "../contract/mod.ts";
import type { TranscriptRef } from "../state/mod.ts";
import { buildScriptArgv, interactiveShellText, ptyCommandText } from "./argv.ts";
import { shellQuote } from "../shell/mod.ts";
import { restoreTerminalModes, saveTerminalModes } from "./terminal_modes.ts";

export type InteractiveHow =
  | { kind: "pty"; flavour: ScriptFlavour; transcript?: TranscriptRef }
  | { kind: "direct" };

const ENDING_SIGNALS: Deno.Signal[] = ["SIGTERM", "SIGHUP"];
/** Keys the terminal turns into signals for its whole foreground group, rune included. */
const IGNORED_SIGNALS: Deno.Signal[] = ["SIGINT", "SIGQUIT"];

export async function runInteractive(
  step: Pick<PtyStep, "command" | "cwd" | "env">,
  ctx: ExecContext,
  how: InteractiveHow,
): Promise<StepOutcome> {
  const via = how.kind;
  const started = ctx.runtime.now();
  const { argv, env } = spawnSpec(step, ctx, how);
  if (ctx.flags.verbose) ctx.note(`$ ${argv.map(shellQuote).join(" ")}`);
  const saved = ctx.terminal.stdin ? await saveTerminalModes(ctx.runtime) : undefined;
  const release = ctx.takeTerminal();

  let endedBy: string | undefined;
  let child: Deno.ChildProcess | undefined;
  const end = (reason: string) => {
    endedBy ??= reason;
    try {
      child?.kill("SIGTERM");
    } catch { /* already gone */ }
  };
  const ignore = () => {};
  const enders = ENDING_SIGNALS.map((s) => [s, () => end(`rune got ${s}`)] as const);
  const onAbort = () => end("interrupted");
  // An active listener keeps rune alive: each is removed in `finally` (FACTS §6e).
  for (const s of IGNORED_SIGNALS) Deno.addSignalListener(s, ignore);
  for (const [s, f] of enders) Deno.addSignalListener(s, f);
  ctx.signal.addEventListener("abort", onAbort);

  try {
    const spawned = spawnStep(argv[0], {
      args: argv.slice(1),
      cwd: step.cwd,
      clearEnv: true,
      env,
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }, { durationMs: ctx.runtime.now() - started, via });
    if (!(spawned instanceof Deno.ChildProcess)) return spawned;
    child = spawned;
    // A signal that came while spawning found no child to end.
    if (endedBy || ctx.signal.aborted) end(endedBy ?? "interrupted");
    const status = await child.status;
    return outcomeOf(status, {
      via,
      durationMs: ctx.runtime.now() - started,
      endedBy,
      logFile: how.kind === "pty" ? how.transcript?.log : undefined,
    });
  } finally {
    ctx.signal.removeEventListener("abort", onAbort);
    for (const [s, f] of enders) Deno.removeSignalListener(s, f);
    for (const s of IGNORED_SIGNALS) Deno.removeSignalListener(s, ignore);
    if (saved) await restoreTerminalModes(ctx.runtime, saved);
    release();
  }
}

/** The program, arguments and environment for `how`. Pure. */
export function spawnSpec(
  step: Pick<PtyStep, "command" | "env">,
  ctx: Pick<ExecContext, "baseEnv">,
  how: InteractiveHow,
): { argv: string[]; env: Record<string, string> } {
  // The same filtered environment as every other child, plus the command's own.
  const env = childEnv({ clearEnv: true, env: { ...ctx.baseEnv, ...step.env } });
  if (how.kind === "direct") return { argv: ["sh", "-c", interactiveShellText(step.command)], env };
  if (how.flavour === "bsd") {
    const text = interactiveShellText(step.command);
    return { argv: buildScriptArgv("bsd", text, { transcript: files(how) }), env };
  }
  const text = ptyCommandText(step.command, env.SHELL);
  return {
    argv: buildScriptArgv("util-linux", text, { transcript: files(how) }),
    env: { ...env, SHELL: "/bin/sh" },
  };
}

function files(how: { transcript?: TranscriptRef }) {
  const t = how.transcript;
  return t ? { log: t.log, timing: t.timing ?? "" } : undefined;
}

function outcomeOf(
  status: Deno.CommandStatus,
  o: { via: "pty" | "direct"; durationMs: number; endedBy?: string; logFile?: string },
): StepOutcome {
  const base = {
    exitCode: status.signal ? null : status.code,
    durationMs: o.durationMs,
    via: o.via,
  };
  const extra = o.logFile ? { logFile: o.logFile } : {};
  if (o.endedBy) {
    return { ...base, ...extra, status: "interrupted", message: `ended: ${o.endedBy}` };
  }
  if (status.success) return { ...base, ...extra, status: "ok" };
  const who = o.via === "pty" ? "`script` was " : "";
  const message = status.signal ? `${who}killed by ${status.signal}` : `exited with ${status.code}`;
  return { ...base, ...extra, status: "failed", message };
}
