/**
 * The facts about rune's terminal and tmux, read once per command and turned into the tmux
 * world every tmux caller shares (src/tmux/world.ts decides; this only reads).
 */
import { requireGranted } from "./permission_error.ts";
import type { Config } from "../config/mod.ts";
import { decideTmuxWorld } from "../tmux/mod.ts";
import type { SocketChoice, TmuxWorld } from "../tmux/mod.ts";

export interface TerminalFacts {
  stdin: boolean;
  stdout: boolean;
  /** The terminal's size, when stdout is one. */
  size?: { columns: number; rows: number };
}

export function readTerminal(): TerminalFacts {
  const facts: TerminalFacts = { stdin: Deno.stdin.isTerminal(), stdout: Deno.stdout.isTerminal() };
  try {
    facts.size = Deno.consoleSize();
  } catch { /* not a terminal */ }
  return facts;
}

export function tmuxWorldFor(f: {
  config?: Config;
  env: Record<string, string>;
  baseEnv: Record<string, string>;
  socket?: SocketChoice;
  terminal: TerminalFacts;
  detach: boolean;
}): TmuxWorld {
  return decideTmuxWorld({
    flags: f.socket,
    setting: f.config?.settings?.tmux?.socket,
    env: f.env,
    baseEnv: f.baseEnv,
    terminal: { stdin: f.terminal.stdin, stdout: f.terminal.stdout },
    detach: f.detach,
    uid: currentUid(),
    terminalSize: f.terminal.size,
  });
}

/** This user's uid (tmux's socket path); a missing sys permission is rune's one line. */
function currentUid(): number {
  requireGranted({ name: "sys", kind: "uid" });
  return Deno.uid() ?? 0;
}
