/**
 * The words and symbols every output mode shares: one place decides how a step's outcome
 * reads. Pure.
 */
import { formatDuration } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import type { RunSummary, Step, StepOutcome, StepStatus } from "../contract/mod.ts";
import { isFailure } from "../contract/mod.ts";

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

/** Why a step was skipped, without a leading "skipped:" (executors may or may not write it). */
export function skipReason(outcome: StepOutcome): string {
  return (outcome.message ?? "").replace(/^skipped:\s*/, "");
}

/**
 * "failed (optional, going on) · exited with 3 · 4ms", "skipped: needs tmux support",
 * "started · pid 123, log /x.log · 9ms": what follows a step's name.
 */
export function outcomeLabel(step: Step, outcome: StepOutcome): string {
  if (outcome.status === "skipped") {
    const reason = skipReason(outcome);
    return reason ? `skipped: ${reason}` : "skipped";
  }
  const word = STATUS_WORD[outcome.status];
  const label = isFailure(outcome) && step.optional ? `${word} (optional, going on)` : word;
  return [label, outcomeDetail(outcome)].filter(Boolean).join(" · ");
}

/** "exited with 2 · 1.2s", "timed out after 30s · 30s", "pid 123, log … · 9ms" */
export function outcomeDetail(outcome: StepOutcome): string {
  const parts: string[] = [];
  if (outcome.message && outcome.status !== "ok" && outcome.status !== "skipped") {
    parts.push(outcome.message);
  }
  if (outcome.status !== "skipped") parts.push(formatDuration(outcome.durationMs));
  return parts.join(" · ");
}

/**
 * One line per step that did not go as asked, for the end of a run: which command failed or
 * timed out, after how long, and whether the ritual stopped there.
 */
export function problemLines(summary: RunSummary): string[] {
  const lines: string[] = [];
  for (const { step, outcome } of summary.results) {
    const tag = step.optional ? " (optional)" : " (required: the ritual stopped here)";
    switch (outcome.status) {
      case "failed":
        lines.push(`"${step.name}" failed: ${outcome.message ?? "unknown reason"}${tag}`);
        break;
      case "timed-out":
        lines.push(`"${step.name}" ${outcome.message ?? "timed out"}${tag}`);
        break;
      case "interrupted":
        lines.push(`"${step.name}" was interrupted after ${formatDuration(outcome.durationMs)}`);
        break;
    }
  }
  return lines;
}

/** Background steps this run started, which keep running after rune exits. */
export function leftRunningLines(summary: RunSummary): string[] {
  return summary.results
    .filter((r) => r.outcome.status === "started" && r.outcome.via !== "tmux")
    .map(({ step, outcome }) =>
      `left running: "${step.name}" (pid ${outcome.pid ?? "?"}), log ${outcome.logFile ?? "?"}`
    );
}

/** "rune start web: 3 ok, 1 failed (optional), 2 skipped · 4.2s" */
export function summaryLine(summary: RunSummary, elapsedMs: number): string {
  const counts = new Map<string, number>();
  for (const { step, outcome } of summary.results) {
    const word = STATUS_WORD[outcome.status] +
      (isFailure(outcome) && step.optional ? " (optional)" : "");
    counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  const parts = [...counts].map(([word, n]) => `${n} ${word}`);
  const head = `rune ${summary.plan.ritual} ${summary.plan.project.name}`;
  const tail = summary.interrupted ? " · interrupted" : "";
  return `${head}: ${parts.join(", ") || "nothing to run"} · ${formatDuration(elapsedMs)}${tail}`;
}

/**
 * What every human output mode prints when a run ends: the problems (when there is more than
 * one step to sort through), what an interrupted run left running, and the summary line.
 */
export function closingLines(summary: RunSummary, elapsedMs: number, c: Colors): string[] {
  const problems = summary.results.length > 1 ? problemLines(summary) : [];
  return [
    ...problems.map((l) => `${c.red("!")} ${l}`),
    ...(summary.interrupted ? leftRunningLines(summary) : []),
    summaryLine(summary, elapsedMs),
  ];
}
