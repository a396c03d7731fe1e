/** `rune pause`, `rune resume`, `rune status`: the open work session. */
import { importLazy } from "../../base/mod.ts";
import type { CommandSpec, OptionSpec } from "../spec.ts";

/** What the tracking commands read from the environment. */
export const TRACKING_ENV: [string, string][] = [
  ["XDG_DATA_HOME", "the work sessions live in $XDG_DATA_HOME/rune/work_sessions.db"],
  ["TZ", 'the time zone of --at times, of "today" and of report days'],
  ["NO_COLOR", "no colours in output"],
];

export const AT_OPTION: OptionSpec = {
  flags: "--at <time>",
  description: 'when it really happened: "9:15", "yesterday 17:30", "2026-03-07 23:50", ' +
    '"-20m", "-1h30m", or ISO 8601 with an offset; never in the future, never before the ' +
    "session's previous event",
};

export const PAUSE: CommandSpec = {
  name: "pause",
  summary: "pause the open work session",
  description: "Pause the open work session: time from now (or --at) until `rune resume` is " +
    "not counted as worked.",
  options: [AT_OPTION],
  examples: [
    ["rune pause", "pause now"],
    ["rune pause --at -10m", "you stopped ten minutes ago"],
    ["rune pause --at 12:30", "you went to lunch at 12:30"],
  ],
  env: TRACKING_ENV,
  run: async ({ opts, globals }) => {
    const { runTrackEvent } = await importLazy<typeof import("../actions/track_event.ts")>(
      "src/cli/actions/track_event",
    );
    return runTrackEvent("pause", str(opts.at), globals);
  },
};

export const RESUME: CommandSpec = {
  name: "resume",
  summary: "resume the paused work session",
  description: "Resume the paused work session, now or at --at.",
  options: [AT_OPTION],
  examples: [
    ["rune resume", "back to work"],
    ["rune resume --at 13:15", "you were back at 13:15"],
  ],
  env: TRACKING_ENV,
  run: async ({ opts, globals }) => {
    const { runTrackEvent } = await importLazy<typeof import("../actions/track_event.ts")>(
      "src/cli/actions/track_event",
    );
    return runTrackEvent("resume", str(opts.at), globals);
  },
};

export const STATUS: CommandSpec = {
  name: "status",
  summary: "show the open work session and today's total",
  description: "Show the open work session (project, state, when it started, time worked " +
    "and paused) and the time worked today. Reads only the work-session store (no config), so " +
    "it is quick enough for a shell prompt.",
  options: [{
    flags: "--json",
    description: "print state, project, started, paused_since, elapsed/worked/paused/today " +
      '(seconds and Rune\'s "Xh Ym") as JSON',
  }],
  examples: [
    ["rune status", "what you are working on, and today's total"],
    ["rune status --json | jq -r .project", "the project, for a prompt"],
  ],
  env: TRACKING_ENV,
  run: async ({ opts }) => {
    const { runStatus } = await importLazy<typeof import("../actions/status.ts")>(
      "src/cli/actions/status",
    );
    return runStatus({ json: opts.json === true });
  },
};

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : undefined;
}
