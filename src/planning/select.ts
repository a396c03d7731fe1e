/**
 * Which commands a ritual runs, and where templates live. Pure; shared by the planner and by
 * `rune ritual list` so both read the config the same way.
 */
import type { CommandSpec, Config, TemplateSpec } from "../config/mod.ts";
import type { RitualName } from "../contract/mod.ts";

export interface SelectedCommand {
  spec: CommandSpec;
  scope: "global" | "project";
  /** Where it sits in the config: ["rituals","start","global",0]. */
  path: (string | number)[];
}

/**
 * The commands of `ritual` for `project`, in run order: start runs global then the project's,
 * stop runs the project's then global (as Rune does). The per_project key matches exactly, or
 * else case-insensitively (detected names are lowercased).
 */
export function ritualCommands(
  config: Config,
  ritual: RitualName,
  project: string | undefined,
): SelectedCommand[] {
  const spec = config.rituals?.[ritual];
  const global = (spec?.global ?? []).map((c, i): SelectedCommand => ({
    spec: c,
    scope: "global",
    path: ["rituals", ritual, "global", i],
  }));
  const key = project === undefined ? undefined : perProjectKey(config, ritual, project);
  const own = key === undefined ? [] : (spec?.per_project?.[key] ?? []).map(
    (c, i): SelectedCommand => ({
      spec: c,
      scope: "project",
      path: ["rituals", ritual, "per_project", key, i],
    }),
  );
  return ritual === "start" ? [...global, ...own] : [...own, ...global];
}

/** The per_project key naming `project` in `ritual`, if any. */
export function perProjectKey(
  config: Config,
  ritual: RitualName,
  project: string,
): string | undefined {
  const keys = Object.keys(config.rituals?.[ritual]?.per_project ?? {});
  return keys.find((k) => k === project) ??
    keys.find((k) => k.toLowerCase() === project.toLowerCase());
}

export interface FoundTemplate {
  spec: TemplateSpec;
  path: (string | number)[];
}

/** Every template by name: rituals.templates (Rune's place), then the seed's places. */
export function allTemplates(config: Config): Map<string, FoundTemplate> {
  const found = new Map<string, FoundTemplate>();
  const places: [Record<string, TemplateSpec> | null | undefined, (string | number)[]][] = [
    [config.rituals?.templates, ["rituals", "templates"]],
    [config.rituals?.start?.templates, ["rituals", "start", "templates"]],
    [config.rituals?.stop?.templates, ["rituals", "stop", "templates"]],
  ];
  for (const [templates, base] of places) {
    for (const [name, spec] of Object.entries(templates ?? {})) {
      if (!found.has(name)) found.set(name, { spec, path: [...base, name] });
    }
  }
  return found;
}

export function findTemplate(config: Config, name: string): FoundTemplate | undefined {
  return allTemplates(config).get(name);
}
