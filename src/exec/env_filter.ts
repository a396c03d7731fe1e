/**
 * Removes secrets from the environment children get. PLACEHOLDER — to be replaced by the full
 * filter (same export): secret-looking names removed, tool variables kept, settings allow/deny.
 */

export interface EnvRules {
  /** Names or globs passed even if they look secret. */
  allow?: readonly string[];
  /** Names or globs always removed. */
  deny?: readonly string[];
}

export interface FilteredEnv {
  kept: Record<string, string>;
  /** Sorted names removed (never values). */
  removed: string[];
}

export function filterEnv(
  env: Readonly<Record<string, string>>,
  _rules: EnvRules = {},
): FilteredEnv {
  const kept: Record<string, string> = {};
  const removed: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (/TOKEN|SECRET|PASSWORD/i.test(k)) removed.push(k);
    else kept[k] = v;
  }
  return { kept, removed: removed.sort() };
}
