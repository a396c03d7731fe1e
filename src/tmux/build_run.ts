/**
 * Running a planned build: its calls in order, the session id the first prints bound into the
 * later ones, and everything the build made removed when any call fails (or Ctrl-C comes
 * between calls). Also the reuse decision: a session of the template's name that rune did not
 * make is never taken over. Needs --allow-run=tmux.
 */
import type { ExecContext, RunOutcome, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import { PROJECT_OPTION } from "./build.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { chain } from "./escape.ts";
import { bindSession } from "./pack.ts";
import { tmuxCommandText } from "./socket.ts";
import { probeTmux } from "./version.ts";

export type CreateResult =
  | { kind: "built"; sessionId: string; paneIds: string[] }
  /** new-session found the name taken: nothing of this build was applied. */
  | { kind: "exists" }
  | { kind: "failed"; outcome: StepOutcome };

/** Runs `calls.create`; on any failure the session it created is killed by id. */
export async function runCreate(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<CreateResult> {
  const [first, ...rest] = calls.create;
  const r = await runTmux(ctx.runtime, first.argv, env);
  if (r.code === 127) return { kind: "failed", outcome: tmuxMissing() };
  // new-session is the first command, and a failing command aborts the rest: nothing ran.
  if (r.code !== 0 && /duplicate session/.test(r.stderr)) return { kind: "exists" };
  const lines = outputLines(r);
  const [sessionId, stored] = (lines.find((l) => l.startsWith("$")) ?? "").split("\t");
  const remove = async () => {
    if (sessionId) {
      await runTmux(ctx.runtime, tmuxCommand(calls.socket, "kill-session", "-t", sessionId), env);
    }
  };
  if (sessionId && stored !== step.session) {
    // The name is a fixed point of tmux 3.3a's rewrite, except for characters the server's
    // libc calls unprintable: tmux stored something else, so no target by name would work.
    await remove();
    return {
      kind: "failed",
      outcome: failedOutcome(
        `tmux could not build "${step.session}": it stores that name as "${stored}", so rune ` +
          `could not find the session again: choose a session_name without unusual characters`,
        r.code,
      ),
    };
  }
  if (r.code !== 0) {
    await remove();
    return { kind: "failed", outcome: await buildFailed(step, r, ctx, env) };
  }
  const paneIds = paneIdsOf(lines);
  for (const call of rest) {
    if (ctx.signal.aborted) {
      await remove();
      return {
        kind: "failed",
        outcome: {
          status: "interrupted",
          exitCode: null,
          durationMs: 0,
          message: `session "${step.session}" was half built: removed it`,
        },
      };
    }
    const next = await runTmux(ctx.runtime, bindSession(call.argv, sessionId), env);
    if (next.code !== 0) {
      await remove();
      return { kind: "failed", outcome: await buildFailed(step, next, ctx, env) };
    }
    paneIds.push(...paneIdsOf(outputLines(next)));
  }
  return { kind: "built", sessionId, paneIds };
}

export type AddResult =
  | { kind: "added"; paneIds: string[]; window: string }
  | { kind: "failed"; outcome: StepOutcome };

/** Adds the step's window to an existing session; on failure removes the panes it made. */
export async function runAddWindow(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<AddResult> {
  const r = await runTmux(ctx.runtime, calls.addWindow!.argv, env);
  if (r.code === 127) return { kind: "failed", outcome: tmuxMissing() };
  const printed = outputLines(r).filter((l) => l.startsWith("%"));
  const paneIds = printed.map((l) => l.split(" ")[0]);
  if (r.code !== 0) {
    if (paneIds.length) {
      const kills = paneIds.map((id) => ["kill-pane", "-t", id]);
      await runTmux(ctx.runtime, ["tmux", ...calls.socket, ...chain(kills)], env);
    }
    return { kind: "failed", outcome: await buildFailed(step, r, ctx, env) };
  }
  return { kind: "added", paneIds, window: printed[0]?.split(" ")[1] ?? "?" };
}

/**
 * A session of the step's name already exists: rune's own (marked @rune-project) is reused;
 * one the user made is an error that says how to get out of the way.
 */
export async function reuseOrRefuse(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<StepOutcome> {
  const target = `=${step.session}:`;
  const r = await runTmux(
    ctx.runtime,
    tmuxCommand(calls.socket, "show-options", "-q", "-v", "-t", target, PROJECT_OPTION),
    env,
  );
  if (r.code !== 0) {
    // Gone again since new-session found it, or tmux refused to say: no way to tell whose.
    return failedOutcome(
      `cannot build session "${step.session}": it exists, but tmux could not say who made it: ` +
        `${tmuxError(r)}`,
      r.code,
    );
  }
  if (r.stdout.trim() !== "") {
    ctx.note(`tmux session "${step.session}" exists: reusing it`);
    return { status: "ok", exitCode: 0, durationMs: 0, message: "reused existing session" };
  }
  const tmux = (...args: string[]) => tmuxCommandText(calls.socket, args);
  const template = step.layout?.template;
  return failedOutcome(
    `cannot build session "${step.session}": a tmux session of that name exists that rune ` +
      `did not make: rename it (${tmux("rename-session", "-t", `=${step.session}`, "NEW")}), ` +
      `end it (${tmux("kill-session", "-t", `=${step.session}`)})` +
      (template ? `, or set another session_name in template "${template}"` : ""),
    1,
  );
}

/** The index of the window pane `id` is in, as tmux shows it ("?" when tmux cannot say). */
export async function windowOf(
  id: string,
  calls: TmuxCalls,
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<string> {
  const r = await runTmux(
    ctx.runtime,
    tmuxCommand(calls.socket, "display-message", "-p", "-t", id, "#{window_index}"),
    env,
  );
  return (r.code === 0 && r.stdout.trim()) || "?";
}

export function tmuxMissing(): StepOutcome {
  return {
    status: "failed",
    exitCode: null,
    durationMs: 0,
    message: "tmux is not installed or not on PATH: install tmux, or run with --no-tmux",
    missing: "tmux",
  };
}

export function failedOutcome(message: string, code: number | null): StepOutcome {
  return { status: "failed", exitCode: code, durationMs: 0, message };
}

/** Why a call failed; a tmux too old for a flag rune uses is reported as missing (exit 3). */
export async function buildFailed(
  step: TmuxStep,
  r: RunOutcome,
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<StepOutcome> {
  const probe = await probeTmux(ctx.runtime, env);
  if (probe && !probe.supported) {
    return {
      ...tmuxMissing(),
      message: `tmux could not build "${step.session}": ${probe.version} is older than ` +
        `${probe.minimum}, the oldest rune supports: upgrade tmux, or run with --no-tmux`,
    };
  }
  return failedOutcome(`tmux could not build "${step.session}": ${tmuxError(r)}`, r.code);
}

function outputLines(r: RunOutcome): string[] {
  return r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
}

function paneIdsOf(lines: readonly string[]): string[] {
  return lines.filter((l) => l.startsWith("%")).map((l) => l.split(" ")[0]);
}
