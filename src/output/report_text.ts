/**
 * The words and symbols every output mode shares: one place decides how a step's outcome
 * reads. Pure. Every text made here shows the control characters of the values in it.
 */
import { formatDuration, visible } from "../base/mod.ts";
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

/**
 * The mark in front of a step: a required failure is a red ✗, an optional one (the ritual
 * went on) a yellow !, as warnings are everywhere else.
 */
export function statusMark(
  status: StepStatus | "running" | "pending",
  c: Colors,
  options: { optional?: boolean } = {},
): string {
  switch (status) {
    case "ok":
      return c.green("✓");
    case "failed":
    case "timed-out":
      return options.optional ? c.yellow("!") : c.red("✗");
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
 * "timed out after 2s · 2s", "started · pid 123, log /x.log · 9ms": what follows a step's name.
 * A message that already says the status ("timed out after 2s", "interrupted") stands in for
 * the status word, so no word is said twice. `log: false` leaves a background command's log
 * path out, for a display that shows it on its own line.
 */
export function outcomeLabel(
  step: Step,
  outcome: StepOutcome,
  options: { log?: boolean } = {},
): string {
  const log = options.log !== false ? backgroundLog(outcome) : undefined;
  if (outcome.status === "skipped") {
    const reason = [skipReason(outcome), log].filter(Boolean).join(", ");
    return reason ? `skipped: ${visible(reason)}` : "skipped";
  }
  const word = STATUS_WORD[outcome.status];
  const says = saysStatus(outcome);
  const head = says ? outcome.message! : word;
  const label = isFailure(outcome) && step.optional ? `${head} (optional, going on)` : head;
  const detail = outcomeDetail(says ? { ...outcome, message: undefined } : outcome, options);
  return visible([label, detail].filter(Boolean).join(" · "));
}

/** Whether the outcome's message begins with its own status word ("timed out after 30s"). */
function saysStatus(outcome: StepOutcome): boolean {
  const word = STATUS_WORD[outcome.status];
  const m = outcome.message;
  return m !== undefined && (m === word || m.startsWith(`${word} `));
}

/** "exited with 2 · 1.2s", "timed out after 30s · 30s", "pid 123, log … · 9ms" */
export function outcomeDetail(outcome: StepOutcome, options: { log?: boolean } = {}): string {
  const parts: string[] = [];
  const log = options.log !== false ? backgroundLog(outcome) : undefined;
  if (outcome.message && outcome.status !== "ok" && outcome.status !== "skipped") {
    parts.push([outcome.message, log].filter(Boolean).join(", "));
  } else if (log && outcome.status !== "skipped") parts.push(log);
  if (outcome.status !== "skipped") parts.push(formatDuration(outcome.durationMs));
  return visible(parts.join(" · "));
}

/** "log /x.log" for a background command (started, or already running); else undefined. */
export function backgroundLog(outcome: StepOutcome): string | undefined {
  return outcome.via === "background" && outcome.logFile ? `log ${outcome.logFile}` : undefined;
}

/**
 * One line per step that did not go as asked, for the end of a run: which command failed or
 * timed out, after how long, and whether the ritual stopped there.
 */
export function problemLines(summary: RunSummary): string[] {
  return problems(summary).map((p) => p.line);
}

function problems(summary: RunSummary): { line: string; optional: boolean }[] {
  const out: { line: string; optional: boolean }[] = [];
  for (const { step, outcome } of summary.results) {
    const tag = step.optional ? " (optional)" : " (required: the ritual stopped here)";
    const add = (line: string) => out.push({ line: visible(line), optional: step.optional });
    switch (outcome.status) {
      case "failed":
        add(`"${step.name}" failed: ${outcome.message ?? "unknown reason"}${tag}`);
        break;
      case "timed-out":
        add(`"${step.name}" ${outcome.message ?? "timed out"}${tag}`);
        break;
      case "interrupted":
        add(`"${step.name}" was interrupted after ${formatDuration(outcome.durationMs)}`);
        break;
    }
  }
  return out;
}

/** Background steps this run started, which keep running after rune exits. */
export function leftRunningLines(summary: RunSummary): string[] {
  return summary.results
    .filter((r) => r.outcome.status === "started" && r.outcome.via !== "tmux")
    .map(({ step, outcome }) =>
      visible(
        `left running: "${step.name}" (pid ${outcome.pid ?? "?"}), log ${outcome.logFile ?? "?"}`,
      )
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
  const tail = summary.interrupted && !counts.has(STATUS_WORD.interrupted) ? " · interrupted" : "";
  return visible(
    `${head}: ${parts.join(", ") || "nothing to run"} · ${formatDuration(elapsedMs)}${tail}`,
  );
}

/**
 * What every human output mode prints when a run ends: the problems (when there is more than
 * one step to sort through), what an interrupted run left running, and the summary line.
 */
export function closingLines(summary: RunSummary, elapsedMs: number, c: Colors): string[] {
  const named = summary.results.length > 1 ? problems(summary) : [];
  return [
    ...named.map((p) => `${p.optional ? c.yellow("!") : c.red("!")} ${p.line}`),
    ...(summary.interrupted ? leftRunningLines(summary) : []),
    summaryLine(summary, elapsedMs),
  ];
}
