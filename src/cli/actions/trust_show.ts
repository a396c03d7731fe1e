/**
 * What `rune trust` shows before it asks: what the file would add, as `--dry-run` shows it —
 * each ritual of its project planned from the file alone (so the commands appear expanded,
 * with their directories and timeouts, and templates as their windows and panes) — and the
 * templates it defines.
 */
import { formatPlan } from "../../output/mod.ts";
import { planRitual } from "../../planning/mod.ts";
import type { RitualName } from "../../contract/mod.ts";
import { mergeLocalConfig, TEMPLATE_PLACES, templatesAt } from "../../config/mod.ts";
import type { LocalConfig, TemplateSpec } from "../../config/mod.ts";
import { formatIssue, visible } from "../../base/mod.ts";
import type { Colors } from "../../base/mod.ts";
import { localDetectedBy } from "../project_config.ts";
import { isDirectory } from "../fs_facts.ts";

const RITUALS: RitualName[] = ["start", "stop", "enter", "leave"];

export function whatItAdds(
  local: LocalConfig,
  o: { colors: Colors; env: Record<string, string> },
): string[] {
  const merged = mergeLocalConfig(undefined, local);
  const project = {
    name: local.project.toLowerCase(),
    dir: local.dir,
    detectedBy: localDetectedBy(merged.local),
  };
  const out: string[] = [];
  for (const ritual of RITUALS) {
    if (!Object.values(local.config.rituals?.[ritual]?.per_project ?? {}).some((l) => l?.length)) {
      continue;
    }
    const planned = planRitual(merged, ritual, project, {
      env: o.env,
      now: new Date(),
      isDirectory,
    });
    out.push("");
    if (!planned.ok) {
      out.push(`${ritual} ritual: it cannot be planned here yet:`);
      for (const issue of planned.error) out.push(`  ${formatIssue(issue)}`);
      continue;
    }
    out.push(...formatPlan(planned.value, { colors: o.colors, home: o.env.HOME }));
  }
  const templates: string[] = [];
  for (const place of TEMPLATE_PLACES) {
    for (const [name, spec] of Object.entries(templatesAt(local.config, place))) {
      const t = spec as TemplateSpec;
      const windows = (t.windows ?? []).map((w) => visible(w.name ?? "(unnamed)")).join(", ");
      templates.push(
        `  ${o.colors.cyan(visible(name))}: session "${visible(t.session_name)}", ` +
          `windows ${windows || "(none)"}`,
      );
    }
  }
  if (templates.length) out.push("", o.colors.bold("templates"), ...templates);
  if (!out.length) out.push("", "it adds no commands and no templates");
  return out;
}
