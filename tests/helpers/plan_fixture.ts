/**
 * Hand-built Plans, steps and execution contexts for engine tests, plus the probe tests use to
 * prove no process of theirs survived.
 */
import type { BackgroundStep, Plan, ShellStep, Step } from "../../src/contract/plan.ts";
import type { ExecContext, RunFlags } from "../../src/contract/outcome.ts";
import { denoRuntime } from "../../src/exec/deno_runtime.ts";

export const FLAGS: RunFlags = { noTmux: false, noPty: false, detach: false, verbose: false };

/** A minimal environment for children: enough for sh and coreutils. */
export const BASE_ENV: Record<string, string> = {
  PATH: Deno.env.get("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
  HOME: Deno.env.get("HOME") ?? "/tmp",
  LANG: "C.UTF-8",
};

export function shell(
  id: number,
  name: string,
  command: string,
  extra: Partial<ShellStep> = {},
): ShellStep {
  return {
    kind: "shell",
    id,
    name,
    scope: "global",
    optional: false,
    command,
    cwd: Deno.cwd(),
    env: {},
    timeoutMs: 30_000,
    ...extra,
  };
}

export function background(
  id: number,
  name: string,
  command: string,
  logFile: string,
  extra: Partial<BackgroundStep> = {},
): BackgroundStep {
  return {
    kind: "background",
    id,
    name,
    scope: "project",
    optional: false,
    command,
    cwd: Deno.cwd(),
    env: {},
    logFile,
    ...extra,
  };
}

export function plan(steps: Step[], ritual: "start" | "stop" = "start"): Plan {
  return {
    ritual,
    project: { name: "web", dir: Deno.cwd(), detectedBy: "argument" },
    configFile: "/tmp/config.yaml",
    steps,
    envRemoved: [],
    warnings: [],
  };
}

export function context(overrides: Partial<ExecContext> = {}): ExecContext {
  return {
    baseEnv: BASE_ENV,
    parentEnv: BASE_ENV,
    signal: new AbortController().signal,
    runtime: denoRuntime,
    terminal: { stdin: false, stdout: false },
    flags: FLAGS,
    takeTerminal: () => () => {},
    note: () => {},
    ...overrides,
  };
}

/** A string no other process on the machine carries: put it in a command line to find it. */
export function uniqueMarker(label: string): string {
  return `rune-test-${label}-${Deno.pid}-${crypto.randomUUID().slice(0, 8)}`;
}

/**
 * Pids of live processes whose command line contains `marker` (zombies excluded). Through
 * `ps`: Deno reads /proc only with --allow-all, which the test permission set does not grant.
 */
export function pidsWithMarker(marker: string): number[] {
  return markedProcesses(marker).map((p) => p.pid);
}

function markedProcesses(marker: string): { pid: number; pgid: number }[] {
  const found: { pid: number; pgid: number }[] = [];
  for (const line of ps(["-eo", "pid=,pgid=,stat=,args="]).split("\n")) {
    const m = line.trim().match(/^(\d+)\s+(\d+)\s+(\S+)\s+(.*)$/);
    if (m && !m[3].startsWith("Z") && m[4].includes(marker)) {
      found.push({ pid: Number(m[1]), pgid: Number(m[2]) });
    }
  }
  return found;
}

function ps(args: string[]): string {
  const out = new Deno.Command("ps", { args, stdout: "piped" }).outputSync();
  return new TextDecoder().decode(out.stdout);
}

/**
 * Cleanup after a test that may have failed half-way: SIGKILL every process carrying `marker`
 * and its process group, unless that group is the test runner's own. Never by name.
 */
export function killMarked(marker: string): void {
  const own = Number(ps(["-o", "pgid=", "-p", String(Deno.pid)]).trim());
  for (const { pid, pgid } of markedProcesses(marker)) {
    try {
      if (pgid !== own && pgid > 1) Deno.kill(-pgid, "SIGKILL");
      else Deno.kill(pid, "SIGKILL");
    } catch { /* already gone */ }
  }
}

/** Ends a process group the test started (cleanup: only by our own pgid). */
export function killGroup(pgid: number): void {
  try {
    Deno.kill(-pgid, "SIGKILL");
  } catch { /* already gone */ }
}
