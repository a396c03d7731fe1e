/**
 * `rune migrate rune|watson|timewarrior [PATH]`: another tracker's history into rune's store.
 * Read (src/migrate, pure) → rename (--project-map) → plan against what the store holds
 * (planImport: a second run adds nothing) → print (--dry-run) or write in one transaction.
 * The source is only read: Go Rune's ~/.rune/sessions.db is never written.
 */
import { formatIssue, importLazy, type Issue, writeOrStop } from "../../base/mod.ts";
import { mapProjects, parseProjectMap, planImport } from "../../migrate/mod.ts";
import type { ImportPlan, ImportSummary } from "../../migrate/mod.ts";
import { EXIT } from "../exit_codes.ts";
import type { GlobalOptions } from "../spec.ts";
import { missingPermission, openWorkStore, reportIssue } from "../work_store.ts";
import {
  importedState,
  importedSummary,
  recordLine,
  summaryLines,
  toImportRecord,
} from "./migrate_records.ts";
import { type MigrateSource, readSource } from "./migrate_sources.ts";

export interface MigrateOptions {
  dryRun: boolean;
  json: boolean;
  /** --project-map old=new, each given. */
  projectMap: string[];
}

/** How many of the sessions to add `--dry-run` lists before "… and N more". */
const SHOWN = 20;

export async function runMigrate(
  source: MigrateSource,
  path: string | undefined,
  options: MigrateOptions,
  globals: GlobalOptions,
): Promise<number> {
  const map = parseProjectMap(options.projectMap);
  if (!map.ok) return printIssues(map.error, EXIT.usage);
  const projects = source === "timewarrior" ? await configProjects(globals) : undefined;
  const input = readSource(source, path, { projects });
  if (!input.ok) {
    if (input.error.kind === "permission") {
      console.error(input.error.message);
      return EXIT.missing;
    }
    return printIssues(input.error.issues, EXIT.usage);
  }
  const read = mapProjects(input.value.read, map.value);

  const opened = openWorkStore({ create: !options.dryRun });
  if (!opened.ok) return opened.code;
  const store = opened.value;
  try {
    let state = importedState(new Set());
    if (store) {
      const keys = store.keys();
      if (!keys.ok) return reportIssue(keys.error);
      const open = store.currentSession();
      if (!open.ok) return reportIssue(open.error);
      state = importedState(keys.value, open.value);
    }
    const plan = planImport(read, state);
    if (options.dryRun) return printResult(input.value.label, plan, plan.summary, options);
    const counts = store!.importRecords(
      plan.add.map(toImportRecord),
      plan.close.map((c) => ({ key: c.key, record: toImportRecord(c.record) })),
    );
    if (!counts.ok) return reportIssue(counts.error);
    if (globals.verbose) {
      for (const s of read.skipped) console.error(`rune: skipped ${s.where}: ${s.reason}`);
    }
    return printResult(
      input.value.label,
      plan,
      importedSummary(plan.summary, counts.value),
      options,
    );
  } finally {
    store?.close();
  }
}

function printResult(
  label: string,
  plan: ImportPlan,
  summary: ImportSummary,
  options: MigrateOptions,
): number {
  const now = Date.now();
  if (options.json) {
    const json = {
      source: label,
      dry_run: options.dryRun,
      ...summary,
      ...(options.dryRun
        ? { would_add: plan.add.map(toImportRecord), would_close: plan.close.map((c) => c.key) }
        : {}),
    };
    writeOrStop(Deno.stdout, `${JSON.stringify(json, null, 2)}\n`);
    return EXIT.ok;
  }
  const lines = [`${label}: ${summaryLines(summary, options.dryRun).join("\n")}`];
  if (options.dryRun) {
    const shown = plan.add.slice(0, SHOWN).map((r) => `  + ${recordLine(r, now)}`);
    const more = plan.add.length - shown.length;
    const closes = plan.close.map((c) => `  ✓ ${recordLine(c.record, now)} (closes the open one)`);
    lines.push(
      ...(shown.length || closes.length ? ["", ...shown, ...closes] : []),
      ...(more > 0 ? [`  … and ${more} more`] : []),
      "",
      "dry run: nothing was written",
    );
  }
  writeOrStop(Deno.stdout, `${lines.join("\n")}\n`);
  return EXIT.ok;
}

/** rune's project names, for Timewarrior's tags; none when there is no config that loads. */
async function configProjects(globals: GlobalOptions): Promise<string[] | undefined> {
  if (missingPermission([{ name: "env" }])) return undefined;
  const { loadConfig } = await importLazy<typeof import("../../config/mod.ts")>("src/config/mod");
  const loaded = await loadConfig({
    flag: globals.config,
    env: Deno.env.toObject(),
    cwd: Deno.cwd(),
    templates: false,
  });
  if (loaded.ok) return (loaded.value.config.projects ?? []).map((p) => p.name);
  if (loaded.error.kind !== "not-found" && !globals.quiet) {
    console.error(
      `rune: the config did not load ("rune config validate" says why): Timewarrior tags are ` +
        "not matched against its project names",
    );
  }
  return undefined;
}

function printIssues(issues: readonly Issue[], code: number): number {
  for (const issue of issues) console.error(formatIssue(issue));
  return code;
}
