/**
 * A template's shell hooks around its session: `before` (before the session is created, only
 * when it does not exist), `on_first_start` (once this start has built it, its panes typed)
 * and `on_reuse` (when it already existed). Each line runs as `sh -c` in the session's dir
 * with the step's env, in order; the first that fails stops the rest and says which it was.
 * Needs --allow-run=sh.
 */
import type { ExecContext, StepOutcome, TmuxStep } from "../contract/mod.ts";
import { runShellStep } from "../exec/mod.ts";

/** What one hook line may take: a minute, as `before` always had. */
const HOOK_TIMEOUT_MS = 60_000;

export type HookKind = "before" | "on_first_start" | "on_reuse";

/** Runs `lines` in order; the failed line's outcome, or undefined when all succeeded. */
export async function runHooks(
  kind: HookKind,
  lines: readonly string[],
  step: Pick<TmuxStep, "env" | "session">,
  dir: string,
  ctx: ExecContext,
): Promise<StepOutcome | undefined> {
  for (const line of lines) {
    const r = await runShellStep(
      { command: line, cwd: dir, env: step.env, timeoutMs: HOOK_TIMEOUT_MS },
      ctx,
    );
    if (r.status === "ok") continue;
    const what = kind === "before"
      ? `before command "${line}" ${r.message ?? "failed"}`
      : `session "${step.session}" is ${kind === "on_reuse" ? "there" : "built"}, but its ` +
        `${kind} command "${line}" ${r.message ?? "failed"}`;
    return { ...r, message: what };
  }
  return undefined;
}
