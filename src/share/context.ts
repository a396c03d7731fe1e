/** What every sharing operation runs with. */
import type { Runtime } from "../contract/mod.ts";

export interface ShareContext {
  runtime: Runtime;
  /** The filtered environment tmux, setfacl and getent run with (no TMUX/TMUX_PANE). */
  env: Record<string, string>;
  /** rune's own environment: RUNE_SHARE_DIR, and what the join hook's rune carries. */
  parentEnv: Readonly<Record<string, string>>;
  uid: number;
  /** $XDG_STATE_HOME/rune: the audit log. */
  stateDir: string;
  now(): Date;
}
