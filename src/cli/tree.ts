/**
 * rune's command tree: the one definition behind parsing, `--help` and completions. Commands
 * are data; each loads its implementation only when chosen.
 */
import { CONFIG_ENV } from "./help.ts";
import type { CommandSpec } from "./spec.ts";
import { START, STOP } from "./commands/start_stop.ts";
import { DOCTOR } from "./commands/doctor.ts";
import { CONFIG } from "./commands/config.ts";
import { RITUAL } from "./commands/ritual.ts";
import { SESSION } from "./commands/session.ts";
import { AUDIT } from "./commands/audit.ts";
import { IMPORT } from "./commands/import.ts";
import { INIT } from "./commands/init.ts";
import { LS } from "./commands/ls.ts";
import { COMPLETE, COMPLETION } from "./commands/completion.ts";
import { PAUSE, RESUME, STATUS } from "./commands/tracking.ts";
import { REPORT } from "./commands/report.ts";
import { MIGRATE } from "./commands/migrate.ts";
import { LOGS } from "./commands/logs.ts";

export const ROOT: CommandSpec = {
  name: "rune",
  summary: "Run a project's rituals: the commands that start and stop work, in tmux or a terminal.",
  examples: [
    ["rune start", "run the start ritual of the project in this directory"],
    ["rune start web --dry-run", "show what would run for project web; run nothing"],
    ["rune stop", "run the stop ritual"],
    ["rune ritual list", "list the rituals the config defines"],
    ["rune config validate", "check the config; every problem with file:line:col"],
    ["rune status", "the open work session and today's total"],
    ["rune report --week", "time worked this week, by day and project"],
    ["rune doctor", "check tmux, script, permissions and the config"],
    ["rune init --guided", "write a starter config, asking a few questions"],
    ["rune import tmuxinator web.yml", "turn a tmuxinator project into rune's"],
  ],
  env: CONFIG_ENV,
  commands: [
    START,
    STOP,
    LS,
    PAUSE,
    RESUME,
    STATUS,
    REPORT,
    MIGRATE,
    DOCTOR,
    CONFIG,
    RITUAL,
    SESSION,
    AUDIT,
    INIT,
    IMPORT,
    COMPLETION,
    COMPLETE,
    LOGS,
  ],
};
