/**
 * rituals.enter and rituals.leave run from the shell hook, between two prompts, with no
 * terminal to give them: each command must be a plain one (no interactive, background or tmux
 * keys) with a timeout (never 0, which would hang the shell). Pure; reads raw data.
 */
import { errorIssue, parseDuration } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import type { Locator } from "./positions.ts";
import { rawCommands } from "./raw.ts";

/** Keys a command of the enter or leave ritual cannot use, each with why. */
const REFUSED: [key: string, why: string][] = [
  ["interactive", "the shell hook gives its commands no terminal"],
  ["background", "the shell hook waits for its commands, briefly"],
  ["tmux_template", "the shell hook opens no tmux session"],
  ["tmux_session", "the shell hook opens no tmux session"],
];

export function hookRitualIssues(data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  for (const { spec, path, ritual } of rawCommands(data)) {
    if (ritual !== "enter" && ritual !== "leave") continue;
    const label = typeof spec.name === "string" ? `"${spec.name}"` : `a ${ritual} command`;
    for (const [key, why] of REFUSED) {
      if (spec[key] === undefined || spec[key] === false) continue;
      issues.push(errorIssue(
        "hook-ritual-key",
        `Cannot use ${key} in ${label} of the ${ritual} ritual: ${why}`,
        {
          where: where.key([...path, key]),
          hint: `Remove ${key}, or move the command to rituals.${
            ritual === "enter" ? "start" : "stop"
          }`,
        },
      ));
    }
    const timeout = spec.timeout;
    if (
      (typeof timeout === "string" || typeof timeout === "number") &&
      parseDuration(timeout) === 0
    ) {
      issues.push(errorIssue(
        "hook-ritual-timeout",
        `Cannot run ${label} of the ${ritual} ritual without a timeout: the shell waits for it`,
        {
          where: where.value([...path, "timeout"]),
          hint: "Give it a short timeout (timeout: 5s), or leave timeout out for " +
            "settings.hooks.timeout (default 5s)",
        },
      ));
    }
  }
  return issues;
}
