/**
 * Real interactive bash, zsh and fish running rune's shell hook, for the hook's e2e tests. Each
 * shell runs under `script` (a pseudo-terminal, so it is interactive and runs its prompt
 * hooks), in a temporary HOME, with the hook snippet from templates/ in its rc file and a
 * `rune` on PATH that appends a line to a counter file each time it starts: the count is the
 * number of rune processes the hook started. `rec NAME` in the shell writes what the shell
 * has (RUNE_PROJECT, RUNE_PROJECT_DIR, RUNE_SESSION_START, FROM_DIRENV, the count) to a file.
 */
import { makeTempHome, type TempHome } from "../helpers/temp_home.ts";
import { BUNDLE, DENO_CONFIG, REPO_ROOT } from "../helpers/run_rune.ts";
import { shellQuote } from "../../src/shell/mod.ts";

export type Shell = "bash" | "zsh" | "fish";

export interface ShellRecord {
  project: string;
  dir: string;
  sessionStart: string;
  direnv: string;
  count: number;
}

export interface ShellRun {
  /** What the terminal showed (prompts, warnings; CRLF). */
  term: string;
  records: Map<string, ShellRecord>;
}

export interface RunOptions {
  /** rc lines before the hook (`set -eu`, another hook). */
  before?: string;
  /** rc lines after the hook. */
  after?: string;
  /** The `rune` the shell finds: the real one (default), one that fails, or none at all. */
  rune?: "real" | "broken" | "missing";
  env?: Record<string, string>;
}

export interface HookHome {
  home: TempHome;
  dir: string;
  run(shell: Shell, lines: string[], options?: RunOptions): Promise<ShellRun>;
}

const UNSET = "<unset>";

export async function withHookHome(fn: (h: HookHome) => Promise<void>): Promise<void> {
  const home = makeTempHome();
  try {
    await fn({ home, dir: home.dir, run: (shell, lines, o) => runShell(home, shell, lines, o) });
  } finally {
    home.cleanup();
  }
}

function snippet(shell: Shell): string {
  return Deno.readTextFileSync(`${REPO_ROOT}/templates/hook.${shell}`);
}

function recFunction(shell: Shell, out: string, counter: string): string {
  const q = shellQuote;
  if (shell === "fish") {
    const v = (name: string) =>
      `(begin; set -q ${name}; and printf '%s' $${name}; or printf '${UNSET}'; end | string collect)`;
    return `function rec
    printf '%s\\0%s\\0%s\\0%s\\0%s' ${v("RUNE_PROJECT")} ${v("RUNE_PROJECT_DIR")} ${
      v("RUNE_SESSION_START")
    } ${v("FROM_DIRENV")} (command wc -l < ${q(counter)}) > ${q(out)}/$argv[1]
end
`;
  }
  const v = (name: string) => `"\${${name}-${UNSET}}"`;
  return `rec() { printf '%s\\0%s\\0%s\\0%s\\0%s' ${v("RUNE_PROJECT")} ${v("RUNE_PROJECT_DIR")} ${
    v("RUNE_SESSION_START")
  } ${v("FROM_DIRENV")} "$(command wc -l < ${q(counter)})" > ${q(out)}/"$1"; }
`;
}

async function runShell(
  home: TempHome,
  shell: Shell,
  lines: string[],
  o: RunOptions = {},
): Promise<ShellRun> {
  const out = `${home.dir}/out-${shell}-${crypto.randomUUID().slice(0, 8)}`;
  const bin = `${out}.bin`;
  const counter = `${out}.count`;
  Deno.mkdirSync(bin, { recursive: true });
  Deno.mkdirSync(out);
  Deno.writeTextFileSync(counter, "");
  const deno = shellQuote(Deno.execPath());
  const rune = o.rune ?? "real";
  if (rune !== "missing") {
    const body = rune === "real"
      ? `exec ${deno} run -q --no-prompt --config ${shellQuote(DENO_CONFIG)} -P ${
        shellQuote(BUNDLE)
      } "$@"`
      : `echo 'touch BROKEN_RUNE_OUTPUT_RAN'\necho 'rune: something broke' >&2\nexit 3`;
    Deno.writeTextFileSync(
      `${bin}/rune`,
      `#!/bin/sh\necho x >> ${shellQuote(counter)}\n${body}\n`,
      { mode: 0o755 },
    );
  }
  const rc = [o.before ?? "", snippet(shell), o.after ?? "", recFunction(shell, out, counter)]
    .join("\n");
  const env: Record<string, string> = {
    ...home.env,
    PATH: `${bin}:/usr/local/bin:/usr/bin:/bin`,
    ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}),
    ...(o.env ?? {}),
  };
  let command: string;
  switch (shell) {
    case "bash":
      Deno.writeTextFileSync(`${home.dir}/bashrc`, `PS1='P> '\n${rc}`);
      command = `bash --noprofile --rcfile ${shellQuote(`${home.dir}/bashrc`)} -i`;
      break;
    case "zsh":
      Deno.mkdirSync(`${home.dir}/zdot`, { recursive: true });
      Deno.writeTextFileSync(`${home.dir}/zdot/.zshrc`, `PS1='P> '\n${rc}`);
      env.ZDOTDIR = `${home.dir}/zdot`;
      command = "zsh -i";
      break;
    case "fish":
      Deno.mkdirSync(`${home.dir}/config/fish`, { recursive: true });
      Deno.writeTextFileSync(`${home.dir}/config/fish/config.fish`, rc);
      command = "fish -i";
      break;
  }
  const child = new Deno.Command("script", {
    args: ["-q", "-e", "-c", command, "/dev/null"],
    cwd: home.home,
    env,
    clearEnv: true,
    stdin: "piped",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const writer = child.stdin.getWriter();
  await writer.write(new TextEncoder().encode([...lines, "exit", ""].join("\n")));
  await writer.close();
  const timer = setTimeout(() => child.kill("SIGKILL"), 60_000);
  const done = await child.output();
  clearTimeout(timer);
  const decoder = new TextDecoder();
  const records = new Map<string, ShellRecord>();
  for (const entry of Deno.readDirSync(out)) {
    const [project, dir, sessionStart, direnv, count] = Deno.readTextFileSync(
      `${out}/${entry.name}`,
    ).split("\0");
    records.set(entry.name, {
      project,
      dir,
      sessionStart,
      direnv,
      count: Number(count.trim()),
    });
  }
  return { term: decoder.decode(done.stdout) + decoder.decode(done.stderr), records };
}

/** A record as one comparable line: "project|dir|count". */
export function brief(r: ShellRecord | undefined): string {
  return r ? `${r.project}|${r.dir}|${r.count}` : "(no record: the shell did not get there)";
}

export { UNSET };
