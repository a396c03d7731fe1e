/**
 * A template's start directories, checked before anything is built: tmux opens a pane whose
 * `-c` does not exist in its server's own cwd, silently (notes/tmux_names.md N9). Pure: the
 * file system is seen only through `isDirectory`.
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue, Location } from "../base/mod.ts";
import type { ConfigPath, TemplateSpec } from "../config/mod.ts";
import type { SessionLayout } from "../contract/mod.ts";

/** One located error per distinct dir of `layout` that is not a directory. */
export function startDirIssues(
  template: TemplateSpec,
  path: ConfigPath,
  layout: SessionLayout,
  o: {
    step: string;
    template: string;
    locate(path: ConfigPath): Location | undefined;
    isDirectory(path: string): boolean;
  },
): Issue[] {
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const { dir, path: at } of layoutDirs(template, path, layout)) {
    if (seen.has(dir)) continue;
    seen.add(dir);
    if (o.isDirectory(dir)) continue;
    const key = at.slice(path.length).map((k, i) =>
      typeof k === "number" ? `[${k}]` : i ? `.${k}` : k
    ).join("");
    issues.push(errorIssue(
      "missing-dir",
      `Cannot plan "${o.step}": template "${o.template}" starts a pane in "${dir}", which does ` +
        "not exist or is not a directory",
      {
        where: o.locate(at),
        hint: key ? `Create the directory, or fix ${key}` : "Create the directory",
      },
    ));
  }
  return issues;
}

/**
 * Every start dir of a layout with the key that set it: the session's (its `dir`, else the
 * template), then each window's and pane's own `dir` (an unset one repeats its parent's).
 */
function layoutDirs(
  template: TemplateSpec,
  path: ConfigPath,
  layout: SessionLayout,
): { dir: string; path: ConfigPath }[] {
  const out = [{ dir: layout.dir, path: template.dir === undefined ? path : [...path, "dir"] }];
  layout.windows.forEach((w, wi) => {
    const spec = template.windows?.[wi];
    const wPath = [...path, "windows", wi];
    if (spec?.dir !== undefined) out.push({ dir: w.dir, path: [...wPath, "dir"] });
    w.panes.forEach((p, pi) => {
      const pane = spec?.panes?.[pi];
      if (pane && typeof pane === "object" && pane.dir !== undefined) {
        out.push({ dir: p.dir, path: [...wPath, "panes", pi, "dir"] });
      }
    });
  });
  return out;
}
