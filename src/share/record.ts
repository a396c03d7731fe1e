/**
 * What rune keeps about a share, in the share directory itself (`share.json`, 0600, written
 * atomically): the session, its project, the server it was copied from, the gate and the
 * guests rune granted. The directory is the registry: ending a share removes it, and nothing
 * else remembers the share. tmux's own ACL (`server-access -l`) stays the truth about access;
 * this is what `rune session ls` shows without asking every share server.
 * Needs --allow-read and --allow-write on the share directory.
 */
import { writeFileAtomic } from "../state/mod.ts";
import type { Access } from "./access.ts";
import type { Gate } from "./gate.ts";

export interface ShareRecord {
  version: 1;
  session: string;
  /** The session's @rune-project. */
  project: string;
  owner: string;
  ownerUid: number;
  /** tmux's global flags for the server the session was copied from ([], -L NAME, -S PATH). */
  origin: string[];
  socket: string;
  /** ISO 8601, UTC. */
  created: string;
  gate: Gate;
  /** Guest → access, as rune last granted it. */
  users: Record<string, Access>;
}

export function writeRecord(path: string, record: ShareRecord): string | undefined {
  const r = writeFileAtomic(path, [`${JSON.stringify(record, null, 2)}\n`]);
  return r.ok ? undefined : r.error.problem;
}

/** The record at `path`, or undefined when it is missing or not one of rune's. */
export function readRecord(path: string): ShareRecord | undefined {
  let text: string;
  try {
    text = Deno.readTextFileSync(path);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return undefined;
  }
  try {
    const v = JSON.parse(text);
    if (
      v && v.version === 1 && typeof v.session === "string" && typeof v.socket === "string" &&
      Array.isArray(v.origin) && v.gate && typeof v.users === "object"
    ) return v as ShareRecord;
  } catch { /* not a record */ }
  return undefined;
}

/** Each directory in the owner's share base, with its record when it has one. */
export function listShareDirs(base: string): { dir: string; record?: ShareRecord }[] {
  const out: { dir: string; record?: ShareRecord }[] = [];
  let entries: Deno.DirEntry[];
  try {
    entries = [...Deno.readDirSync(base)];
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return out;
  }
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    if (!e.isDirectory) continue;
    const dir = `${base}/${e.name}`;
    out.push({ dir, record: readRecord(`${dir}/share.json`) });
  }
  return out;
}

/** Whether two servers' global flags name the same server. */
export function sameServer(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** The share directory of a record: its socket's directory. */
export function shareDirOf(record: ShareRecord): string {
  return record.socket.slice(0, record.socket.lastIndexOf("/"));
}
