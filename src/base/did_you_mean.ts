/**
 * "Did you mean …?" for misspelt keys, variables and names. Pure.
 */

/** Damerau-Levenshtein distance (adjacent transpositions count as one edit). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** Words longer than this are never compared (a 1 MB key costs no quadratic table). */
const LONGEST_WORD = 200;

/**
 * The candidate `word` most likely meant, or undefined when nothing is close. Case and `_`/`-`
 * differences are free. Close means either:
 * - a typo: at most 1 edit for words under 5 letters (and never their first letter, so `rate`
 *   is not `Date`), 2 from 5 letters, 3 from 10;
 * - the same words, one shortened: `ProjectDirectory` → `ProjectDir`, `working_directory` →
 *   `working_dir` (as many words, each equal or a prefix of the other, of 3 letters or more).
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  if (word.length > LONGEST_WORD) return undefined;
  const w = norm(word);
  const limit = w.length >= 10 ? 3 : w.length >= 5 ? 2 : 1;
  const names = [...candidates];
  let best: { name: string; distance: number } | undefined;
  for (const name of names) {
    const n = norm(name);
    if (w.length < 5 && w[0] !== n[0]) continue;
    const distance = editDistance(w, n);
    if (distance <= limit && (!best || distance < best.distance)) best = { name, distance };
  }
  if (best) return best.name;
  const words = wordsOf(word);
  return names.find((name) => sameWordsShortened(words, wordsOf(name)));
}

function norm(s: string): string {
  return s.toLowerCase().replace(/[-_]/g, "");
}

/** "ProjectDir" → ["project", "dir"]; "tmux_session" → ["tmux", "session"]. */
function wordsOf(s: string): string[] {
  return s.replace(/([a-z0-9])([A-Z])/g, "$1 $2").toLowerCase().split(/[-_\s.]+/).filter(Boolean);
}

function sameWordsShortened(a: string[], b: string[]): boolean {
  if (a.length !== b.length || a.join() === b.join()) return false;
  return a.every((x, i) => {
    const y = b[i];
    if (x === y) return true;
    const [short, long] = x.length < y.length ? [x, y] : [y, x];
    return short.length >= 3 && long.startsWith(short);
  });
}
