/** What the planner may know of the file system, read here for every command that plans. */

/** Whether `path` is a directory; false when it is missing or unreadable (a permission gap throws). */
export function isDirectory(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}
