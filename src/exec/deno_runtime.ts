/**
 * The Deno side of the runtime seam (the `Runtime` of src/contract): what the program passes to
 * every executor. Needs: --allow-run for the programs run, --allow-env for `env()`. Programs
 * are found on rune's own PATH, as their run permission was (src/exec/program.ts).
 */
import { isLoaderVariable } from "../env/mod.ts";
import type { Runtime } from "../contract/mod.ts";
import { spawnablePath } from "./program.ts";

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

function notFound(program: string) {
  return { code: 127, signal: null, stdout: "", stderr: `${program}: command not found` };
}

export const denoRuntime: Runtime = {
  async run(argv, options = {}) {
    const stdinText = typeof options.stdin === "string" ? options.stdin : undefined;
    const program = spawnablePath(argv[0]);
    if (program === undefined) return notFound(argv[0]);
    const command = new Deno.Command(program, {
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
      if (e instanceof Deno.errors.NotFound) return notFound(argv[0]);
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
  spawn(argv, options) {
    const program = spawnablePath(argv[0]);
    if (program === undefined) return undefined;
    try {
      return new Deno.Command(program, {
        args: argv.slice(1),
        env: childEnv(options),
        clearEnv: true,
        stdin: "piped",
        stdout: "piped",
        stderr: "piped",
      }).spawn();
    } catch (e) {
      if (e instanceof Deno.errors.NotFound) return undefined;
      throw e;
    }
  },
  env: () => Deno.env.toObject(),
  cwd: () => Deno.cwd(),
  now: () => Date.now(),
};
