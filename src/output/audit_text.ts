/**
 * `rune audit ls|show` for people: the table of runs and one run's fields. Pure. The log is
 * any file's JSON: every field shows its control characters.
 */
import { formatDuration, visible } from "../base/mod.ts";
import { shellQuote } from "../shell/mod.ts";
import { replayArgv } from "../state/mod.ts";
import type { AuditEntry, ShareAudit } from "../state/mod.ts";

/** The `audit ls` table. Pure. */
export function formatAuditTable(entries: readonly AuditEntry[]): string {
  const rows = [
    ["ID", "STARTED (UTC)", "PROJECT", "RITUAL", "NAME", "VIA", "STATUS", "EXIT", "TOOK"],
    ...entries.map((e) => [
      e.id,
      e.time.replace("T", " ").slice(0, 19),
      e.project,
      e.ritual,
      e.share ? `${e.name}: ${shareSummary(e.share)}` : e.name,
      e.via,
      e.status,
      e.exitCode === null ? "-" : String(e.exitCode),
      formatDuration(e.durationMs),
    ]),
  ];
  const shown = rows.map((r) => r.map((cell) => visible(String(cell))));
  const widths = shown[0].map((_, i) => Math.max(...shown.map((r) => r[i].length)));
  return shown.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

/** "grant alice read-only", "join bob write (/dev/pts/4)": a share event in a few words. */
function shareSummary(s: ShareAudit): string {
  const client = s.client ? ` (${s.client}${s.control ? ", control mode" : ""})` : "";
  const reason = s.event === "end" && s.reason ? ` (${s.reason})` : "";
  return [s.event, s.guest, s.access].filter(Boolean).join(" ") + client + reason;
}

/** `key: value` lines for one entry. Pure. */
export function formatAuditEntry(e: AuditEntry, file: string): string[] {
  const lines = [
    `id:        ${e.id}`,
    `started:   ${e.time}`,
    `user:      ${e.user}`,
    e.share
      ? `project:   ${e.project} (shared session)`
      : `project:   ${e.project} (${e.ritual} ritual)`,
    `name:      ${e.name}`,
    `command:   ${e.command}`,
    `ran via:   ${e.via}`,
    `status:    ${e.status}${e.exitCode === null ? "" : ` (exit ${e.exitCode})`}`,
    `took:      ${formatDuration(e.durationMs)}`,
    `log:       ${file}`,
  ];
  if (e.share) {
    lines.push(`share:     ${shareSummary(e.share)} (owner ${e.share.owner}, ${e.share.socket})`);
    if (e.share.reason) lines.push(`reason:    ${e.share.reason}`);
  }
  if (e.transcript) {
    lines.push(`transcript: ${e.transcript.log}`);
    lines.push(
      `replay:    rune audit show ${e.id} --replay   (or: ${
        replayArgv(e.transcript).map(shellQuote).join(" ")
      })`,
    );
  }
  return lines.map((l) => visible(l));
}
