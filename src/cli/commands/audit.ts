/** `rune audit ls` and `rune audit show ID`: the log of interactive runs. */
import { importLazy } from "../../base/mod.ts";
import type { CommandSpec } from "../spec.ts";

const AUDIT_ENV: [string, string][] = [
  ["XDG_STATE_HOME", "the log is $XDG_STATE_HOME/rune/audit.jsonl (default ~/.local/state)"],
];

export const AUDIT: CommandSpec = {
  name: "audit",
  summary: "show the log of interactive runs (and their transcripts)",
  description: "Every interactive command rune runs (in tmux, under `script`, or on the " +
    "terminal) adds one line to $XDG_STATE_HOME/rune/audit.jsonl: when, who, which project " +
    "and command, how it ran, its exit status and duration. With settings.audit.transcripts: " +
    "true, runs under `script` are also recorded in full (they may hold typed secrets; files " +
    "are 0600). Exit codes: 0 ok, 2 unknown id or bad option, 3 the replay program is missing.",
  examples: [
    ["rune audit ls", "the last 20 interactive runs"],
    ["rune audit ls --json -n 0", "every run, as JSON"],
    ["rune audit show 3f9a", "one run (any unique id prefix), with its transcript"],
    ["rune audit show 3f9a --replay", "replay its transcript at the recorded speed"],
  ],
  env: AUDIT_ENV,
  exitCodes: false,
  commands: [
    {
      name: "ls",
      summary: "list interactive runs, oldest first",
      options: [
        { flags: "--json", description: "print the entries as JSON" },
        {
          flags: "-n, --limit <count>",
          description: "only the last COUNT runs (0 = all)",
          default: "20",
        },
      ],
      examples: [
        ["rune audit ls", "the last 20 interactive runs"],
        ["rune audit ls -n 0", "every run"],
        ["rune audit ls --json | jq '.[].status'", "the statuses, for scripts"],
      ],
      env: AUDIT_ENV,
      run: async ({ opts, globals }) => {
        const { auditList } = await importLazy<typeof import("../actions/audit.ts")>(
          "src/cli/actions/audit",
        );
        return auditList({ json: opts.json === true, limit: String(opts.limit) }, globals);
      },
    },
    {
      name: "show",
      summary: "one run: its entry and its transcript, if recorded",
      args: [{
        name: "id",
        required: true,
        description: "the run's id, or any unique prefix of it",
      }],
      options: [
        { flags: "--json", description: "print the entry as JSON" },
        {
          flags: "--replay",
          description: "replay the transcript at the recorded speed (scriptreplay / script -p)",
        },
      ],
      examples: [
        ["rune audit show 3f9a", "the run whose id starts with 3f9a, with its transcript"],
        ["rune audit show 3f9a --replay", "play its transcript back"],
        ["rune audit show 3f9a --json", "the entry as JSON"],
      ],
      env: AUDIT_ENV,
      run: async ({ args, opts, globals }) => {
        const { auditShow } = await importLazy<typeof import("../actions/audit.ts")>(
          "src/cli/actions/audit",
        );
        return await auditShow(
          args.id!,
          { json: opts.json === true, replay: opts.replay === true },
          globals,
        );
      },
    },
  ],
};
