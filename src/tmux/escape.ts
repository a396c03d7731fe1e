/**
 * tmux's two injection holes, closed in one place that every argv builder uses (FACTS §2):
 * an argument ending in `;` is read as a command separator (even by `send-keys -l`), and the
 * values of -s, -n, -c (and -F-style formats) are format-expanded, so `#(cmd)` runs a shell.
 */

/** Any argument: a trailing `;` is escaped so tmux keeps it as text (exact round trip). */
export function tmuxArg(arg: string): string {
  return arg.endsWith(";") ? `${arg.slice(0, -1)}\\;` : arg;
}

/**
 * A value tmux 3.2+ format-expands (-s, -n, -c, run-shell) as a format that expands to itself.
 * format_expand turns `##` into `#` but copies a run of `#` followed by `[` verbatim (it is left
 * for drawing styles), so every run of `#` is doubled except one directly before `[`
 * (`a#[x]b##c` → `a#[x]b####c`; /work/notes/tmux_names.md N4). (The trailing `;` is chain()'s
 * job: every argument passes through tmuxArg exactly once.)
 */
export function literalFormat(value: string): string {
  return value.replace(
    /#+/g,
    (run, at: number) => value[at + run.length] === "[" ? run : run + run,
  );
}

/** A command list: each command's args escaped, commands joined by separate ";" elements. */
export function chain(commands: readonly (readonly string[])[]): string[] {
  const out: string[] = [];
  commands.forEach((cmd, i) => {
    if (i > 0) out.push(";");
    out.push(cmd[0], ...cmd.slice(1).map(tmuxArg));
  });
  return out;
}

/**
 * The command list that `chain` made `args` from: split at the ";" elements, each trailing
 * `\;` turned back into `;`. For sending a planned argv as one control-mode line (commandLine
 * quotes every argument, so there a trailing ";" is plain text).
 */
export function unchain(args: readonly string[]): string[][] {
  const commands: string[][] = [[]];
  for (const a of args) {
    if (a === ";") commands.push([]);
    else commands[commands.length - 1].push(a.endsWith("\\;") ? `${a.slice(0, -2)};` : a);
  }
  return commands.filter((c) => c.length);
}
