/**
 * The shared reference corpus (seed text, real Rune/tmuxinator/tmuxp configs) lives beside
 * the repository, not in it: ../shared from the main checkout, ../../shared from a worktree
 * under wt/, or wherever RUNE_SHARED_DIR points. Tests that read it skip, visibly, without it.
 */
import { REPO_ROOT } from "./run_rune.ts";

export function sharedDir(): string | undefined {
  const candidates = [
    Deno.env.get("RUNE_SHARED_DIR"),
    `${REPO_ROOT}/../shared`,
    `${REPO_ROOT}/../../shared`,
  ];
  for (const dir of candidates) {
    if (!dir) continue;
    try {
      if (Deno.statSync(`${dir}/compat`).isDirectory) return dir;
    } catch { /* not here */ }
  }
  return undefined;
}

/** Files of `sub` under the shared dir ending in `ext`, sorted; [] when absent. */
export function sharedFiles(sub: string, ext: string): string[] {
  const dir = sharedDir();
  if (!dir) return [];
  try {
    return [...Deno.readDirSync(`${dir}/${sub}`)]
      .filter((e) => e.isFile && e.name.endsWith(ext))
      .map((e) => `${dir}/${sub}/${e.name}`)
      .sort();
  } catch {
    return [];
  }
}
