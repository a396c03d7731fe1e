/**
 * Runs the real program: the bundle dist/rune.js (built by `make build`) under the
 * permission set in deno.json, exactly as users run it. Never the test's own permissions.
 */
const ROOT = new URL("../../", import.meta.url).pathname.replace(/\/$/, "");
export const REPO_ROOT = ROOT;
export const BUNDLE = `${ROOT}/dist/rune.js`;
export const DENO_CONFIG = `${ROOT}/deno.json`;

export interface RuneResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunRuneOptions {
  env?: Record<string, string>;
  cwd?: string;
  stdin?: string;
  /** Deno permission flags in place of `-P` (e.g. [] for none at all). */
  permissions?: string[];
  timeoutMs?: number;
}

/** The argv that starts rune; also used to start it inside a tmux pane. */
export function runeArgv(args: string[], permissions?: string[]): string[] {
  return [
    Deno.execPath(),
    "run",
    "-q",
    "--no-prompt",
    "--config",
    DENO_CONFIG,
    ...(permissions ?? ["-P"]),
    BUNDLE,
    ...args,
  ];
}

export async function runRune(args: string[], options: RunRuneOptions = {}): Promise<RuneResult> {
  const argv = runeArgv(args, options.permissions);
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    cwd: options.cwd,
    env: withDenoDir(options.env ?? {}),
    clearEnv: true,
    stdin: options.stdin !== undefined ? "piped" : "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  if (options.stdin !== undefined) {
    const w = child.stdin.getWriter();
    await w.write(new TextEncoder().encode(options.stdin));
    await w.close();
  }
  const timer = setTimeout(() => {
    try {
      child.kill("SIGKILL");
    } catch { /* already gone */ }
  }, options.timeoutMs ?? 60_000);
  const out = await child.output();
  clearTimeout(timer);
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

/** Keeps Deno's own cache dir so a clean env does not trigger downloads or cold caches. */
function withDenoDir(env: Record<string, string>): Record<string, string> {
  const denoDir = Deno.env.get("DENO_DIR");
  return denoDir ? { ...env, DENO_DIR: denoDir } : env;
}
