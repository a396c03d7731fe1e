/**
 * `wait_for` on a ritual step (issue 17): before the step runs, the panes and windows it names
 * in earlier template steps must be ready. The watcher of each such session was kept running
 * for this (executor.ts), so output since the session was built counts; a session whose
 * watcher is gone had nothing left to wait for. A gate that failed, or a template step that
 * did not build its session, fails the waiting step with the reason.
 */
import type { ExecContext, Step, StepOutcome, WaitTarget } from "../contract/mod.ts";
import type { SessionLink } from "./link.ts";
import type { ReadinessWatcher } from "./readiness_run.ts";

/** A built session still watched for later steps, with the link its watcher talks through. */
export interface LiveSession {
  watcher: ReadinessWatcher;
  link: SessionLink;
}

export async function awaitTargets(
  step: Step,
  ctx: ExecContext,
  o: { live: Map<number, LiveSession>; outcomes: Map<number, StepOutcome> },
): Promise<StepOutcome | undefined> {
  const targets = step.waitFor ?? [];
  const failures: string[] = [];
  const byStep = new Map<number, WaitTarget[]>();
  for (const t of targets) byStep.set(t.step, [...(byStep.get(t.step) ?? []), t]);
  for (const [id, group] of byStep) {
    const built = o.outcomes.get(id);
    if (!built || built.status !== "ok") {
      failures.push(
        `${group.map((t) => t.label).join(", ")}: step ${id} did not build session ` +
          `"${group[0].session}" (${built ? built.status : "it did not run"})`,
      );
      continue;
    }
    const live = o.live.get(id);
    if (!live) continue;
    const { watcher } = live;
    const pending = watcher.pendingLabels(group.map((t) => t.gate));
    if (pending.length) {
      ctx.note(`waiting for ${pending.join(", ")} in session "${group[0].session}"`);
    }
    await watcher.until(() => group.every((t) => watcher.gate(t.gate) !== "pending"), ctx.signal);
    for (const t of group) {
      if (watcher.gate(t.gate) === "failed") failures.push(`${t.label}: ${watcher.why(t.gate)}`);
    }
  }
  if (ctx.signal.aborted) {
    return {
      status: "interrupted",
      exitCode: null,
      durationMs: 0,
      message: "interrupted while waiting for panes to be ready",
    };
  }
  if (!failures.length) return undefined;
  return {
    status: "failed",
    exitCode: null,
    durationMs: 0,
    message: `cannot run "${step.name}": what it waits for is not ready: ${failures.join("; ")}`,
  };
}
