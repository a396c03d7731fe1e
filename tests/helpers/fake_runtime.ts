/**
 * The one fake Runtime of the tests: records every argv and answers from a fixed outcome, a
 * function of the argv, or a script of answers taken in order (then code 0). For exact-argv
 * tests; a wrapper of the real runtime only counts calls.
 */
import type { RunOutcome, Runtime } from "../../src/contract/mod.ts";

export type Answer = Partial<RunOutcome> | ((argv: readonly string[]) => Partial<RunOutcome>);

export interface FakeRuntime extends Runtime {
  calls: string[][];
}

export function fakeRuntime(
  answer: Answer | Answer[] = {},
  clock: { now: number } = { now: 0 },
): FakeRuntime {
  const calls: string[][] = [];
  const script = Array.isArray(answer) ? [...answer] : undefined;
  return {
    calls,
    run(argv) {
      calls.push([...argv]);
      const next = script ? script.shift() ?? {} : answer as Answer;
      const got = typeof next === "function" ? next(argv) : next;
      return Promise.resolve({ code: 0, signal: null, stdout: "", stderr: "", ...got });
    },
    env: () => ({}),
    cwd: () => "/",
    now: () => clock.now,
  };
}

/** `runtime` with its calls counted (the argv of each recorded). */
export function countingRuntime(runtime: Runtime): Runtime & { calls: string[][] } {
  const calls: string[][] = [];
  return {
    ...runtime,
    calls,
    run(argv, options) {
      calls.push([...argv]);
      return runtime.run(argv, options);
    },
  };
}
