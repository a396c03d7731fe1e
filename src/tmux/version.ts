/** tmux versions: parsing `tmux -V` and the oldest rune supports. Pure. */

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
