/** tmux versions: parsing `tmux -V` (pure) and probing the installed tmux. */
import type { Runtime } from "../contract/mod.ts";

/** new-session -e (pane env) arrived in tmux 3.2. */
export const MIN_TMUX = { major: 3, minor: 2, text: "3.2" } as const;

export interface TmuxVersion {
  major: number;
  minor: number;
  /** "tmux 3.3a" as printed. */
  text: string;
}

/** "tmux 3.3a" / "tmux next-3.4" / "tmux master" → version; undefined when unreadable. */
export function parseTmuxVersion(output: string): TmuxVersion | undefined {
  const text = output.trim();
  if (/^tmux (master|openbsd)/.test(text)) return { major: 99, minor: 0, text };
  const m = text.match(/^tmux (?:next-)?(\d+)\.(\d+)/);
  return m ? { major: Number(m[1]), minor: Number(m[2]), text } : undefined;
}

export function isSupported(v: TmuxVersion): boolean {
  return v.major > MIN_TMUX.major || (v.major === MIN_TMUX.major && v.minor >= MIN_TMUX.minor);
}

export interface TmuxProbe {
  /** "tmux 3.3a" */
  version: string;
  supported: boolean;
  /** The oldest rune supports: "3.2". */
  minimum: string;
}

/**
 * Runs `tmux -V` (no server needed): undefined when tmux is not installed or says nothing
 * readable. For `rune doctor` and for explaining a failed build. Needs --allow-run=tmux.
 */
export async function probeTmux(
  runtime: Runtime,
  env: Record<string, string>,
): Promise<TmuxProbe | undefined> {
  const r = await runtime.run(["tmux", "-V"], { clearEnv: true, env });
  const v = r.code === 0 ? parseTmuxVersion(r.stdout) : undefined;
  return v && { version: v.text, supported: isSupported(v), minimum: MIN_TMUX.text };
}
