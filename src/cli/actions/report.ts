/**
 * `rune report`: the work sessions of a range, grouped by local day and project, as text
 * (bars on a terminal), CSV (Go Rune's columns) or JSON (Go Rune's shape), on stdout or
 * written atomically (0600) to --output. Reads only the store: no config, YAML or zod.
 */
import { formatIssue, makeColors, wantsColor, writeOrStop } from "../../base/mod.ts";
import { writeFileAtomic } from "../../state/mod.ts";
import {
  buildReport,
  type RangeSpec,
  renderCsv,
  renderJson,
  renderText,
  reportRange,
  type WorkSession,
} from "../../tracking/mod.ts";
import { EXIT } from "../exit_codes.ts";
import type { GlobalOptions } from "../spec.ts";
import { missingPermission, openWorkStore, reportIssue } from "../work_store.ts";

export type ReportFormat = "text" | "csv" | "json";

export interface ReportOptions {
  range: RangeSpec;
  project?: string;
  format: ReportFormat;
  /** --output FILE; stdout when absent. */
  output?: string;
}

export function runReport(options: ReportOptions, globals: GlobalOptions): number {
  const now = Date.now();
  const range = reportRange(options.range, now);
  if (!range.ok) return reportIssue(range.error);
  const opened = openWorkStore({ create: false });
  if (!opened.ok) return opened.code;
  let sessions: WorkSession[] = [];
  if (opened.value) {
    try {
      const read = opened.value.sessionsBetween(range.value.from, range.value.to, {
        details: options.format === "json",
      });
      if (!read.ok) return reportIssue(read.error);
      sessions = read.value;
    } finally {
      opened.value.close();
    }
  }
  const report = buildReport(sessions, range.value, { now, project: options.project });
  const toTerminal = options.output === undefined && Deno.stdout.isTerminal();
  const text = render(report, options.format, toTerminal, globals);
  if (options.output === undefined) {
    writeOrStop(Deno.stdout, text);
    return EXIT.ok;
  }
  // The temporary file is made beside the target: rune needs the whole directory.
  const dir = options.output.includes("/")
    ? options.output.slice(0, options.output.lastIndexOf("/")) || "/"
    : ".";
  const denied = missingPermission([{ name: "write", path: dir }]);
  if (denied) {
    console.error(denied);
    return EXIT.missing;
  }
  const written = writeFileAtomic(options.output, [text]);
  if (!written.ok) {
    console.error(formatIssue(written.error));
    return EXIT.stepFailed;
  }
  if (!globals.quiet) {
    const n = report.sessions.length;
    console.error(`rune: wrote ${n} session${n === 1 ? "" : "s"} to ${options.output}`);
  }
  return EXIT.ok;
}

function render(
  report: ReturnType<typeof buildReport>,
  format: ReportFormat,
  toTerminal: boolean,
  globals: GlobalOptions,
): string {
  switch (format) {
    case "csv":
      return renderCsv(report);
    case "json":
      return `${renderJson(report)}\n`;
    case "text": {
      const color = toTerminal && makeColors(wantsColor("stdout", !globals.color)).enabled;
      return renderText(report, { bars: toTerminal, color, columns: columns() });
    }
  }
}

function columns(): number {
  try {
    return Deno.consoleSize().columns;
  } catch {
    return 80;
  }
}
