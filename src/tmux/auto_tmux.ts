/**
 * Auto-tmux (settings.auto_tmux): a whole `rune start` re-runs itself inside a new tmux
 * session, so its interactive commands and the user's shell afterwards live in tmux. Pure:
 * whether to do it, and the exact tmux argv.
 *
 * The inner rune gets RUNE_NO_AUTO_TMUX=1 (and $TMUX), so it never re-executes again. How the
 * same rune is started again (`currentRuneArgv()`): a compiled binary is `Deno.execPath()`
 * alone; the bundle or main.ts is `deno run -q --no-prompt --config DENO_JSON -P SCRIPT`,
 * followed in both cases by the same arguments (`Deno.args`).
 */
import { tmuxCommand } from "./client.ts";
import { literalFormat } from "./escape.ts";

export const NO_AUTO_TMUX_ENV = "RUNE_NO_AUTO_TMUX";

export interface AutoTmuxFacts {
  /** settings.auto_tmux */
  enabled: boolean;
  ritual: "start" | "stop";
  dryRun: boolean;
  noTmux: boolean;
  /** --detach: the user asked not to be attached to anything. */
  detach: boolean;
  /** rune's unfiltered environment: TMUX and RUNE_NO_AUTO_TMUX. */
  env: Readonly<Record<string, string | undefined>>;
  terminal: { stdin: boolean; stdout: boolean };
  /** `tmux -V` works; only consulted when everything else says go. */
  tmuxUsable: () => boolean;
}

export type AutoTmuxDecision = { run: true } | { run: false; note?: string };

export function decideAutoTmux(f: AutoTmuxFacts): AutoTmuxDecision {
  if (!f.enabled || f.ritual !== "start" || f.dryRun || f.noTmux || f.detach) {
    return { run: false };
  }
  if (f.env.TMUX || f.env[NO_AUTO_TMUX_ENV]) return { run: false };
  if (!f.terminal.stdin || !f.terminal.stdout) {
    return { run: false, note: "auto_tmux: no terminal to attach a tmux session to; running here" };
  }
  if (!f.tmuxUsable()) {
    return { run: false, note: "auto_tmux: tmux is not installed or not on PATH; running here" };
  }
  return { run: true };
}

/** The session's name: `rune-PROJECT`, then `rune-PROJECT-2`… while `taken` says so. */
export function autoSessionName(project: string, taken: (name: string) => boolean): string {
  const base = `rune-${project}`;
  if (!taken(base)) return base;
  for (let n = 2;; n++) if (!taken(`${base}-${n}`)) return `${base}-${n}`;
}

export interface AutoTmuxArgvOptions {
  /** tmux global flags for the server (-S PATH / -L NAME). */
  socket: readonly string[];
  session: string;
  cwd: string;
  /** The environment the inner rune gets (filtered: a tmux server never holds secrets). */
  env: Readonly<Record<string, string>>;
  /** How to start this same rune, with its arguments. */
  runeArgv: readonly string[];
}

/**
 * `tmux new-session` (attached) whose one pane runs rune, then the user's shell, so the
 * session stays after the ritual. Every variable goes in with `-e` (an existing server's
 * environment is not rune's); the argv runs without any shell parsing it.
 */
export function buildAutoTmuxArgv(o: AutoTmuxArgvOptions): string[] {
  const env: Record<string, string> = { ...o.env, [NO_AUTO_TMUX_ENV]: "1" };
  delete env.TMUX;
  delete env.TMUX_PANE;
  const envArgs = Object.keys(env).sort().flatMap((k) => ["-e", `${k}=${env[k]}`]);
  const keep = `"$@"; exec "\${SHELL:-/bin/sh}"`;
  return tmuxCommand(
    o.socket,
    "new-session",
    "-s",
    literalFormat(o.session),
    "-c",
    literalFormat(o.cwd),
    ...envArgs,
    "--",
    "sh",
    "-c",
    keep,
    "rune",
    ...o.runeArgv,
  );
}
