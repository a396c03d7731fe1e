/**
 * The template keys of tmuxinator's, tmuxp's and smug's features (issue 15): `env` names a pane
 * can be given, tmux option names tmux accepts and where tmux would set them, a pane that asks
 * for both `exec` and `shell`, and titles that would put control characters on a border. Option
 * names tmux may know but rune does not are accepted: only tmux can tell. Pure; raw data.
 */
import {
  errorIssue,
  hasUnprintable,
  knownOptionScope,
  OPTION_NAME,
  shortenValue,
  warningIssue,
} from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import type { ConfigPath, Locator } from "./positions.ts";
import { isMap, rawTemplates } from "./raw.ts";
import type { RawMap } from "./raw.ts";

/** A name `-e NAME=VALUE` can carry and a shell can read back. */
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function templateKeyIssues(data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  const env = (spec: RawMap, path: ConfigPath) => {
    if (!isMap(spec.env)) return;
    for (const name of Object.keys(spec.env)) {
      if (ENV_NAME.test(name)) continue;
      issues.push(errorIssue(
        "bad-env-name",
        `Cannot set the variable ${JSON.stringify(shortenValue(name))} in ${label(path)}: ` +
          "an environment variable's name is letters, digits and _, not starting with a digit",
        { where: where.key([...path, "env", name]), hint: "Rename it, e.g. MY_VAR" },
      ));
    }
  };
  const options = (spec: RawMap, path: ConfigPath, key: "options" | "window_options") => {
    const map = spec[key];
    if (!isMap(map)) return;
    for (const name of Object.keys(map)) {
      const at = where.key([...path, key, name]);
      if (!OPTION_NAME.test(name)) {
        issues.push(errorIssue(
          "bad-option-name",
          `Cannot set the tmux option ${JSON.stringify(shortenValue(name))} in ${label(path)}: ` +
            "a tmux option's name is letters, digits and -, or @name for your own",
          { where: at, hint: 'Write one option per key: status-left: "[#S]"' },
        ));
        continue;
      }
      const scope = knownOptionScope(name);
      if (scope === "server") {
        issues.push(warningIssue(
          "option-scope",
          `Cannot set ${name} for this session only (${label(path)}): it is a tmux server ` +
            "option, so it changes every session of the server",
          { where: at, hint: `Set it in your tmux.conf (set -s ${name} …) if that is meant` },
        ));
      } else if (key === "window_options" && scope === "session") {
        issues.push(warningIssue(
          "option-scope",
          `Cannot set ${name} per window (${label(path)}): it is a tmux session option, so ` +
            "tmux sets it for the whole session",
          { where: at, hint: `Move it to the template's options: (options: {${name}: …})` },
        ));
      }
    }
  };

  for (const { spec, path } of rawTemplates(data)) {
    if (!isMap(spec)) continue;
    env(spec, path);
    options(spec, path, "options");
    options(spec, path, "window_options");
    if (!Array.isArray(spec.windows)) continue;
    spec.windows.forEach((w, wi) => {
      if (!isMap(w)) return;
      const wPath = [...path, "windows", wi];
      env(w, wPath);
      options(w, wPath, "window_options");
      if (!Array.isArray(w.panes)) return;
      w.panes.forEach((p, pi) => {
        if (!isMap(p)) return;
        const pPath = [...wPath, "panes", pi];
        env(p, pPath);
        paneIssues(p, pPath, where, issues);
      });
    });
  }
  return issues;
}

function paneIssues(pane: RawMap, path: ConfigPath, where: Locator, issues: Issue[]): void {
  if (pane.exec === true && pane.shell !== undefined) {
    issues.push(errorIssue(
      "exec-and-shell",
      `Cannot start ${label(path)}: it asks for exec: true (its command as its process) and ` +
        "for shell (a program its command is typed into)",
      {
        where: where.key([...path, "shell"]),
        hint: "Keep one: shell: PROGRAM to type into it, or exec: true to run the command",
      },
    ));
  }
  if (typeof pane.shell === "string" && pane.shell.trim() === "") {
    issues.push(errorIssue(
      "empty-shell",
      `Cannot start ${label(path)}: its shell is empty`,
      { where: where.value([...path, "shell"]), hint: "Name a program, or remove shell:" },
    ));
  }
  if (typeof pane.title === "string" && hasUnprintable(pane.title)) {
    issues.push(errorIssue(
      "bad-name",
      `Cannot use ${JSON.stringify(shortenValue(pane.title))} as the title of ${label(path)}: ` +
        "it holds a control character",
      { where: where.value([...path, "title"]), hint: "Remove the control character" },
    ));
  }
}

/** `template "web"`, `windows[1] of template "web"`, `windows[1].panes[0] of template "web"`. */
function label(path: ConfigPath): string {
  const at = path.findIndex((_k, i) => i > 0 && path[i - 1] === "templates");
  const name = JSON.stringify(String(path[at]));
  const rest = path.slice(at + 1).map((k) => typeof k === "number" ? `[${k}]` : `.${k}`).join("")
    .replace(/^\./, "");
  return rest ? `${rest} of template ${name}` : `template ${name}`;
}
