/**
 * How a run shows itself. The runner calls a Reporter; the CLI picks the implementation:
 * live (a terminal), plain (logs, pipes, NO_COLOR, --verbose), quiet, or JSON lines.
 */
import type { RunSummary, StepResult } from "./outcome.ts";
import type { Plan, Step } from "./plan.ts";

export interface Reporter {
  begin(plan: Plan): void;
  stepStarted(step: Step): void;
  /** Output of a running step, as it arrives (shown only in verbose modes). */
  stepOutput(step: Step, chunk: Uint8Array): void;
  stepFinished(result: StepResult): void;
  note(message: string): void;
  /** An interactive step takes the terminal: stop drawing until resume(). */
  suspend(): void;
  resume(): void;
  end(summary: RunSummary): void;
}

/** Writes text to a stream synchronously (progress must not interleave). */
export type Write = (text: string) => void;
