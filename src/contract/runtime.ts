/**
 * The seam every effect goes through: executors take a `Runtime`; the program passes the Deno
 * one (src/exec), tests a fake that records argv and answers from a script.
 */

export interface RunOptions {
  cwd?: string;
  /** With `clearEnv`, exactly these variables; otherwise added to the parent's. */
  env?: Record<string, string>;
  clearEnv?: boolean;
  /** Text written to the child's stdin, or "inherit"/"null" (default "null"). */
  stdin?: string | { inherit: true };
  /** Let the child use rune's terminal for stdout/stderr instead of capturing them. */
  inheritOutput?: boolean;
  signal?: AbortSignal;
}

/** A finished child. A non-zero exit is a value, not an exception. */
export interface RunOutcome {
  code: number;
  signal: string | null;
  stdout: string;
  stderr: string;
}

/** A long-lived child with piped stdio (a tmux control client); Deno.ChildProcess fits it. */
export interface SpawnedChild {
  stdin: WritableStream<Uint8Array>;
  stdout: ReadableStream<Uint8Array>;
  stderr: ReadableStream<Uint8Array>;
  status: Promise<{ code: number; signal: string | null }>;
  kill(signal?: "SIGTERM" | "SIGKILL"): void;
}

export interface Runtime {
  /** Runs argv[0] with argv.slice(1) and waits. A missing program gives code 127. */
  run(argv: readonly string[], options?: RunOptions): Promise<RunOutcome>;
  /**
   * Starts argv with piped stdin, stdout and stderr and does not wait: undefined when the
   * program is not installed. Optional: a runtime without it gets no tmux control client.
   */
  spawn?(
    argv: readonly string[],
    options: { env: Record<string, string>; clearEnv: true },
  ): SpawnedChild | undefined;
  env(): Record<string, string>;
  cwd(): string;
  now(): number;
}
