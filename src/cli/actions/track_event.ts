/** `rune pause` and `rune resume`: one event on the open work session, `--at` allowed. */
import { formatDuration, formatWhen, pausedTotal } from "../../tracking/mod.ts";
import { EXIT } from "../exit_codes.ts";
import type { GlobalOptions } from "../spec.ts";
import { openWorkStore, parseAtOption, reportIssue } from "../work_store.ts";

export function runTrackEvent(
  kind: "pause" | "resume",
  atText: string | undefined,
  globals: GlobalOptions,
): number {
  const at = parseAtOption(atText);
  if (!at.ok) return at.code;
  const opened = openWorkStore({ create: true });
  if (!opened.ok) return opened.code;
  const store = opened.value!;
  try {
    const r = kind === "pause" ? store.pause(at.value) : store.resume(at.value);
    if (!r.ok) return reportIssue(r.error);
    const now = Date.now();
    const session = r.value;
    const last = session.pauses.at(-1)!;
    if (!globals.quiet) {
      console.error(
        kind === "pause"
          ? `rune: paused "${session.project}" at ${formatWhen(last.start, now)}`
          : `rune: resumed "${session.project}" at ${formatWhen(last.end!, now)} (paused ${
            formatDuration(last.end! - last.start)
          }; ${formatDuration(pausedTotal(session, now))} in all)`,
      );
    }
    return EXIT.ok;
  } finally {
    store.close();
  }
}
