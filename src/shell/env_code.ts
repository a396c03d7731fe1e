/**
 * Shell code that sets or unsets environment variables in the user's interactive shell, as
 * the shell hook evals it: `export NAME='…'` / `unset NAME` for bash and zsh, `set -gx NAME '…'`
 * / `set -eg NAME` for fish. Every value is single-quoted for the shell it lands in (fish reads
 * `\'` and `\\` inside single quotes; bash and zsh read nothing there but the closing quote),
 * so quotes, `$(…)`, backticks, newlines and control characters stay data. Names are checked
 * (they are rune's own, never configured). NUL cannot be in a variable and is dropped. Pure.
 */

export const HOOK_SHELLS = ["bash", "zsh", "fish"] as const;
export type HookShell = (typeof HOOK_SHELLS)[number];

/** A variable to set (a string) or to unset (undefined). */
export type EnvChange = readonly [name: string, value: string | undefined];

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** `value` as one single-quoted word of `shell`. */
export function quoteForShell(shell: HookShell, value: string): string {
  const text = value.replaceAll("\0", "");
  if (shell === "fish") return `'${text.replaceAll("\\", "\\\\").replaceAll("'", "\\'")}'`;
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

/** One statement per change, each on its own line. */
export function envCode(shell: HookShell, changes: readonly EnvChange[]): string {
  return changes.map(([name, value]) => {
    if (!NAME.test(name)) throw new Error(`not a variable name: ${JSON.stringify(name)}`);
    if (value === undefined) return shell === "fish" ? `set -eg ${name}` : `unset ${name}`;
    const quoted = quoteForShell(shell, value);
    return shell === "fish" ? `set -gx ${name} ${quoted}` : `export ${name}=${quoted}`;
  }).map((line) => `${line}\n`).join("");
}
