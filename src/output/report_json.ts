/**
 * `--json` while running: one JSON object per finished step on stdout (JSON lines), for
 * scripts. Nothing else goes to stdout; notes go to stderr.
 */
import { visible } from "../base/mod.ts";
import type { Reporter, RunSummary, StepResult, Write } from "../contract/mod.ts";

/** The stable shape of one result line. */
export interface StepResultJson {
  id: number;
  name: string;
  kind: string;
  scope: "global" | "project";
  optional: boolean;
  status: string;
  exitCode: number | null;
  durationMs: number;
  message?: string;
  logFile?: string;
  pid?: number;
  via?: string;
  outputTail?: string[];
}

export function stepResultJson({ step, outcome }: StepResult): StepResultJson {
  return {
    id: step.id,
    name: step.name,
    kind: step.kind,
    scope: step.scope,
    optional: step.optional,
    status: outcome.status,
    exitCode: outcome.exitCode,
    durationMs: Math.round(outcome.durationMs),
    message: outcome.message,
    logFile: outcome.logFile,
    pid: outcome.pid,
    via: outcome.via,
    outputTail: outcome.outputTail?.length ? outcome.outputTail : undefined,
  };
}

export class JsonReporter implements Reporter {
  #out: Write;
  #err: Write;

  constructor(out: Write, err: Write) {
    this.#out = out;
    this.#err = err;
  }

  begin(): void {}
  stepStarted(): void {}
  stepOutput(): void {}
  stepFinished(result: StepResult): void {
    this.#out(`${JSON.stringify(stepResultJson(result))}\n`);
  }
  note(message: string): void {
    // stderr is for people: only stdout's JSON lines escape values themselves.
    this.#err(`note: ${visible(message)}\n`);
  }
  suspend(): void {}
  resume(): void {}
  end(_summary: RunSummary): void {}
}
