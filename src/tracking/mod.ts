/**
 * @module
 * Work-session tracking, pure: the session model and its rules (`applyEvent`), `--at` times,
 * duration arithmetic, report ranges and grouping by local day and project, and the text, CSV
 * and JSON renderers. Times are instants (epoch ms); local days come from `Intl` in a zone the
 * caller names, so midnight splits and 23/25-hour DST days are computed, never assumed.
 * Imports nothing of rune's but src/base; the store lives in `src/state/work_store.ts`.
 */
export {
  applyEvent,
  type ApplyOptions,
  formatWhen,
  lastEventAt,
  type Pause,
  type SessionState,
  sessionState,
  type TrackingEvent,
  type TrackingState,
  trackingState,
  type WorkSession,
} from "./model.ts";
export { parseAt } from "./at.ts";
export {
  elapsed,
  type Interval,
  localDayOf,
  pausedTotal,
  todayTotal,
  type TrackingStatus,
  trackingStatus,
  worked,
  workedIntervals,
  workedWithin,
} from "./arithmetic.ts";
export { type RangeSpec, type ReportRange, reportRange } from "./range.ts";
export {
  buildReport,
  type DayTotal,
  type ProjectTotal,
  type Report,
  type ReportPiece,
  type ReportSession,
} from "./report.ts";
export { renderText, type TextOptions } from "./render_text.ts";
export { CSV_COLUMNS, csvField, renderCsv, stateName } from "./render_csv.ts";
export { renderJson, stateNumber } from "./render_json.ts";
export { renderStatus, statusJson, type StatusOptions } from "./render_status.ts";
export {
  decideSwitch,
  isYes,
  type SwitchDecision,
  type SwitchFacts,
  type SwitchPolicy,
} from "./switch.ts";
export { formatClock, formatDate, formatDuration, formatMinutes, formatRfc3339 } from "./format.ts";
export {
  checkTimeZone,
  type CivilDate,
  civilDate,
  dateKey,
  instantsAt,
  type LocalDay,
  localDayAt,
  startOfDate,
  startOfLocalDay,
  systemTimeZone,
  type WallTime,
  wallTime,
} from "./zone.ts";
