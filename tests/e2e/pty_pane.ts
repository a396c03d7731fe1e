/**
 * Runs the rune bundle in a pane of a private tmux server, so it has a real terminal, and
 * records around it what the pty tests check: `stty -g` of the pane's terminal before and after
 * rune, and rune's exit status. The pane starts from a clean environment (only TMUX, TMUX_PANE
 * and TERM survive from tmux), then takes the temp HOME's variables.
 */
import { runeArgv } from "../helpers/run_rune.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { exists, readOr } from "../helpers/files.ts";

export interface PaneRun {
  /** The pane's id (%N), a send-keys / capture-pane target. */
  pane: string;
  /** The pane's terminal device, e.g. /dev/pts/3 (`stty -F` reads it from outside). */
  tty: string;
  /** Waits for rune to end; its exit status. */
  exitCode(timeoutMs?: number): Promise<number>;
  sttyBefore(): string;
  sttyAfter(): string;
}

export interface PaneOptions {
  home: TempHome;
  cwd: string;
  args: string[];
  /** Pipe rune's stdout through `cat` (stdin stays the terminal). */
  pipeStdout?: boolean;
  env?: Record<string, string>;
  /** Unset TMUX and TMUX_PANE, as if rune ran in a terminal outside tmux. */
  outsideTmux?: boolean;
  /** The pane's width (default 100 columns). */
  columns?: number;
  /** The whole argv that starts rune (default: `runeArgv(args)`, the permission set, no prompt). */
  argv?: string[];
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

export async function runInPane(tmux: TmuxServer, o: PaneOptions): Promise<PaneRun> {
  const scratch = Deno.makeTempDirSync({ dir: o.home.dir, prefix: "pane-" });
  const env: Record<string, string> = { ...o.home.env, ...o.env };
  const denoDir = Deno.env.get("DENO_DIR");
  if (denoDir) env.DENO_DIR = denoDir;
  const rune = (o.argv ?? runeArgv(o.args)).map(q).join(" ");
  const run = o.pipeStdout
    ? `{ ${rune}; echo $? > ${scratch}/exit.tmp; } | cat`
    : `${rune}; echo $? > ${scratch}/exit.tmp`;
  const script = [
    ...Object.entries(env).map(([k, v]) => `export ${k}=${q(v)}`),
    // Job control, as in a person's shell: rune runs as its own foreground process group, so
    // a Ctrl-C reaches rune and its children, never this script.
    "set -m",
    ...(o.outsideTmux ? ["unset TMUX TMUX_PANE"] : []),
    `cd ${q(o.cwd)}`,
    `stty -g > ${scratch}/before`,
    run,
    `stty -g > ${scratch}/after`,
    `mv ${scratch}/exit.tmp ${scratch}/exit`,
    `echo "rune-exit=$(cat ${scratch}/exit)"`,
    "exec sleep 600",
  ].join("\n");
  Deno.writeTextFileSync(`${scratch}/pane.sh`, script);
  const pane = await tmux.tmux(
    "new-session",
    "-d",
    "-P",
    "-F",
    "#{pane_id}",
    "-x",
    String(o.columns ?? 100),
    "-y",
    "30",
    `exec env -i TMUX="$TMUX" TMUX_PANE="$TMUX_PANE" TERM="$TERM" sh ${scratch}/pane.sh`,
  );
  const tty = await tmux.tmux("display-message", "-p", "-t", pane, "#{pane_tty}");
  const read = (name: string) => Deno.readTextFileSync(`${scratch}/${name}`).trim();
  return {
    pane,
    tty,
    async exitCode(timeoutMs = 30_000) {
      await waitFor(() => exists(`${scratch}/exit`), {
        timeoutMs,
        what: `rune to exit in pane ${pane}`,
      }).catch(async (e) => {
        throw new Error(`${e.message}; screen:\n${await tmux.capture(pane).catch(() => "")}`);
      });
      return Number(read("exit"));
    },
    sttyBefore: () => read("before"),
    sttyAfter: () => read("after"),
  };
}

/** `stty -g` of a terminal device, read from outside (what the user's terminal is now). */
export async function sttyOf(tty: string): Promise<string> {
  const out = await new Deno.Command("stty", { args: ["-g", "-F", tty], stdout: "piped" }).output();
  return new TextDecoder().decode(out.stdout).trim();
}

/** A file's text, or "" while it does not exist. */

export { exists, readOr };
