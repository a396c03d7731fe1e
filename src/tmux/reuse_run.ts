/**
 * A tmux step whose session already exists: reused when it is rune's (its on_reuse hooks
 * run), refused otherwise; with --append, the template's windows it lacks are added first and
 * their panes started like a new build's (typed after the handshake, over tmux calls).
 * Needs --allow-run=tmux.
 */
import type { ExecContext, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import { runAppend } from "./append_run.ts";
import { reuseOrRefuse } from "./build_run.ts";
import { runHooks } from "./hooks_run.ts";
import { cliLink } from "./link.ts";
import { PaneOutputs } from "./pane_output.ts";
import { startPanes } from "./start_panes.ts";
import { stepLayout } from "./step_plan.ts";

export async function reuseSession(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  o: { clientEnv: Record<string, string>; handshakeDeadlineMs?: number },
): Promise<StepOutcome> {
  const layout = stepLayout(step);
  let outcome: StepOutcome | undefined;
  if (calls.appendWindows) {
    const r = await runAppend(step, calls, ctx, o.clientEnv);
    if (r.kind === "failed") return r.outcome;
    if (r.kind === "appended" && r.added.length) {
      const link = cliLink(ctx.runtime, calls.socket, o.clientEnv);
      const started = await startPanes(step, r.panes, r.paneIds, calls, ctx, {
        connected: { kind: "added", link, paneIds: r.paneIds },
        outputs: new PaneOutputs(() => ctx.runtime.now()),
        deadlineMs: o.handshakeDeadlineMs,
      });
      if (started.failure) return started.failure;
      if (ctx.signal.aborted) {
        return {
          status: "interrupted",
          exitCode: null,
          durationMs: 0,
          message: `added window(s) to "${step.session}"; their pane commands were not typed`,
        };
      }
      outcome = {
        status: "ok",
        exitCode: 0,
        durationMs: 0,
        message: `added ${r.added.length} window(s) to session "${step.session}": ` +
          r.added.join(", "),
      };
    } else if (r.kind === "appended") {
      ctx.note(`tmux session "${step.session}" has every window of the template: reusing it`);
      outcome = { status: "ok", exitCode: 0, durationMs: 0, message: "reused existing session" };
    }
  }
  outcome ??= await reuseOrRefuse(step, calls, ctx, o.clientEnv);
  if (outcome.status !== "ok") return outcome;
  return await runHooks("on_reuse", layout.onReuse ?? [], step, layout.dir, ctx) ?? outcome;
}
