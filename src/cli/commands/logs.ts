/** `rune logs`: rune's own logs. */
import { importLazy } from "../../base/mod.ts";
import type { CommandSpec } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";

export const LOGS: CommandSpec = {
  name: "logs",
  summary: "show rune's logs: background commands, the tmux close hook",
  description: "Show rune's own logs, kept under $XDG_STATE_HOME/rune/logs: the output of " +
    "background commands (PROJECT/NAME-TIME.log) and of the tmux close hook " +
    "(tmux-close-hook.log). Without a file, the most recently written one.",
  args: [{
    name: "file",
    required: false,
    description: "a log's name as --list shows it (or the start of one), or a path",
  }],
  options: [
    { flags: "-n, --lines <count>", description: "how many of the last lines", default: "50" },
    { flags: "-f, --follow", description: "keep printing what is appended, until Ctrl-C" },
    { flags: "--list", description: "list the logs, newest first: time, size, name" },
  ],
  examples: [
    ["rune logs", "the last 50 lines of the newest log"],
    ["rune logs --list", "every log, newest first"],
    ["rune logs web/dev-server -n 200", "one log's last 200 lines"],
    ["rune logs -f", "follow the newest log"],
  ],
  env: [["XDG_STATE_HOME", "the logs are in $XDG_STATE_HOME/rune/logs"]],
  run: async ({ args, opts, globals }) => {
    const text = typeof opts.lines === "string" ? opts.lines : "50";
    if (!/^\d+$/.test(text)) {
      console.error(`error: option '-n, --lines' wants a whole number, not "${text}"`);
      return EXIT.usage;
    }
    const { runLogs } = await importLazy<typeof import("../actions/logs.ts")>(
      "src/cli/actions/logs",
    );
    return await runLogs({
      file: args.file,
      lines: Number(text),
      follow: opts.follow === true,
      list: opts.list === true,
    }, globals);
  },
};
