/**
 * Finds a project's own `.rune.yaml`: in the cwd, then each parent up to the git root (the cwd
 * alone outside a repository; never HOME or above unless the cwd is HOME), as file detect
 * rules look. The nearest one is the project's. Needs --allow-read.
 */
import { findGit } from "./git.ts";
import { normalizePath, searchDirs } from "./paths.ts";
import { realPath } from "./fs_read.ts";

export interface LocalFile {
  /** Where it was found: DIR/.rune.yaml. */
  path: string;
  /** The project's directory (DIR). */
  dir: string;
  /**
   * The identity the trust store keys it by: DIR's real path, then `/.rune.yaml`. A file
   * moved elsewhere, or reached through another hard or symbolic link's name, is another
   * file.
   */
  key: string;
  /** The name itself is a symbolic link: such a file is never trusted. */
  symlink: boolean;
}

export async function findLocalFile(
  cwd: string,
  env: Readonly<Record<string, string | undefined>>,
  name: string,
): Promise<LocalFile | undefined> {
  const start = normalizePath(cwd);
  const home = env.HOME ? normalizePath(env.HOME) : undefined;
  const git = await findGit(start, false);
  for (const dir of searchDirs(start, git?.root, home)) {
    const path = dir === "/" ? `/${name}` : `${dir}/${name}`;
    let info: Deno.FileInfo;
    try {
      info = await Deno.lstat(path);
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
      continue;
    }
    if (!info.isFile && !info.isSymlink) continue;
    const real = await realPath(dir) ?? dir;
    return {
      path,
      dir,
      key: real === "/" ? `/${name}` : `${real}/${name}`,
      symlink: info.isSymlink,
    };
  }
  return undefined;
}
