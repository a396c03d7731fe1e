/**
 * What the faults area needs: a PATH without one program (tmux or script), a small tmpfs the
 * test mounts (root only; else the check is skipped with the reason), the work-session store's
 * integrity read by node:sqlite, and a judgement of "a clear error": exit code wanted, a `rune:`
 * or `error:` line, no stack trace, no raw control character.
 */
import { DatabaseSync } from "node:sqlite";
import type { RuneResult } from "../../helpers/run_rune.ts";
import { hasStack } from "./tally.ts";

/** A directory of links to every program on PATH but `without`: that program is missing. */
export function pathWithout(dir: string, without: string[]): string {
  const bin = `${dir}/bin-without-${without.join("-")}`;
  Deno.mkdirSync(bin, { recursive: true });
  for (const d of (Deno.env.get("PATH") ?? "/usr/bin:/bin").split(":")) {
    let entries: Deno.DirEntry[] = [];
    try {
      entries = [...Deno.readDirSync(d)];
    } catch { /* not a dir */ }
    for (const e of entries) {
      if (without.includes(e.name)) continue;
      try {
        Deno.symlinkSync(`${d}/${e.name}`, `${bin}/${e.name}`);
      } catch { /* an earlier PATH entry won */ }
    }
  }
  return bin;
}

/** Mounts a tmpfs of `kb` at `dir` (made if missing); the reason when it cannot. */
export async function mountTmpfs(dir: string, kb: number): Promise<string | undefined> {
  Deno.mkdirSync(dir, { recursive: true });
  if (Deno.uid() !== 0) return "not root: cannot mount a tmpfs";
  const r = await new Deno.Command("mount", {
    args: ["-t", "tmpfs", "-o", `size=${kb}k,mode=0700`, "tmpfs", dir],
    stderr: "piped",
  }).output().catch((e) => ({ success: false, stderr: new TextEncoder().encode(String(e)) }));
  return r.success ? undefined : `mount failed: ${new TextDecoder().decode(r.stderr).trim()}`;
}

export async function remount(dir: string, mode: "ro" | "rw"): Promise<void> {
  const r = await new Deno.Command("mount", { args: ["-o", `remount,${mode}`, dir] }).output();
  if (!r.success) throw new Error(`remount ${mode} ${dir} failed`);
}

export async function unmount(dir: string): Promise<void> {
  await new Deno.Command("umount", { args: [dir], stderr: "null" }).output().catch(() => {});
}

/** Fills the file system holding `dir` until it is full. */
export function fill(dir: string): void {
  const chunk = new Uint8Array(4096);
  let f: Deno.FsFile | undefined;
  try {
    f = Deno.openSync(`${dir}/filler`, { write: true, create: true });
    while (true) f.writeSync(chunk);
  } catch {
    /* ENOSPC: full */
  } finally {
    f?.close();
  }
}

/** SQLite's own integrity check of the store (undefined when there is no store). */
export function integrity(path: string): string | undefined {
  try {
    Deno.statSync(path);
  } catch {
    return undefined;
  }
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    const rows = db.prepare("PRAGMA integrity_check").all() as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join("; ");
  } finally {
    db.close();
  }
}

/** Why `r` is not a clear error with one of `codes` (empty when it is). */
export function unclear(r: RuneResult, codes: number[], about?: RegExp): string[] {
  const why: string[] = [];
  const said = r.stdout + r.stderr;
  if (!codes.includes(r.code)) why.push(`exit ${r.code}, wanted ${codes.join("/")}`);
  if (hasStack(said)) why.push("a stack trace");
  if (!/^(rune: |.*error: )/m.test(r.stderr) && r.code !== 0) why.push("no rune: or error: line");
  if (about && !about.test(said)) why.push(`nothing about ${about}`);
  return why.map((w) => `${w}: ${r.stderr.slice(0, 300)}`);
}
