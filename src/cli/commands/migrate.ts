/** `rune migrate rune|watson|timewarrior`: history from other trackers into rune's store. */
import { importLazy } from "../../base/mod.ts";
import type { CommandInput, CommandSpec, OptionSpec } from "../spec.ts";
import { TRACKING_ENV } from "./tracking.ts";

const OPTIONS: OptionSpec[] = [
  { flags: "-n, --dry-run", description: "show what would be added; write nothing" },
  {
    flags: "--project-map <mapping>",
    description: "old=new: import project old as new (once per project)",
    repeat: true,
  },
  { flags: "--json", description: "print the summary (and with --dry-run the sessions) as JSON" },
];

const IDEMPOTENT = " A second run adds nothing: each session is stored under a key made from " +
  "its source, and the summary says what was read, added and skipped, and why.";

async function run(source: "rune" | "watson" | "timewarrior", input: CommandInput) {
  const { runMigrate } = await importLazy<typeof import("../actions/migrate.ts")>(
    "src/cli/actions/migrate",
  );
  const map = input.opts.projectMap;
  return await runMigrate(source, input.args.path, {
    dryRun: input.opts.dryRun === true,
    json: input.opts.json === true,
    projectMap: Array.isArray(map) ? map : [],
  }, input.globals);
}

export const MIGRATE: CommandSpec = {
  name: "migrate",
  summary: "bring in history from Go Rune, Watson or Timewarrior",
  description: "Import the work sessions another tracker recorded. The source is only read.",
  examples: [
    ["rune migrate rune --dry-run", "what Go Rune's ~/.rune/sessions.db holds"],
    ["rune migrate watson ~/.config/watson/frames", "Watson's frames"],
    ["rune migrate timewarrior --project-map misc=admin", "Timewarrior, renaming a project"],
  ],
  env: TRACKING_ENV,
  commands: [
    {
      name: "rune",
      summary: "Go Rune's sessions.db (bbolt), read-only",
      description: "Import Go Rune's sessions from its bbolt database (default " +
        "~/.rune/sessions.db), read without locking or writing it. Go Rune moves a session's " +
        "start forward on each resume; rune keeps the real start and the paused time." +
        IDEMPOTENT,
      args: [{ name: "path", required: false, description: "default: ~/.rune/sessions.db" }],
      options: OPTIONS,
      examples: [
        ["rune migrate rune", "import ~/.rune/sessions.db"],
        ["rune migrate rune --dry-run", "what would be added"],
        ["rune migrate rune /backup/sessions.db --project-map Web=web", "another file, renamed"],
      ],
      env: TRACKING_ENV,
      run: (input) => run("rune", input),
    },
    {
      name: "watson",
      summary: "Watson's frames file, `watson log --json`, or its state file",
      description: "Import Watson's frames (default $WATSON_DIR/frames, else " +
        "~/.config/watson/frames), the output of `watson log --json`, or Watson's state file " +
        "(the frame running now). Tags come along." + IDEMPOTENT,
      args: [{ name: "path", required: false, description: "default: ~/.config/watson/frames" }],
      options: OPTIONS,
      examples: [
        ["rune migrate watson ~/.config/watson/frames", "every frame"],
        ["watson log --all --json > log.json && rune migrate watson log.json", "from its log"],
        ["rune migrate watson frames --project-map old=new --dry-run", "renamed, a dry run"],
      ],
      env: [...TRACKING_ENV, ["WATSON_DIR", "where Watson keeps frames (its own variable)"]],
      run: (input) => run("watson", input),
    },
    {
      name: "timewarrior",
      summary: "Timewarrior's data directory or a `timew export`",
      description: "Import Timewarrior's intervals: its data directory (default " +
        "$TIMEWARRIORDB/data, else ~/.timewarrior/data, else " +
        "$XDG_DATA_HOME/timewarrior/data) or a `timew export` JSON file. Open intervals, " +
        "untagged intervals, tags with spaces and annotations are kept. The project is the " +
        "first tag that names a project of rune's config, else the first tag, else " +
        '"untagged"; every tag stays a tag.' + IDEMPOTENT,
      args: [{ name: "path", required: false, description: "default: ~/.timewarrior/data" }],
      options: OPTIONS,
      examples: [
        ["rune migrate timewarrior", "the data directory Timewarrior uses"],
        ["timew export > tw.json && rune migrate timewarrior tw.json", "from an export"],
        ["rune migrate timewarrior --project-map untagged=misc", "name the untagged"],
      ],
      env: [...TRACKING_ENV, ["TIMEWARRIORDB", "Timewarrior's own database directory"]],
      run: (input) => run("timewarrior", input),
    },
  ],
};
