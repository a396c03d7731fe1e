/**
 * Templates: one name in one place only (they may sit under rituals.templates and under
 * rituals.start|stop.templates), at least one window, at least one pane per window, and a
 * layout tmux accepts that fits the window's panes. A tmuxinator-style window
 * (`- server: rails s`) is shown in rune's form. Pure; reads raw data (see raw.ts).
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue } from "../base/mod.ts";
import { describePath } from "./positions.ts";
import type { Locator } from "./positions.ts";
import { isMap, rawTemplates } from "./raw.ts";
import { checkLayout } from "./layout.ts";
import { oneKeyWindow } from "./foreign_keys.ts";

export function templateIssues(data: unknown, where: Locator): Issue[] {
  const issues: Issue[] = [];
  const first = new Map<string, readonly (string | number)[]>();
  for (const { name, spec, path } of rawTemplates(data)) {
    const earlier = first.get(name);
    if (earlier) {
      const at = where.key(earlier);
      issues.push(errorIssue(
        "duplicate-template",
        `Cannot define the template "${name}" twice: it is also defined at ` +
          `${describePath(earlier)}${at ? ` (line ${at.line}, column ${at.column})` : ""}`,
        { where: where.key(path), hint: "Rename or remove one of them" },
      ));
    } else {
      first.set(name, path);
    }
    if (!isMap(spec)) continue;
    const windows = spec.windows;
    if (windows === undefined || windows === null || (Array.isArray(windows) && !windows.length)) {
      issues.push(
        errorIssue("empty-windows", `Cannot open the template "${name}": it has no windows`, {
          where: where.key(windows === undefined ? path : [...path, "windows"]),
          hint: "Add windows: with at least one window and its panes",
        }),
      );
      continue;
    }
    if (!Array.isArray(windows)) continue;
    windows.forEach((window, i) => {
      if (!isMap(window)) return;
      const wpath = [...path, "windows", i];
      const tmuxinator = oneKeyWindow(window);
      if (tmuxinator) {
        issues.push(errorIssue(
          "tmuxinator-window",
          `Cannot read windows[${i}] of template "${name}": "${tmuxinator.name}: …" is ` +
            "tmuxinator's form of a window (its name as the only key)",
          {
            where: where.key([...wpath, tmuxinator.name]),
            hint: `Write it in rune's form: - ${tmuxinator.runeForm}`,
          },
        ));
        return;
      }
      const label = typeof window.name === "string" ? `window "${window.name}"` : `windows[${i}]`;
      const panes = window.panes;
      const count = Array.isArray(panes) ? panes.length : 0;
      if (panes === undefined || panes === null || (Array.isArray(panes) && !panes.length)) {
        issues.push(errorIssue(
          "empty-windows",
          `Cannot open the template "${name}": its ${label} has no panes`,
          {
            where: where.key(panes === undefined ? wpath : [...wpath, "panes"]),
            hint: `Add a pane under windows[${i}].panes (a command, or ~ for an empty shell)`,
          },
        ));
      }
      if (typeof window.layout !== "string") return;
      const verdict = checkLayout(window.layout);
      if (!verdict.ok) {
        issues.push(errorIssue(
          "bad-layout",
          `Cannot use the layout "${window.layout}" of ${label} in template "${name}": ` +
            verdict.problem,
          { where: where.value([...wpath, "layout"]), hint: verdict.hint },
        ));
      } else if (verdict.kind === "custom" && count && verdict.panes !== count) {
        issues.push(errorIssue(
          "bad-layout",
          `Cannot use the layout of ${label} in template "${name}": it places ` +
            `${verdict.panes} pane(s), the window has ${count}`,
          {
            where: where.value([...wpath, "layout"]),
            hint: "Give the window as many panes as the layout, or copy the layout again " +
              "from tmux display -p '#{window_layout}'",
          },
        ));
      }
    });
  }
  return issues;
}
