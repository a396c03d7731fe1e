/**
 * `rune status [--json]`: the open work session and today's total. Called from shell prompts,
 * so it reads the store and nothing else: no config, YAML, zod or template engine. A store
 * that does not exist yet is an empty history; it is not created.
 */
import { writeOrStop } from "../../base/mod.ts";
import { localDayOf, renderStatus, statusJson, trackingStatus } from "../../tracking/mod.ts";
import { EXIT } from "../exit_codes.ts";
import { openWorkStore, reportIssue } from "../work_store.ts";

export function runStatus(options: { json: boolean }): number {
  const opened = openWorkStore({ create: false });
  if (!opened.ok) return opened.code;
  const store = opened.value;
  const now = Date.now();
  let todays: Parameters<typeof trackingStatus>[1] = [];
  if (store) {
    try {
      // Today's sessions include the open one, whenever it began: one read, one snapshot.
      const day = localDayOf(now);
      const read = store.sessionsBetween(day.from, day.to);
      if (!read.ok) return reportIssue(read.error);
      todays = read.value;
    } finally {
      store.close();
    }
  }
  const open = todays.find((s) => s.end === undefined);
  const status = trackingStatus(open, todays, { now });
  const text = options.json
    ? `${JSON.stringify(statusJson(status, { now }), null, 2)}\n`
    : renderStatus(status, { now });
  writeOrStop(Deno.stdout, text);
  return EXIT.ok;
}
