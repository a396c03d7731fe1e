/** `rune audit ls` and `rune audit show ID`: the log of interactive runs. */
import type { Command } from "@commander-js/extra-typings";
import { addHelp } from "../help.ts";
import { toGlobals } from "../globals.ts";
import type { ExitBox } from "../program.ts";

const AUDIT_ENV: [string, string][] = [
  ["XDG_STATE_HOME", "the log is $XDG_STATE_HOME/rune/audit.jsonl (default ~/.local/state)"],
];

export function registerAudit(program: Command, exit: ExitBox): void {
  const audit = program
    .command("audit")
    .summary("show the log of interactive runs (and their transcripts)")
    .description(
      "Every interactive command rune runs (in tmux, under `script`, or on the terminal) adds one " +
        "line to $XDG_STATE_HOME/rune/audit.jsonl: when, who, which project and command, how it " +
        "ran, its exit status and duration. With settings.audit.transcripts: true, runs under " +
        "`script` are also recorded in full (they may hold typed secrets; files are 0600). " +
        "Exit codes: 0 ok, 2 unknown id or bad option, 3 the replay program is missing.",
    );
  addHelp(audit, {
    examples: [
      ["rune audit ls", "the last 20 interactive runs"],
      ["rune audit ls --json -n 0", "every run, as JSON"],
      ["rune audit show 3f9a", "one run (any unique id prefix), with its transcript"],
      ["rune audit show 3f9a --replay", "replay its transcript at the recorded speed"],
    ],
    env: AUDIT_ENV,
    exitCodes: false,
  });
  audit.command("ls")
    .summary("list interactive runs, oldest first")
    .option("--json", "print the entries as JSON")
    .option("-n, --limit <count>", "only the last COUNT runs (0 = all)", "20")
    .action(async (options, cmd) => {
      const { auditList } = await import("../actions/audit.ts");
      exit.code = auditList(
        { json: options.json === true, limit: options.limit },
        toGlobals(cmd.optsWithGlobals()),
      );
    });
  audit.command("show")
    .summary("one run: its entry and its transcript, if recorded")
    .argument("<id>", "the run's id, or any unique prefix of it")
    .option("--json", "print the entry as JSON")
    .option("--replay", "replay the transcript at the recorded speed (scriptreplay / script -p)")
    .action(async (id, options, cmd) => {
      const { auditShow } = await import("../actions/audit.ts");
      exit.code = await auditShow(
        id,
        { json: options.json === true, replay: options.replay === true },
        toGlobals(cmd.optsWithGlobals()),
      );
    });
}
