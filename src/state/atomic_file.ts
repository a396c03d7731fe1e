/**
 * A file written whole or not at all: a private temporary file beside it (0600, created new),
 * written, flushed to disk, then renamed over the target. A reader never sees half a report,
 * and a crash leaves the old file or the new one. Needs --allow-write on the target's directory.
 */
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";

/** Writes `chunks` to `path` atomically with mode 0600; one Issue when it cannot. */
export function writeFileAtomic(path: string, chunks: Iterable<string>): Result<void, Issue> {
  const slash = path.lastIndexOf("/");
  const dir = slash < 0 ? "." : path.slice(0, slash) || "/";
  const base = path.slice(slash + 1);
  const random = [...crypto.getRandomValues(new Uint8Array(6))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  const tmp = `${dir}/.${base}.${random}.tmp`;
  let file: Deno.FsFile | undefined;
  try {
    file = Deno.openSync(tmp, { createNew: true, write: true, mode: 0o600 });
    const encoder = new TextEncoder();
    for (const chunk of chunks) {
      const bytes = encoder.encode(chunk);
      for (let off = 0; off < bytes.length;) off += file.writeSync(bytes.subarray(off));
    }
    // The umask may have taken bits away, never added any; chmod makes 0600 exact.
    file.syncSync();
    file.close();
    file = undefined;
    Deno.chmodSync(tmp, 0o600);
    Deno.renameSync(tmp, path);
    return ok(undefined);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    try {
      file?.close();
      Deno.removeSync(tmp);
    } catch { /* the temporary file was never made, or is gone */ }
    return err(writeIssue(path, dir, e));
  }
}

function writeIssue(path: string, dir: string, e: unknown): Issue {
  const problem = `Cannot write "${path}"`;
  if (e instanceof Deno.errors.NotFound) {
    return errorIssue("write-failed", `${problem}: the directory "${dir}" does not exist`, {
      hint: `Create it first (mkdir -p ${dir}), or give another --output`,
    });
  }
  if (e instanceof Deno.errors.PermissionDenied) {
    return errorIssue("write-failed", `${problem}: this user may not write in "${dir}"`, {
      hint: `Check its owner and mode (ls -ld ${dir}), or give another --output`,
    });
  }
  if (e instanceof Deno.errors.IsADirectory) {
    return errorIssue("write-failed", `${problem}: it is a directory`, {
      hint: "Give a file name, e.g. --output report.csv",
    });
  }
  return errorIssue("write-failed", `${problem}: ${e instanceof Error ? e.message : String(e)}`);
}
