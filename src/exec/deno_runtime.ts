/**
 * @module
 * The seam every effect goes through. Executors take a `Runtime`; the program passes
 * `denoRuntime`, tests pass a fake that records argv and answers from a script.
 * Needs: --allow-run for the programs run, --allow-env for `env()`.
 */
import { isLoaderVariable } from "../env/filter.ts";

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

export interface Runtime {
  /** Runs argv[0] with argv.slice(1) and waits. A missing program gives code 127. */
  run(argv: readonly string[], options?: RunOptions): Promise<RunOutcome>;
  env(): Record<string, string>;
  cwd(): string;
  now(): number;
}

const decoder = new TextDecoder();

/**
 * The env a child gets: exactly `env` with clearEnv, else rune's own plus `env`. Loader
 * variables (LD_*, DYLD_*) are always left out: with them present Deno refuses to spawn
 * anything unless rune holds every run permission.
 */
export function childEnv(options: { env?: Record<string, string>; clearEnv?: boolean }) {
  const base = options.clearEnv ? {} : Deno.env.toObject();
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries({ ...base, ...options.env })) {
    if (!isLoaderVariable(k)) env[k] = v;
  }
  return env;
}

export const denoRuntime: Runtime = {
  async run(argv, options = {}) {
    const stdinText = typeof options.stdin === "string" ? options.stdin : undefined;
    const command = new Deno.Command(argv[0], {
      args: argv.slice(1),
      cwd: options.cwd,
      env: childEnv(options),
      clearEnv: true,
      stdin: stdinText !== undefined ? "piped" : options.stdin ? "inherit" : "null",
      stdout: options.inheritOutput ? "inherit" : "piped",
      stderr: options.inheritOutput ? "inherit" : "piped",
      signal: options.signal,
    });
    let child: Deno.ChildProcess;
    try {
      child = command.spawn();
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) {
        return { code: 127, signal: null, stdout: "", stderr: `${argv[0]}: command not found` };
      }
      throw e;
    }
    if (stdinText !== undefined) {
      const writer = child.stdin.getWriter();
      await writer.write(new TextEncoder().encode(stdinText));
      await writer.close();
    }
    const out = await child.output();
    return {
      code: out.code,
      signal: out.signal,
      stdout: options.inheritOutput ? "" : decoder.decode(out.stdout),
      stderr: options.inheritOutput ? "" : decoder.decode(out.stderr),
    };
  },
  env: () => Deno.env.toObject(),
  cwd: () => Deno.cwd(),
  now: () => Date.now(),
};
