/**
 * Finds the git work tree around a directory by reading `.git` the way git does, without
 * running git (rune may not run it). Needs --allow-read.
 */
import type { GitFacts } from "./facts.ts";
import { gitdirTarget, remoteUrls } from "./git_config.ts";
import { baseName, parentDir, resolvePath, selfAndAncestors } from "./paths.ts";
import { readText, statKind } from "./fs_read.ts";

/**
 * The nearest enclosing work tree: a `.git` directory, or a `.git` file saying
 * `gitdir: PATH` (linked worktrees, submodules). Remote URLs are read from the repository's
 * config only when `withRemotes` (a linked worktree's live in the main repository's config,
 * found through `commondir`). GIT_DIR and GIT_CEILING_DIRECTORIES are not consulted.
 */
export async function findGit(cwd: string, withRemotes: boolean): Promise<GitFacts | undefined> {
  for (const dir of selfAndAncestors(cwd)) {
    const dotGit = dir === "/" ? "/.git" : `${dir}/.git`;
    const kind = await statKind(dotGit);
    if (kind === undefined) continue;
    let gitDir = dotGit;
    if (kind === "file") {
      const target = gitdirTarget(await readText(dotGit) ?? "");
      if (target === undefined) continue;
      gitDir = resolvePath(dir, target);
    } else if (kind !== "dir") {
      continue;
    }
    const common = await readText(`${gitDir}/commondir`);
    const commonDir = common === undefined ? undefined : resolvePath(gitDir, common.trim());
    const facts: GitFacts = { root: dir };
    if (commonDir !== undefined) facts.mainName = mainCheckoutName(commonDir);
    if (withRemotes) {
      facts.remotes = remoteUrls(await readText(`${commonDir ?? gitDir}/config`) ?? "");
    }
    return facts;
  }
  return undefined;
}

/** `/code/web/.git` → "web"; a bare `/srv/web.git` → "web". */
function mainCheckoutName(commonDir: string): string | undefined {
  const name = baseName(commonDir);
  if (name === ".git") return baseName(parentDir(commonDir)) || undefined;
  return name.replace(/\.git$/, "") || undefined;
}
