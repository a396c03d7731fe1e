/**
 * The words and symbols every output mode shares: one place decides how a step's outcome
 * reads. Pure.
 */
import { formatDuration } from "../config/duration.ts";
import type { Colors } from "../colors.ts";
import type { RunSummary, StepOutcome, StepStatus } from "./outcome_types.ts";
import type { Step } from "./plan_types.ts";

export const STATUS_WORD: Record<StepStatus, string> = {
  ok: "ok",
  failed: "failed",
  "timed-out": "timed out",
  skipped: "skipped",
  started: "started",
  interrupted: "interrupted",
};

export function statusMark(status: StepStatus | "running" | "pending", c: Colors): string {
  switch (status) {
    case "ok":
      return c.green("✓");
    case "failed":
    case "timed-out":
      return c.red("✗");
    case "interrupted":
      return c.yellow("✗");
    case "skipped":
      return c.dim("-");
    case "started":
      return c.cyan("▶");
    case "running":
      return c.cyan("…");
    case "pending":
      return c.dim("·");
  }
}

/** "exited with 2 · 1.2s", "timed out after 30s", "pid 123, log …" */
export function outcomeDetail(outcome: StepOutcome): string {
  const parts: string[] = [];
  if (outcome.message && outcome.status !== "ok") parts.push(outcome.message);
  if (outcome.status !== "skipped") parts.push(formatDuration(outcome.durationMs));
  return parts.join(" · ");
}

/** Whether a failure of this step stops the ritual. */
export function isFatal(step: Step, outcome: StepOutcome): boolean {
  return !step.optional && (outcome.status === "failed" || outcome.status === "timed-out");
}

/** "rune start web: 3 ok, 1 failed (optional), 2 skipped · 4.2s" */
export function summaryLine(summary: RunSummary, elapsedMs: number): string {
  const counts = new Map<string, number>();
  for (const { step, outcome } of summary.results) {
    const word = STATUS_WORD[outcome.status] +
      ((outcome.status === "failed" || outcome.status === "timed-out") && step.optional
        ? " (optional)"
        : "");
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  const head = `rune ${summary.plan.ritual} ${summary.plan.project.name}`;
  const tail = summary.interrupted ? " · interrupted" : "";
  return `${head}: ${parts.join(", ") || "nothing to run"} · ${formatDuration(elapsedMs)}${tail}`;
}
