/**
 * What to tell a person who has no config yet: the ONE text `rune doctor` and every command
 * print. `rune init` writes a starter config where rune will read it. Pure.
 */

/** "run `rune init` to write a starter config to PATH (…), or pass --config PATH" */
export function noConfigHint(path: string): string {
  return `run \`rune init\` to write a starter config to ${path} ` +
    "(`rune init --guided` asks first), or pass --config PATH";
}
