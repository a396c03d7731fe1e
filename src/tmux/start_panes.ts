/**
 * After a build: every pane started, together. Without declared readiness, each typed pane's
 * commands as soon as its shell reads (typing.ts). With it (issue 17), the readiness watcher
 * decides when each pane starts, and the step waits until every pane has started or never
 * will (with --wait: until every condition has held or failed). Either way the build's
 * control client going away (the server killed under it) ends the wait at once, as a failure.
 * Needs --allow-run=tmux.
 */
import type { BuiltPane, ExecContext, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import { lastLines } from "./conditions.ts";
import type { Connected } from "./connect.ts";
import { fileSource } from "./handshake.ts";
import { controlSource } from "./pane_output.ts";
import type { PaneOutputs } from "./pane_output.ts";
import { ReadinessWatcher } from "./readiness_run.ts";
import { closePipes, typeWhenReady } from "./typing.ts";

export interface StartOptions {
  connected: Connected;
  outputs: PaneOutputs;
  deadlineMs?: number;
}

export interface Started {
  /** Why the step fails: the client went away, or a condition failed. */
  failure?: StepOutcome;
  /** The session's watcher, when it declares readiness (kept for later wait_for steps). */
  watcher?: ReadinessWatcher;
}

export async function startPanes(
  step: TmuxStep,
  panes: readonly BuiltPane[],
  ids: readonly string[],
  calls: TmuxCalls,
  ctx: ExecContext,
  o: StartOptions,
): Promise<Started> {
  const { link } = o.connected;
  const idOf = new Map(panes.map((p, i) => [p.key, ids[i]]));
  const id = (key: string) => idOf.get(key)!;
  const typed = panes.filter((p) => (p.commands.length || p.pending) && idOf.get(p.key));
  const readiness = step.layout?.readiness;
  if (!typed.length && !readiness) return {};
  const source = link.kind === "control"
    ? controlSource(o.outputs, id)
    : fileSource(calls.markerDir);
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  ctx.signal.addEventListener("abort", onAbort);
  let exit: string | undefined;
  const unsubscribe = link.subscribe?.((e) => {
    if (e.kind !== "exit") return;
    exit = e.reason ?? "it exited";
    stop.abort();
  });
  const watcher = readiness &&
    new ReadinessWatcher({
      readiness,
      panes: panes.filter((p) => idOf.get(p.key)),
      idOf: id,
      link,
      outputs: link.kind === "control" ? o.outputs : undefined,
      now: () => ctx.runtime.now(),
      note: ctx.note,
    });
  // With a watcher, the handshake only says when shells read; the watcher types.
  const shells = new AbortController();
  stop.signal.addEventListener("abort", () => shells.abort());
  try {
    const handshake = typed.length
      ? typeWhenReady(typed, {
        link,
        source,
        markerDir: calls.markerDir,
        idOf: id,
        deadlineMs: o.deadlineMs,
        ctx: { ...ctx, signal: watcher ? shells.signal : stop.signal },
        onReady: watcher ? (ready) => watcher.shellsReady(ready) : undefined,
        programs: new Set(typed.filter((p) => p.program !== undefined).map((p) => p.key)),
        synchronize: calls.synchronize,
      })
      : undefined;
    if (watcher) {
      const all = ctx.flags.wait === true;
      await watcher.until(() => all ? watcher.resolved() : watcher.settled(), stop.signal);
      shells.abort();
    }
    const result = await handshake;
    if (exit !== undefined) {
      return {
        failure: {
          status: "failed",
          exitCode: null,
          durationMs: 0,
          message: `tmux went away while rune was starting the panes of "${step.session}": ` +
            `${exit}: check the tmux server`,
        },
      };
    }
    // Panes left untyped (Ctrl-C, or waiting for what failed) keep no pipe of rune's open.
    const unstarted = new Set(watcher ? watcher.unstarted() : []);
    const open = [
      ...(result?.untyped ?? []),
      ...(result?.ready ?? []).filter((p) => unstarted.has(p.key)),
    ].filter((p) => p.piped);
    await closePipes(link, open.map((p) => id(p.key)));
    if (!watcher) return {};
    const failed = watcher.failures();
    if (!failed.lines.length || ctx.signal.aborted) return { watcher };
    return {
      watcher,
      failure: {
        status: "failed",
        exitCode: null,
        durationMs: 0,
        message: `session "${step.session}" is built, but not ready: ${failed.lines.join("; ")}`,
        outputTail: failed.pane
          ? await lastLines(link, failed.pane, 10, link.kind === "control" ? o.outputs : undefined)
          : undefined,
      },
    };
  } finally {
    unsubscribe?.();
    ctx.signal.removeEventListener("abort", onAbort);
  }
}
