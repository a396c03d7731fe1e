/**
 * What to tell a person who has no config yet: the ONE text `rune doctor` and every command
 * print (change it here when `rune init` exists). It names only what works today: a shell
 * command that writes a first config that loads, and the check. Pure.
 */
import { shellQuote } from "../shell/mod.ts";

/** A first config that loads: one start command. */
export const STARTER_CONFIG = "rituals: {start: {global: [{name: hello, command: echo hello}]}}";

/** The shell command that writes {@link STARTER_CONFIG} to `path` (its directory made first). */
export function starterCommand(path: string): string {
  const dir = path.slice(0, path.lastIndexOf("/")) || "/";
  return `mkdir -p ${shellQuote(dir)} && echo ${shellQuote(STARTER_CONFIG)} > ${shellQuote(path)}`;
}

/** "create it with: mkdir -p … (then rune config validate), or pass --config PATH" */
export function noConfigHint(path: string): string {
  return `create it with: ${starterCommand(path)} (then check it with: rune config validate), ` +
    "or pass --config PATH";
}
