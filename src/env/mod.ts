/**
 * @module
 * The environment policy: which of rune's variables its children get (secrets withheld, the
 * sockets tools need kept, loader variables never passed), and which names a tmux session must
 * hide. Pure; imports nothing of rune's.
 */
export {
  filterEnv,
  hiddenNames,
  isLoaderVariable,
  looksSecret,
  withheldBy,
  withoutNames,
} from "./filter.ts";
export type { EnvRules, FilteredEnv } from "./filter.ts";
