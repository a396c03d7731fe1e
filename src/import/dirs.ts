/**
 * Directory arithmetic for imports, on text only. `~` is kept (rune expands it when it starts,
 * so the config stays portable); `.` and `..` are folded; a relative path stays relative when
 * there is nothing to join it to (rune then resolves it against the directory above it).
 */

/**
 * True for `/x`, `~`, `~/x` and a path that starts with a rune variable (`{{.Home}}/x`): paths
 * that do not depend on the directory above them.
 */
export function isAnchored(path: string): boolean {
  return path.startsWith("/") || path === "~" || path.startsWith("~/") || path.startsWith("{{");
}

/**
 * Folds `.`, `..`, repeated and trailing slashes: "/var/" → "/var", "~/a/../b" → "~/b",
 * "./" → ".". A `..` that climbs out of `~` expands `~` to `home` first.
 */
export function normalizeDir(path: string, home: string): string {
  let root = "";
  let rest = path;
  if (path.startsWith("/")) root = "/";
  else if (path === "~" || path.startsWith("~/")) {
    root = "~";
    rest = path.slice(1);
  }
  const out: string[] = [];
  for (const part of rest.split("/")) {
    if (part === "" || part === ".") continue;
    if (part !== "..") {
      out.push(part);
      continue;
    }
    if (out.length && out[out.length - 1] !== "..") out.pop();
    else if (root === "~") return normalizeDir(`${home}/${rest}`, home);
    else if (root === "") out.push("..");
  }
  if (root === "/") return `/${out.join("/")}`;
  if (root === "~") return out.length ? `~/${out.join("/")}` : "~";
  return out.length ? out.join("/") : ".";
}

/** `path` under `base` (when `path` is relative and there is a base), folded. */
export function joinDir(base: string | undefined, path: string, home: string): string {
  if (isAnchored(path) || base === undefined) return normalizeDir(path, home);
  return normalizeDir(`${base}/${path}`, home);
}
