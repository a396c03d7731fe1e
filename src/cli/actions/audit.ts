/** `rune audit ls|show`: reads the audit log and transcripts; never writes them. */
import { runePaths, visible } from "../../base/mod.ts";
import { spawnablePath } from "../../exec/mod.ts";
import { formatAuditEntry, formatAuditTable, writeOrStop } from "../../output/mod.ts";
import {
  auditFile,
  findAuditEntry,
  readAudit,
  replayArgv,
  stripScriptMarkers,
} from "../../state/mod.ts";
import type { AuditEntry, AuditLog } from "../../state/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";

function load(): { file: string; log: AuditLog } {
  const file = auditFile(runePaths(Deno.env.toObject()).stateDir);
  const log = readAudit(file);
  if (log.unreadable.length) {
    console.error(visible(
      `rune: ${log.unreadable.length} line(s) of ${file} are not audit entries ` +
        `(lines ${log.unreadable.slice(0, 10).join(", ")}); skipped`,
    ));
  }
  return { file, log };
}

export function auditList(
  options: { json: boolean; limit: string },
  _globals: GlobalOptions,
): number {
  const limit = Number(options.limit);
  if (!Number.isInteger(limit) || limit < 0) {
    console.error(visible(
      `rune: cannot list the audit log: --limit "${options.limit}" is not a whole number\n` +
        "  hint: give a count, e.g. --limit 50, or --limit 0 for every run",
      { keepNewlines: true },
    ));
    return EXIT.usage;
  }
  const { file, log } = load();
  const entries = limit === 0 ? log.entries : log.entries.slice(-limit);
  if (options.json) {
    console.log(JSON.stringify(entries, null, 2));
    return EXIT.ok;
  }
  if (!entries.length) {
    console.error(visible(`no interactive runs recorded yet (${file})`));
    return EXIT.ok;
  }
  console.log(formatAuditTable(entries));
  return EXIT.ok;
}

export async function auditShow(
  id: string,
  options: { json: boolean; replay: boolean },
  _globals: GlobalOptions,
): Promise<number> {
  const { file, log } = load();
  const found = findAuditEntry(log.entries, id);
  if (!found.ok) {
    console.error(visible(
      `rune: cannot show run "${id}": ${found.error}\n  hint: list the runs with: rune audit ls`,
      { keepNewlines: true },
    ));
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
  console.log(formatAuditEntry(e, file).join("\n"));
  if (!t) return EXIT.ok;
  if (t.format === "bsd") return EXIT.ok; // BSD's -r recording is binary: replay it instead.
  let text: string;
  try {
    text = Deno.readTextFileSync(t.log);
  } catch (err) {
    if (err instanceof Deno.errors.NotCapable) throw err;
    console.error(
      visible(`rune: cannot read the transcript "${t.log}": ${(err as Error).message}`),
    );
    return EXIT.stepFailed;
  }
  console.log("--- transcript ---");
  writeOrStop(Deno.stdout, stripScriptMarkers(text));
  console.log("\n--- end of transcript ---");
  return EXIT.ok;
}

function noTranscript(e: AuditEntry): number {
  console.error(visible(
    `rune: cannot replay run "${e.id}": it has no transcript\n` +
      "  hint: set settings.audit.transcripts: true to record future runs under `script`",
    { keepNewlines: true },
  ));
  return EXIT.usage;
}

async function replay(argv: string[]): Promise<number> {
  try {
    const program = spawnablePath(argv[0]);
    if (program === undefined) throw new Deno.errors.NotFound(argv[0]);
    const status = await new Deno.Command(program, {
      args: argv.slice(1),
      stdin: "inherit",
      stdout: "inherit",
      stderr: "inherit",
    }).spawn().status;
    return status.success ? EXIT.ok : EXIT.stepFailed;
  } catch (err) {
    if (err instanceof Deno.errors.NotFound) {
      console.error(visible(
        `rune: cannot replay: "${argv[0]}" is not installed\n` +
          `  hint: install util-linux, or read the transcript with: rune audit show ID`,
        { keepNewlines: true },
      ));
      return EXIT.missing;
    }
    throw err;
  }
}
