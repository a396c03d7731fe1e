/** `rune audit ls|show`: reads the audit log and transcripts; never writes them. */
import { formatDuration } from "../../base/duration.ts";
import { auditFile, findAuditEntry, readAudit } from "../../state/audit.ts";
import type { AuditEntry, AuditLog } from "../../state/audit.ts";
import { replayArgv, stripScriptMarkers } from "../../state/transcripts.ts";
import { runePaths } from "../../base/xdg.ts";
import type { GlobalOptions } from "../globals.ts";
import { EXIT } from "../exit_codes.ts";

function load(): { file: string; log: AuditLog } {
  const file = auditFile(runePaths(Deno.env.toObject()).stateDir);
  const log = readAudit(file);
  if (log.unreadable.length) {
    console.error(
      `rune: ${log.unreadable.length} line(s) of ${file} are not audit entries ` +
        `(lines ${log.unreadable.slice(0, 10).join(", ")}); skipped`,
    );
  }
  return { file, log };
}

export function auditList(
  options: { json: boolean; limit: string },
  _globals: GlobalOptions,
): number {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    console.error(
      `rune: cannot list the audit log: --limit "${options.limit}" is not a whole number\n` +
        "  hint: give a count, e.g. --limit 50, or --limit 0 for every run",
    );
    return EXIT.usage;
  }
  const { file, log } = load();
  const entries = limit === 0 ? log.entries : log.entries.slice(-limit);
  if (options.json) {
    console.log(JSON.stringify(entries, null, 2));
    return EXIT.ok;
  }
  if (!entries.length) {
    console.error(`no interactive runs recorded yet (${file})`);
    return EXIT.ok;
  }
  console.log(formatTable(entries));
  return EXIT.ok;
}

/** The `audit ls` table. Pure. */
export function formatTable(entries: readonly AuditEntry[]): string {
  const rows = [
    ["ID", "STARTED (UTC)", "PROJECT", "RITUAL", "NAME", "VIA", "STATUS", "EXIT", "TOOK"],
    ...entries.map((e) => [
      e.id,
      e.time.replace("T", " ").slice(0, 19),
      e.project,
      e.ritual,
      e.name,
      e.via,
      e.status,
      e.exitCode === null ? "-" : String(e.exitCode),
      formatDuration(e.durationMs),
    ]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd()).join("\n");
}

export async function auditShow(
  id: string,
  options: { json: boolean; replay: boolean },
  _globals: GlobalOptions,
): Promise<number> {
  const { file, log } = load();
  const found = findAuditEntry(log.entries, id);
  if (!found.ok) {
    console.error(
      `rune: cannot show run "${id}": ${found.error}\n  hint: list the runs with: rune audit ls`,
    );
    return EXIT.usage;
  }
  const e = found.value;
  if (options.json) {
    console.log(JSON.stringify(e, null, 2));
    return EXIT.ok;
  }
  const t = e.transcript;
  if (options.replay) {
    if (!t) return noTranscript(e);
    return await replay(replayArgv(t));
  }
  console.log(formatEntry(e, file).join("\n"));
  if (!t) return EXIT.ok;
  if (t.format === "bsd") return EXIT.ok; // BSD's -r recording is binary: replay it instead.
  let text: string;
  try {
    text = Deno.readTextFileSync(t.log);
  } catch (err) {
    if (err instanceof Deno.errors.NotCapable) throw err;
    console.error(`rune: cannot read the transcript "${t.log}": ${(err as Error).message}`);
    return EXIT.stepFailed;
  }
  console.log("--- transcript ---");
  Deno.stdout.writeSync(new TextEncoder().encode(stripScriptMarkers(text)));
  console.log("\n--- end of transcript ---");
  return EXIT.ok;
}

/** `key: value` lines for one entry. Pure. */
export function formatEntry(e: AuditEntry, file: string): string[] {
  const lines = [
    `id:        ${e.id}`,
    `started:   ${e.time}`,
    `user:      ${e.user}`,
    `project:   ${e.project} (${e.ritual} ritual)`,
    `name:      ${e.name}`,
    `command:   ${e.command}`,
    `ran via:   ${e.via}`,
    `status:    ${e.status}${e.exitCode === null ? "" : ` (exit ${e.exitCode})`}`,
    `took:      ${formatDuration(e.durationMs)}`,
    `log:       ${file}`,
  ];
  if (e.transcript) {
    lines.push(`transcript: ${e.transcript.log}`);
    lines.push(
      `replay:    rune audit show ${e.id} --replay   (or: ${
        replayArgv(e.transcript).map(q).join(" ")
      })`,
    );
  }
  return lines;
}

function noTranscript(e: AuditEntry): number {
  console.error(
    `rune: cannot replay run "${e.id}": it has no transcript\n` +
      "  hint: set settings.audit.transcripts: true to record future runs under `script`",
  );
  return EXIT.usage;
}

async function replay(argv: string[]): Promise<number> {
  try {
    const status = await new Deno.Command(argv[0], {
      args: argv.slice(1),
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn().status;
    return status.success ? EXIT.ok : EXIT.stepFailed;
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      console.error(
        `rune: cannot replay: "${argv[0]}" is not installed\n` +
          `  hint: install util-linux, or read the transcript with: rune audit show ID`,
      );
      return EXIT.missing;
    }
    throw err;
  }
}

function q(s: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
