/**
 * Which file a program name stands for, found the way Deno granted it. `--allow-run=stty` (and
 * deno.json's `run` list) is resolved by name on rune's own PATH when rune starts, and a later
 * spawn is checked by the file it resolves to on the CHILD's PATH: a tool run with
 * PATH=/usr/bin:/bin while another `stty` comes first on rune's PATH was refused, or made Deno
 * prompt in the middle of a ritual. So every program rune starts is looked up here, on rune's
 * own PATH, and spawned by that path, whatever PATH the child gets; and the run permission is
 * queried (which never prompts) before the spawn, so a denial is the usual one-line message.
 * Needs --allow-env=PATH and --allow-read on the PATH directories (without them, the bare name
 * is left to Deno).
 */

const found = new Map<string, string | undefined>();

/**
 * The absolute path `name` runs from rune's own PATH, or undefined when no PATH directory has
 * it. A name with a `/` is a path already and comes back as it is.
 */
export function findProgram(name: string): string | undefined {
  if (name.includes("/")) return name;
  if (found.has(name)) return found.get(name);
  let path: string | undefined;
  try {
    path = searchPath(name, Deno.env.get("PATH") ?? "", currentDirOrNone);
  } catch (e) {
    // No permission to read PATH or its directories: Deno's own lookup is all there is.
    if (!(e instanceof Deno.errors.NotCapable)) throw e;
    path = name;
  }
  found.set(name, path);
  return path;
}

/**
 * The first executable file named `name` in `path` (":"-separated; "" is the cwd). A relative
 * entry is skipped when `cwd` cannot say where it is.
 */
export function searchPath(
  name: string,
  path: string,
  cwd: () => string | undefined,
): string | undefined {
  for (const entry of path.split(":")) {
    const here = entry.startsWith("/") ? "" : cwd();
    if (here === undefined) continue;
    const dir = entry.startsWith("/") ? entry : entry === "" ? here : `${here}/${entry}`;
    const file = `${dir.replace(/\/+$/, "")}/${name}`;
    try {
      const info = Deno.statSync(file);
      if (info.isFile && (info.mode === null || (info.mode & 0o111) !== 0)) return file;
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
    }
  }
  return undefined;
}

/**
 * The path to spawn for `name`: found on rune's PATH and allowed to run. Undefined when it is
 * not installed (the caller reports "not found" as it would for a failed spawn). Throws
 * NotCapable, as Deno would but without its prompt, when the run permission does not cover it.
 */
export function spawnablePath(name: string): string | undefined {
  const path = findProgram(name);
  if (path === undefined) return undefined;
  const state = Deno.permissions.querySync({ name: "run", command: path }).state;
  if (state !== "granted") {
    throw new Deno.errors.NotCapable(
      `Requires run access to "${name}", run again with the --allow-run flag`,
    );
  }
  return path;
}

/** The current directory, or undefined where Deno cannot name it (not UTF-8, removed). */
function currentDirOrNone(): string | undefined {
  try {
    return Deno.cwd();
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return undefined;
  }
}
