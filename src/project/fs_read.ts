/**
 * The few reads project detection makes, each answering "not there" for anything but a
 * missing permission. Needs --allow-read. A missing Deno permission is rethrown, so the CLI
 * names the flag to add (exit 3) instead of rune guessing a different project.
 */
import type { EntryKind } from "./facts.ts";

/**
 * What the OS said, as "not there": any of Deno's errors, and the ones Deno has no class for
 * (a name too long for the file system, ENAMETOOLONG, arrives as a plain Error "… (os error
 * 36)", found by fuzzing a detect rule). Anything else is rune's bug and is rethrown.
 */
function absentUnlessPermission(e: unknown): undefined {
  if (e instanceof Deno.errors.NotCapable) throw e;
  if (e instanceof Deno.errors.PermissionDenied && /Requires .* access/.test(e.message)) throw e;
  if (e instanceof Error && Object.values(Deno.errors).some((c) => e instanceof c)) {
    return undefined;
  }
  if (e instanceof Error && /\(os error \d+\)/.test(e.message)) return undefined;
  throw e;
}

export async function statKind(path: string): Promise<EntryKind | undefined> {
  try {
    const info = await Deno.stat(path);
    return info.isDirectory ? "dir" : info.isFile ? "file" : "other";
  } catch (e) {
    return absentUnlessPermission(e);
  }
}

export async function statId(path: string): Promise<string | undefined> {
  try {
    const info = await Deno.stat(path);
    return info.ino === null ? undefined : `${info.dev}:${info.ino}`;
  } catch (e) {
    return absentUnlessPermission(e);
  }
}

export async function readText(path: string): Promise<string | undefined> {
  try {
    return await Deno.readTextFile(path);
  } catch (e) {
    return absentUnlessPermission(e);
  }
}

export async function realPath(path: string): Promise<string | undefined> {
  try {
    return await Deno.realPath(path);
  } catch (e) {
    return absentUnlessPermission(e);
  }
}

/** Names and kinds in `dir` (symlinks reported as "other"; the caller stats what it needs). */
export async function listDir(
  dir: string,
): Promise<{ name: string; kind: EntryKind; link: boolean }[]> {
  const out: { name: string; kind: EntryKind; link: boolean }[] = [];
  try {
    for await (const e of Deno.readDir(dir)) {
      out.push({
        name: e.name,
        kind: e.isDirectory ? "dir" : e.isFile ? "file" : "other",
        link: e.isSymlink,
      });
    }
  } catch (e) {
    absentUnlessPermission(e);
  }
  return out;
}
