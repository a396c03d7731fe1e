/**
 * @module
 * Shell quoting: `shellQuote`, the one quoter every layer uses to put a value into shell text
 * (a command to paste, a hook's line, a `script -c` argument), and the lexer that tells which
 * quoting context a template placeholder stands in, with the escaping for each context. Pure.
 */
export { ShellLexer } from "./lexer.ts";
export type { ShellPlacement } from "./lexer.ts";
export {
  escapeForPlacement,
  quoteBare,
  quoteInDouble,
  quoteInSingle,
  shellQuote,
} from "./quote.ts";
export { envCode, HOOK_SHELLS, quoteForShell } from "./env_code.ts";
export type { EnvChange, HookShell } from "./env_code.ts";
