/**
 * The audit log of interactive runs: one JSON object per line in
 * $XDG_STATE_HOME/rune/audit.jsonl (file 0600, directory 0700). Every interactive run appends
 * one line, however it ran (tmux, `script`, rune's own terminal).
 *
 * Concurrent writers (two rituals at once) never tear a line: each line is ONE write() on a
 * descriptor opened with O_APPEND, and Linux appends a single write to a regular file whole.
 * Needs --allow-read and --allow-write on the state directory.
 */
import type { RitualName, StepStatus } from "../contract/mod.ts";
import { err, ok } from "../base/mod.ts";
import type { Result } from "../base/mod.ts";

export interface AuditEntry {
  /** 8 hex digits; `rune audit show` accepts any unique prefix. */
  id: string;
  /** ISO 8601, UTC, when the command started. */
  time: string;
  /** Who did it: the person who ran rune (for a share's join, the guest who joined). */
  user: string;
  project: string;
  /** "share" for the lines of a shared session (`share` holds what happened). */
  ritual: RitualName | "share";
  /** The command's name in the config. */
  name: string;
  /** The command line it ran (for a tmux template: `tmux template "NAME"`). */
  command: string;
  via: "tmux" | "pty" | "direct";
  status: StepStatus;
  exitCode: number | null;
  durationMs: number;
  /** Present when settings.audit.transcripts recorded the run. */
  transcript?: TranscriptRef;
  /** Present on the lines of a shared session: a grant, join, revoke, detach or its end. */
  share?: ShareAudit;
}

/**
 * One event of a shared session (`rune session share|join|unshare`, and the share server's
 * hook when a client attaches). Readers that know nothing of it still read the line.
 */
export interface ShareAudit {
  event: "grant" | "join" | "revoke" | "detach" | "end" | "refused";
  session: string;
  /** Whose session it is. */
  owner: string;
  /** The guest it concerns. */
  guest?: string;
  access?: "read-only" | "write";
  /** The guest's tmux client: its tty, or `client-PID` in control mode. */
  client?: string;
  /** A control-mode client: on tmux 3.3 it can run any command as the owner. */
  control?: boolean;
  /** The share server's socket. */
  socket: string;
  /** Why, for `refused` (a join that could not happen). */
  reason?: string;
}

export interface TranscriptRef {
  /** util-linux: the output log (with its timing file); bsd: `script -r`'s own recording. */
  format: "util-linux" | "bsd";
  log: string;
  timing?: string;
}

export function auditFile(stateDir: string): string {
  return `${stateDir}/audit.jsonl`;
}

/** A fresh id: 8 random hex digits. */
export function newAuditId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** Appends one entry as one line, in one write. Creates the file 0600 and its dir 0700. */
export function appendAudit(file: string, entry: AuditEntry): void {
  Deno.mkdirSync(file.slice(0, file.lastIndexOf("/")), { recursive: true, mode: 0o700 });
  const line = new TextEncoder().encode(`${JSON.stringify(entry)}\n`);
  const f = Deno.openSync(file, { append: true, create: true, mode: 0o600 });
  try {
    let written = f.writeSync(line);
    // A short write only happens when the disk is full; finish the line rather than lose it.
    while (written < line.length) written += f.writeSync(line.subarray(written));
  } finally {
    f.close();
  }
}

export interface AuditLog {
  entries: AuditEntry[];
  /** Line numbers (1-based) that did not parse as an entry. */
  unreadable: number[];
}

/** Parses the log's text; a line that is not an entry is counted, never fatal. Pure. */
export function parseAudit(text: string): AuditLog {
  const entries: AuditEntry[] = [];
  const unreadable: number[] = [];
  text.split("\n").forEach((line, i) => {
    if (!line.trim()) return;
    try {
      const value = JSON.parse(line);
      if (isEntry(value)) entries.push(value);
      else unreadable.push(i + 1);
    } catch {
      unreadable.push(i + 1);
    }
  });
  return { entries, unreadable };
}

function isEntry(v: unknown): v is AuditEntry {
  if (typeof v !== "object" || v === null) return false;
  const e = v as Record<string, unknown>;
  return typeof e.id === "string" && typeof e.time === "string" &&
    typeof e.name === "string" && typeof e.command === "string" &&
    typeof e.via === "string" && typeof e.durationMs === "number";
}

/** The log, or an empty one when it does not exist yet. */
export function readAudit(file: string): AuditLog {
  try {
    return parseAudit(Deno.readTextFileSync(file));
  } catch (e) {
    if (e instanceof Deno.errors.NotFound) return { entries: [], unreadable: [] };
    throw e;
  }
}

/** The entry whose id is `id` or starts with it; an error text when none or several match. */
export function findAuditEntry(
  entries: readonly AuditEntry[],
  id: string,
): Result<AuditEntry, string> {
  const exact = entries.find((e) => e.id === id);
  if (exact) return ok(exact);
  const found = id ? entries.filter((e) => e.id.startsWith(id)) : [];
  if (found.length === 1) return ok(found[0]);
  if (found.length === 0) return err(`no audit entry has the id "${id}"`);
  return err(`"${id}" matches ${found.length} entries: ${found.map((e) => e.id).join(", ")}`);
}
