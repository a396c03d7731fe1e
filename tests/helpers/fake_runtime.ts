/** A Runtime that records every argv and answers from a function: for exact-argv tests. */
import type { RunOutcome, Runtime } from "../../src/exec/deno_runtime.ts";

export interface FakeRuntime extends Runtime {
  calls: string[][];
}

export function fakeRuntime(
  answer: (argv: readonly string[]) => Partial<RunOutcome> = () => ({}),
  clock: { now: number } = { now: 0 },
): FakeRuntime {
  const calls: string[][] = [];
  return {
    calls,
    run(argv) {
      calls.push([...argv]);
      return Promise.resolve({ code: 0, signal: null, stdout: "", stderr: "", ...answer(argv) });
    },
    env: () => ({}),
    cwd: () => "/",
    now: () => clock.now,
  };
}
