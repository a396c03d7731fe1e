/**
 * Turns how `sh -c` ended, or why it never started, into one line a person can act on. Pure,
 * except that spawnFailure looks whether the directory still exists.
 *
 * POSIX shells exit 127 when a program is not found and 126 when it cannot be executed, and
 * say which program on stderr; the wording differs by shell:
 *   dash:  "sh: 1: nosuchtool: not found"            "sh: 1: ./x: Permission denied"
 *   bash:  "bash: line 1: nosuchtool: command not found"
 *   bash:  "bash: line 1: ./x: Permission denied"     "bash: line 1: /etc: Is a directory"
 *   zsh:   "zsh:1: command not found: nosuchtool"
 *   busybox: "sh: nosuchtool: not found"
 */

/** "exited with 2", "program "x" is not installed or not on PATH", "killed by SIGKILL" */
export function explainExit(
  code: number,
  signal: string | null,
  outputTail: readonly string[],
): string {
  if (signal) return `killed by ${signal}`;
  if (code === 127) {
    const program = missingProgram(outputTail);
    if (program) return `program "${program}" is not installed or not on PATH`;
  }
  if (code === 126) {
    const program = unrunnableProgram(outputTail);
    if (program) return `"${program}" cannot be run: permission denied or not a program`;
  }
  return `exited with ${code}`;
}

/**
 * The program a shell could not find, from its own error line (the last one wins); undefined
 * when the line names none (`sh: 1: : not found`, for a command made only of an escape
 * sequence: found by fuzzing, where "1: " was taken for the program).
 */
export function missingProgram(lines: readonly string[]): string | undefined {
  for (const line of [...lines].reverse()) {
    const m = line.match(/^\S*?:(?: line)? \d+: (.*): (?:command )?not found$/) ??
      line.match(/^\S*?: ([^:]+): (?:command )?not found$/) ??
      line.match(/^\S*?:\s?\d*: command not found: (.+)$/);
    if (m) return m[1].trim() ? m[1] : undefined;
  }
  return undefined;
}

function unrunnableProgram(lines: readonly string[]): string | undefined {
  for (const line of [...lines].reverse()) {
    const m = line.match(
      /^\S*?:(?: line)? ?\d*:? (.+?): (?:Permission denied|Is a directory|cannot execute.*)$/,
    );
    if (m) return m[1];
  }
  return undefined;
}

/** Why `sh` could not even start: most often the directory vanished after planning. */
export function spawnFailure(e: unknown, cwd: string, program = "sh"): string {
  if (e instanceof Deno.errors.NotFound) {
    try {
      Deno.statSync(cwd);
    } catch {
      return `the directory "${cwd}" does not exist`;
    }
    return `program "${program}" is not installed or not on PATH`;
  }
  return `could not start ${program}: ${(e as Error).message}`;
}
