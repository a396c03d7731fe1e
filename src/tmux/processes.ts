/**
 * Which program runs in a pane's foreground, from one `ps` of the whole process table. Pure.
 * A pane's process is its shell (#{pane_pid}); the terminal's foreground process group
 * (`tpgid`) is the job the shell started, whose leader is the program a person would say runs
 * there (`vim notes.md`, not the `less` that `man` starts). When the shell itself is in the
 * foreground, nothing runs; when the pane's own process is not a shell, it is the program.
 */

/**
 * `ps` arguments: pid, process group, the terminal's foreground group, the state, the command
 * line.
 */
export const PS_ARGV = ["ps", "-ww", "-A", "-o", "pid=,pgid=,tpgid=,stat=,args="];

export interface ProcessRow {
  pid: number;
  pgid: number;
  /** The foreground process group of the process's terminal; -1 or 0 without one. */
  tpgid: number;
  /** ps's state letters: "Ss+", "R", "Z" (a zombie: it has exited, only its entry is left). */
  stat: string;
  /** The command line as ps prints it: the arguments joined by spaces. */
  args: string;
}

/**
 * `ps -o pid=,pgid=,tpgid=,stat=,args=` output → rows by pid, zombies left out: a process that
 * has exited is not running anything (kill-server leaves the panes' shells as zombies for a
 * moment, named "[bash] <defunct>").
 */
export function parseProcessTable(text: string): Map<number, ProcessRow> {
  const out = new Map<number, ProcessRow>();
  for (const line of text.split("\n")) {
    const m = line.match(/^\s*(\d+)\s+(\d+)\s+(-?\d+)\s+(\S+) (.*)$/);
    if (!m || m[4].startsWith("Z")) continue;
    const pid = Number(m[1]);
    out.set(pid, {
      pid,
      pgid: Number(m[2]),
      tpgid: Number(m[3]),
      stat: m[4],
      args: m[5].trimStart(),
    });
  }
  return out;
}

/** Shells a pane runs by default: their being in the foreground means nothing else is. */
const SHELLS = new Set([
  "sh",
  "ash",
  "bash",
  "dash",
  "zsh",
  "fish",
  "ksh",
  "mksh",
  "oksh",
  "pdksh",
  "tcsh",
  "csh",
  "yash",
  "nu",
  "elvish",
  "xonsh",
  "pwsh",
]);

/** A command's program name: the last part of its first word, without a login shell's "-". */
export function programName(command: string | readonly string[]): string {
  const first = typeof command === "string" ? command.trim().split(/\s+/)[0] ?? "" : command[0];
  const base = (first ?? "").slice((first ?? "").lastIndexOf("/") + 1);
  return base.startsWith("-") ? base.slice(1) : base;
}

export function isShell(command: string | readonly string[]): boolean {
  return SHELLS.has(programName(command));
}

/**
 * The process a person would name as running in the pane whose process is `panePid`: its
 * pid, or undefined when the shell waits at its prompt (or the pane's process is gone).
 */
export function foregroundProcess(
  panePid: number,
  table: ReadonlyMap<number, ProcessRow>,
): number | undefined {
  const pane = table.get(panePid);
  if (!pane) return undefined;
  if (pane.tpgid <= 0 || pane.tpgid === pane.pgid) {
    return isShell(pane.args) ? undefined : panePid;
  }
  if (table.has(pane.tpgid)) return pane.tpgid;
  // The group's leader has exited (a pipeline's first command): its oldest member.
  let found: number | undefined;
  for (const row of table.values()) {
    if (row.pgid === pane.tpgid && (found === undefined || row.pid < found)) found = row.pid;
  }
  return found;
}

/**
 * The exact argv of `pids` where the system keeps it (/proc/PID/cmdline: ps joins the arguments
 * with spaces, so `vim "a b"` and `vim a b` look alike). Deno lets rune read /proc only with
 * every permission, so one `sh` reads it, as ps itself does: a line per pid, "PID HEX" (the
 * cmdline in hex: its NULs and newlines survive), nothing after the pid where there is none.
 */
export function argvDumpArgv(pids: readonly number[]): string[] {
  const script = 'for p do printf "%s " "$p"; [ -r "/proc/$p/cmdline" ] && ' +
    'od -An -v -tx1 "/proc/$p/cmdline" | tr -d " \\n"; echo; done';
  return ["sh", "-c", script, "sh", ...pids.map(String)];
}

/** The argv dump's output → argv by pid (pids without one left out). */
export function parseArgvDump(text: string): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const line of text.split("\n")) {
    const m = line.match(/^(\d+) ((?:[0-9a-f]{2})+)$/);
    if (!m) continue;
    const bytes = new Uint8Array(m[2].length / 2);
    for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(m[2].slice(2 * i, 2 * i + 2), 16);
    const argv = parseCmdline(bytes);
    if (argv) out.set(Number(m[1]), argv);
  }
  return out;
}

/** A cmdline (NUL-separated, NUL-terminated) → argv; undefined when empty. */
export function parseCmdline(bytes: Uint8Array): string[] | undefined {
  const text = new TextDecoder().decode(bytes);
  if (text === "") return undefined;
  const argv = text.split("\0");
  if (argv[argv.length - 1] === "") argv.pop();
  return argv.length ? argv : undefined;
}
