/**
 * The snapshot of the world project detection decides from. Plain data: the gatherer
 * (gather.ts) fills it from the file system; tests write it by hand.
 */

export type EntryKind = "file" | "dir" | "other";

export interface GitFacts {
  /** The work tree's top directory (where `.git` is). */
  root: string;
  /** In a linked worktree (`git worktree add`): the main checkout's directory name. */
  mainName?: string;
  /** Remote URLs from the repository's config; undefined when not read (no git-remote rule). */
  remotes?: string[];
}

export interface ProjectFacts {
  /** The current directory: absolute, normalized. */
  cwd: string;
  /** Other absolute paths of the same directory, such as the shell's $PWD through a symlink. */
  cwdAliases?: string[];
  home?: string;
  env: Readonly<Record<string, string | undefined>>;
  /** Absent: the cwd is not inside a git work tree. */
  git?: GitFacts;
  /**
   * What each searched directory holds, by path relative to it ("package.json", "ios",
   * "docs/intro.md"). It must include every entry some rule could match; a missing key means
   * "not there". Directories are "dir" also when reached through a symlink.
   */
  entries: Readonly<Record<string, Readonly<Record<string, EntryKind>>>>;
  /** Manifest file texts by absolute path; a missing key means no such file. */
  manifests: Readonly<Record<string, string>>;
  /** Where literal `dir:` paths really are, when that differs (a symlinked ~/code). */
  realPaths?: Readonly<Record<string, string>>;
}
