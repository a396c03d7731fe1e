/**
 * A ritual step's `wait_for` (issue 17), resolved against the tmux_template steps before it:
 * `WINDOW` or `WINDOW.PANE` in the nearest earlier template step that has it, or
 * `TEMPLATE:WINDOW.PANE` to name the template. A name no earlier step has is a located error.
 * The steps waited for are marked `watched`, so their panes stay watched after they are
 * built. Pure.
 */
import { errorIssue } from "../base/mod.ts";
import type { Issue, Location } from "../base/mod.ts";
import { resolveName } from "../readiness/mod.ts";
import type { Config, ConfigPath } from "../config/mod.ts";
import type { Step, TmuxStep, WaitTarget } from "../contract/mod.ts";
import { findTemplate } from "./select.ts";

export function resolveWaitFor(
  value: string | string[] | undefined,
  earlier: Step[],
  o: {
    config: Config;
    step: string;
    path: ConfigPath;
    locate: (path: ConfigPath) => Location | undefined;
    issues: Issue[];
  },
): WaitTarget[] | undefined {
  if (value === undefined) return undefined;
  const list = Array.isArray(value) ? value : [value];
  const templates = earlier.filter((s): s is TmuxStep => s.kind === "tmux" && !!s.layout);
  const targets: WaitTarget[] = [];
  list.forEach((ref, i) => {
    const colon = ref.indexOf(":");
    const template = colon > 0 ? ref.slice(0, colon) : undefined;
    const name = colon > 0 ? ref.slice(colon + 1) : ref;
    for (const step of [...templates].reverse()) {
      if (template !== undefined && step.layout!.template !== template) continue;
      const spec = findTemplate(o.config, step.layout!.template)?.spec;
      const gate = spec && resolveName(spec, name);
      if (!gate) continue;
      targets.push({ step: step.id, session: step.session, gate, label: ref });
      step.watched = true;
      return;
    }
    o.issues.push(errorIssue(
      "unknown-wait",
      `Cannot plan "${o.step}": no tmux_template step before it has a window or pane "${ref}"`,
      {
        where: o.locate(Array.isArray(value) ? [...o.path, i] : o.path),
        hint: templates.length
          ? `Write WINDOW or WINDOW.PANE of template ${
            templates.map((t) => `"${t.layout!.template}"`).join(", ")
          } (or TEMPLATE:WINDOW.PANE)`
          : "Put this step after the tmux_template step whose panes it waits for",
      },
    ));
  });
  return targets;
}
