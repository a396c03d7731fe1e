/**
 * POSIX path helpers for project detection. Pure: paths are strings, nothing is read.
 * rune runs where tmux runs, so only `/`-separated absolute paths occur.
 */

/** Removes `.`/`..` segments and duplicate or trailing slashes; keeps "/" for the root. */
export function normalizePath(path: string): string {
  const absolute = path.startsWith("/");
  const parts: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") {
      if (parts.length && parts[parts.length - 1] !== "..") parts.pop();
      else if (!absolute) parts.push("..");
      continue;
    }
    parts.push(part);
  }
  const joined = parts.join("/");
  return absolute ? `/${joined}` : joined || ".";
}

/** `base` joined with `path` unless `path` is absolute; normalized. */
export function resolvePath(base: string, path: string): string {
  return normalizePath(path.startsWith("/") ? path : `${base}/${path}`);
}

export function parentDir(path: string): string {
  const i = path.lastIndexOf("/");
  return i <= 0 ? "/" : path.slice(0, i);
}

/** The last segment; "" for the root. */
export function baseName(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** `dir` itself or a directory inside it (both normalized, absolute). */
export function isSameOrInside(path: string, dir: string): boolean {
  if (dir === "/") return path.startsWith("/");
  return path === dir || path.startsWith(`${dir}/`);
}

/** `path`, its parent, … up to and including "/". */
export function selfAndAncestors(path: string): string[] {
  const out = [path];
  while (out[out.length - 1] !== "/") out.push(parentDir(out[out.length - 1]));
  return out;
}

/**
 * Where file rules and manifests are looked for: the cwd, then each parent up to the
 * ceiling — the git root when the cwd is in a repository, otherwise the cwd alone. HOME and
 * everything above it are never searched from below (a stray ~/package.json must not name
 * every directory under home), though HOME itself is searched when it is the cwd.
 */
export function searchDirs(cwd: string, gitRoot: string | undefined, home: string | undefined) {
  const ceiling = gitRoot !== undefined && isSameOrInside(cwd, gitRoot) ? gitRoot : cwd;
  const out: string[] = [];
  for (const dir of selfAndAncestors(cwd)) {
    if (dir !== cwd && home && home !== "/" && isSameOrInside(home, dir)) break;
    out.push(dir);
    if (dir === ceiling) break;
  }
  return out;
}
