/**
 * Commands longer than the system lets a program start with: caught at validate time, where
 * the text is written, not by "Argument list too long" when the ritual runs. Every command line
 * rune passes as one argument (`sh -c COMMAND`, a template's `before`, the lines typed into
 * panes) must fit MAX_ARG_STRLEN; a command with its own env must fit ARG_MAX. Pure; reads raw
 * data (see raw.ts). Sizes are of the text as written (variables add a path's length at most).
 */
import { errorIssue, formatBytes, shortenValue, utf8Length } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { describePath } from "./positions.ts";
import type { ConfigPath, Locator } from "./positions.ts";
import { isMap, rawCommands, rawTemplates } from "./raw.ts";
import { CONFIG_LIMITS } from "./limits.ts";

const SCRIPT_HINT =
  "Put the commands in a script file and run that, e.g. command: ./scripts/setup.sh";

export function lengthIssues(data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  /** The UTF-8 size of `text` with its NUL, or an issue when it cannot be one argument. */
  let tooLong = 0;
  const argument = (text: unknown, path: ConfigPath): number => {
    if (typeof text !== "string") return 0;
    const bytes = utf8Length(text) + 1;
    if (bytes > CONFIG_LIMITS.maxArgBytes) {
      tooLong++;
      issues.push(errorIssue(
        "too-long",
        `Cannot run ${describePath(path)}: it is ${formatBytes(bytes - 1)}, more than one ` +
          `argument of a program may hold (${formatBytes(CONFIG_LIMITS.maxArgBytes)} on Linux, ` +
          "its NUL included)",
        { where: where.value(path), hint: SCRIPT_HINT },
      ));
    }
    return bytes;
  };
  const lines = (value: unknown, path: ConfigPath) => {
    if (Array.isArray(value)) value.forEach((line, i) => argument(line, [...path, i]));
    else argument(value, path);
  };

  for (const { spec, path } of rawCommands(data)) {
    const before = tooLong;
    let total = argument(spec.command, [...path, "command"]) + "sh\0-c\0".length;
    if (isMap(spec.env)) {
      for (const [name, value] of Object.entries(spec.env)) {
        total += argument(`${name}=${value}`, [...path, "env", name]);
      }
    }
    // An argument too long already says why; the total is news only when each one fits.
    if (total > CONFIG_LIMITS.maxArgvBytes && tooLong === before) {
      const label = typeof spec.name === "string" ? `"${shortenValue(spec.name)}"` : "it";
      issues.push(errorIssue(
        "too-long",
        `Cannot run ${label}: its command and env are ${formatBytes(total)} together, more ` +
          `than a program's arguments and environment may hold (${
            formatBytes(CONFIG_LIMITS.maxArgvBytes)
          }: getconf ARG_MAX)`,
        { where: where.value(path), hint: SCRIPT_HINT },
      ));
    }
  }
  for (const { spec, path } of rawTemplates(data)) {
    if (!isMap(spec)) continue;
    lines(spec.before, [...path, "before"]);
    lines(spec.on_first_start, [...path, "on_first_start"]);
    lines(spec.on_reuse, [...path, "on_reuse"]);
    lines(spec.pre_window, [...path, "pre_window"]);
    if (!Array.isArray(spec.windows)) continue;
    spec.windows.forEach((w, wi) => {
      if (!isMap(w)) return;
      const wPath = [...path, "windows", wi];
      lines(w.pre, [...wPath, "pre"]);
      if (!Array.isArray(w.panes)) return;
      w.panes.forEach((pane, pi) => {
        const pPath = [...wPath, "panes", pi];
        if (isMap(pane)) {
          lines(pane.command, [...pPath, "command"]);
          argument(pane.shell, [...pPath, "shell"]);
        } else argument(pane, pPath);
      });
    });
  }
  return issues;
}
