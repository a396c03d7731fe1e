/** `rune report`: work sessions by day and project, as text, CSV or JSON. */
import { importLazy } from "../../base/mod.ts";
import type { CommandInput, CommandSpec } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { TRACKING_ENV } from "./tracking.ts";

const FORMATS = ["text", "csv", "json"] as const;

export const REPORT: CommandSpec = {
  name: "report",
  summary: "time worked per day and project: text, CSV or JSON",
  description: "Report the work sessions of a period: a table per local day and per project " +
    "with totals (a bar per project on a terminal), or Go Rune's CSV columns or JSON shape. " +
    "A session across midnight is split there; days are the time zone's own (23 or 25 hours " +
    "long on DST changes). Pauses are not counted. Default: today.",
  options: [
    { flags: "--today", description: "today (the default)" },
    { flags: "--week", description: "this ISO week, Monday to Sunday" },
    { flags: "--month", description: "this calendar month" },
    { flags: "--from <date>", description: "first day, YYYY-MM-DD (with --to: the last day)" },
    { flags: "--to <date>", description: "last day, YYYY-MM-DD (default with --from: today)" },
    { flags: "--project <name>", description: "only this project's sessions" },
    {
      flags: "--format <format>",
      description: "text, csv (Date, Start Time, End Time, Project, Duration (minutes), " +
        "State) or json",
      default: "text",
      choices: FORMATS,
    },
    {
      flags: "-o, --output <file>",
      description: "write the report to this file (atomically, mode 0600) instead of stdout",
    },
  ],
  examples: [
    ["rune report", "today, by project"],
    ["rune report --week", "this week, day by day"],
    ["rune report --month --project web --format csv", "web's month, for a spreadsheet"],
    ["rune report --from 2026-03-01 --to 2026-03-31 --format json", "March as JSON"],
    ["rune report --month --format csv --output ~/billing/march.csv", "write a file"],
  ],
  env: TRACKING_ENV,
  run: async (input) => {
    const parsed = reportInput(input);
    if (typeof parsed === "string") {
      console.error(`error: ${parsed}\n(see: rune report --help)`);
      return EXIT.usage;
    }
    const { runReport } = await importLazy<typeof import("../actions/report.ts")>(
      "src/cli/actions/report",
    );
    return runReport(parsed, input.globals);
  },
};

/** The options as a report request, or what is wrong with them. */
function reportInput({ opts }: CommandInput) {
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const periods = (["today", "week", "month"] as const).filter((k) => opts[k] === true);
  const from = str(opts.from);
  const to = str(opts.to);
  if (periods.length + (from !== undefined || to !== undefined ? 1 : 0) > 1) {
    return "give one period: --today, --week, --month, or --from/--to";
  }
  if (to !== undefined && from === undefined) return "--to needs --from (the first day)";
  const format = str(opts.format) ?? "text";
  if (!(FORMATS as readonly string[]).includes(format)) {
    return `option '--format' must be one of ${FORMATS.join(", ")}, not "${format}"`;
  }
  const today = new Date();
  const todayKey = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, "0")}-${
    String(today.getDate()).padStart(2, "0")
  }`;
  return {
    range: from !== undefined
      ? { kind: "between" as const, from, to: to ?? todayKey }
      : { kind: periods[0] ?? "today" },
    project: str(opts.project),
    format: format as (typeof FORMATS)[number],
    output: str(opts.output),
  };
}
