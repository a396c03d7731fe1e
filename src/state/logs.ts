/**
 * rune's own logs under $XDG_STATE_HOME/rune/logs: background commands' output
 * (PROJECT/NAME-TIME.log) and the tmux close hook's (tmux-close-hook.log). Listing, the last
 * lines of one, and what was appended since an offset (for `rune logs --follow`). Read-only.
 */
import { err, errorIssue, type Issue, ok, type Result } from "../base/mod.ts";

export interface LogFile {
  path: string;
  /** Relative to the logs directory: "web/dev-server-20260302-091500.log". */
  name: string;
  size: number;
  /** Epoch ms of the last write. */
  modified: number;
}

/** Every *.log file under `logDir`, newest first; none when the directory does not exist. */
export function listLogs(logDir: string): Result<LogFile[], Issue> {
  const out: LogFile[] = [];
  const walk = (dir: string, prefix: string, depth: number) => {
    for (const entry of Deno.readDirSync(dir)) {
      const path = `${dir}/${entry.name}`;
      if (entry.isDirectory && depth < 3) walk(path, `${prefix}${entry.name}/`, depth + 1);
      else if (entry.isFile && entry.name.endsWith(".log")) {
        const info = Deno.statSync(path);
        out.push({
          path,
          name: `${prefix}${entry.name}`,
          size: info.size,
          modified: info.mtime?.getTime() ?? 0,
        });
      }
    }
  };
  try {
    walk(logDir, "", 0);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    if (!(e instanceof Deno.errors.NotFound)) return err(readIssue(logDir, e));
  }
  return ok(out.sort((a, b) => b.modified - a.modified || (a.name < b.name ? -1 : 1)));
}

/** The last `n` lines of a file (all of it when shorter), reading back from its end. */
export function lastLines(path: string, n: number): Result<{ text: string; size: number }, Issue> {
  let file: Deno.FsFile | undefined;
  try {
    file = Deno.openSync(path, { read: true });
    const size = file.statSync().size;
    if (n <= 0) return ok({ text: "", size });
    const decoder = new TextDecoder();
    const block = 64 * 1024;
    let chunks: Uint8Array[] = [];
    let newlines = 0;
    let at = size;
    // Count newlines from the end until there are n of them (plus the final one, if any).
    while (at > 0 && newlines <= n) {
      const len = Math.min(block, at);
      at -= len;
      const buf = new Uint8Array(len);
      file.seekSync(at, Deno.SeekMode.Start);
      let got = 0;
      while (got < len) got += file.readSync(buf.subarray(got)) ?? len;
      chunks = [buf, ...chunks];
      for (const b of buf) if (b === 10) newlines++;
    }
    const all = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
    let off = 0;
    for (const c of chunks) {
      all.set(c, off);
      off += c.length;
    }
    const lines = decoder.decode(all).split("\n");
    const trailing = lines.at(-1) === "" ? lines.pop() : undefined;
    const text = lines.slice(-n).join("\n") + (trailing === "" ? "\n" : "");
    return ok({ text, size });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return err(readIssue(path, e));
  } finally {
    file?.close();
  }
}

/** The bytes written after `offset`; from the start again when the file was truncated. */
export function readSince(
  path: string,
  offset: number,
): Result<{ text: string; size: number }, Issue> {
  let file: Deno.FsFile | undefined;
  try {
    file = Deno.openSync(path, { read: true });
    const size = file.statSync().size;
    const from = size < offset ? 0 : offset;
    if (size === from) return ok({ text: "", size });
    const buf = new Uint8Array(size - from);
    file.seekSync(from, Deno.SeekMode.Start);
    let got = 0;
    while (got < buf.length) {
      const n = file.readSync(buf.subarray(got));
      if (n === null) break;
      got += n;
    }
    return ok({ text: new TextDecoder().decode(buf.subarray(0, got)), size: from + got });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return err(readIssue(path, e));
  } finally {
    file?.close();
  }
}

function readIssue(path: string, e: unknown): Issue {
  const why = e instanceof Deno.errors.NotFound
    ? "it does not exist"
    : e instanceof Deno.errors.PermissionDenied
    ? "this user may not read it"
    : e instanceof Error
    ? e.message
    : String(e);
  return errorIssue("log-unreadable", `Cannot read "${path}": ${why}`, {
    hint: 'See which logs there are with "rune logs --list"',
  });
}
