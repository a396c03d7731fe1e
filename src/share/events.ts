/**
 * Every grant, join, revoke, detach and end of a share is one line of rune's audit log
 * (`$XDG_STATE_HOME/rune/audit.jsonl`, one O_APPEND write per line), marked `ritual: "share"`
 * with the event in `share`. The owner's log gets grants, revokes, detaches, ends and — from
 * the share server's client-attached hook — every guest's join, also one made with plain
 * `tmux attach`; a guest's `rune session join` writes its own line in the guest's log.
 * Needs --allow-read and --allow-write on the state directory.
 */
import { appendAudit, auditFile, newAuditId } from "../state/mod.ts";
import type { AuditEntry, ShareAudit } from "../state/mod.ts";

/** The audit line of one share event, by `user` at `time`. Pure. */
export function shareEntry(
  event: ShareAudit,
  facts: { user: string; project: string; time: Date; ok?: boolean },
): AuditEntry {
  const words = [event.event, event.guest, event.access].filter(Boolean).join(" ");
  return {
    id: newAuditId(),
    time: facts.time.toISOString(),
    user: facts.user,
    project: facts.project,
    ritual: "share",
    name: event.session,
    command: `${words} (${event.socket})`,
    via: "tmux",
    status: facts.ok === false ? "failed" : "ok",
    exitCode: null,
    durationMs: 0,
    share: event,
  };
}

/** Appends the lines; a log that cannot be written is reported, never fatal. */
export function recordShareEvents(stateDir: string, entries: readonly AuditEntry[]): string[] {
  const problems: string[] = [];
  for (const entry of entries) {
    try {
      appendAudit(auditFile(stateDir), entry);
    } catch (e) {
      if (e instanceof Deno.errors.NotCapable) throw e;
      problems.push(`could not write the audit log: ${(e as Error).message}`);
      break;
    }
  }
  return problems;
}
