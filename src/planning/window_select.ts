/**
 * `rune start web --windows editor,logs`: only those windows of a template's session, in the
 * template's order, by their (expanded) names. A name the template lacks is an error with the
 * names it has; the focus moves to the first chosen window when the focused one is left out.
 * Pure.
 */
import { err, errorIssue, ok, suggest } from "../base/mod.ts";
import type { Issue, Location, Result } from "../base/mod.ts";
import type { SessionLayout } from "../contract/mod.ts";

export interface ChosenWindows {
  /** The layout to build: only the chosen windows. */
  layout: SessionLayout;
  /**
   * The layout whose start dirs are checked: every window, the left-out ones emptied so their
   * dirs are not asked for, and in the template's order so each issue has its key.
   */
  checked: SessionLayout;
}

export function selectWindows(
  layout: SessionLayout,
  names: readonly string[] | undefined,
  o: { step: string; where?: Location },
): Result<ChosenWindows, Issue[]> {
  if (!names?.length) return ok({ layout, checked: layout });
  const have = layout.windows.flatMap((w) => w.name === undefined ? [] : [w.name]);
  const issues: Issue[] = [];
  for (const name of new Set(names)) {
    if (have.includes(name)) continue;
    const meant = suggest(name, have);
    issues.push(errorIssue(
      "unknown-window",
      `Cannot start window "${name}" of "${o.step}": template "${layout.template}" has no ` +
        "window so named",
      {
        where: o.where,
        hint: (meant ? `Did you mean "${meant}"? ` : "") +
          (have.length ? `Its windows: ${have.join(", ")}` : "Its windows have no names"),
      },
    ));
  }
  if (issues.length) return err(issues);
  const keep = layout.windows.map((w) => w.name !== undefined && names.includes(w.name));
  const windows = layout.windows.filter((_, i) => keep[i]);
  const focused = windows.some((w) => w.focus);
  return ok({
    layout: {
      ...layout,
      windows: focused ? windows : windows.map((w, i) => ({ ...w, focus: i === 0 })),
    },
    checked: {
      ...layout,
      windows: layout.windows.map((w, i) => keep[i] ? w : { ...w, dir: layout.dir, panes: [] }),
    },
  });
}
