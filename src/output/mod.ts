/**
 * @module
 * How rune's runs, plans and listings read: the reporters (live on a terminal, plain lines,
 * JSON lines), the `--dry-run` text of a Plan, the `ritual list` listing, what `rune stop`
 * says about background processes. Text is made by pure functions; reporters only write.
 */
export { JsonReporter, stepResultJson } from "./report_json.ts";
export type { StepResultJson } from "./report_json.ts";
export { clip, LiveReporter, renderLive, shortenMiddle } from "./report_live.ts";
export type { LiveOptions, LiveRow, LiveSnapshot } from "./report_live.ts";
export { PlainReporter } from "./report_plain.ts";
export type { PlainOptions } from "./report_plain.ts";
export {
  closingLines,
  leftRunningLines,
  outcomeDetail,
  outcomeLabel,
  problemLines,
  skipReason,
  STATUS_WORD,
  statusMark,
  summaryLine,
} from "./report_text.ts";
export { formatPlan } from "./plan_text.ts";
export type { FormatOptions } from "./plan_text.ts";
export { formatListing } from "./listing_text.ts";
export { formatOverview } from "./overview_text.ts";
export type { SessionsFact } from "./overview_text.ts";
export { formatBackgroundReview } from "./background_text.ts";
export { streamWriter, writeOrStop } from "./write.ts";
export { formatAuditEntry, formatAuditTable } from "./audit_text.ts";
export { lineDiff } from "./line_diff.ts";
