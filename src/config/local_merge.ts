/**
 * A trusted local file merged over the user's config: its project (with its directory pinned
 * to where the file is), its per_project commands after the user's own for that project, its
 * templates beside the user's. Every merged value still locates in the file it came from, so
 * an error in a local command names `.rune.yaml:line:col`. Pure.
 */
import type { Location } from "../base/mod.ts";
import type { Config, ProjectSpec, TemplateSpec } from "./schema.ts";
import type { LoadedConfig } from "./load.ts";
import type { ConfigPath } from "./positions.ts";
import { LOCAL_RITUALS, templatesAt } from "./local.ts";
import type { LocalConfig } from "./local.ts";
import { TEMPLATE_PLACES } from "./raw.ts";

type Locate = (path: ConfigPath) => Location | undefined;

/** What the merged config says about the local file it holds. */
export interface MergedLocal {
  file: string;
  dir: string;
  project: string;
}

/** `user` (undefined: there is none) with `local` merged in. */
export function mergeLocalConfig(
  user: LoadedConfig | undefined,
  local: LocalConfig,
): LoadedConfig & { local: MergedLocal } {
  const base: Config = user?.config ?? {};
  const name = local.project;
  const lower = name.toLowerCase();

  const projects: ProjectSpec[] = [];
  let pinned = false;
  for (const p of base.projects ?? []) {
    if (!pinned && p.name.toLowerCase() === lower) {
      projects.push({ ...p, dir: local.dir });
      pinned = true;
    } else projects.push(p);
  }
  // The file's own detect rules are not merged: the project is the file's directory, found
  // by the file itself (rules of a file in a repository must not claim other directories).
  if (!pinned) projects.unshift({ name, dir: local.dir });

  // Each merged per_project list: the user's commands first, then the file's.
  const offsets = new Map<string, { key: string; localKey: string; from: number }>();
  const rituals: NonNullable<Config["rituals"]> = { ...(base.rituals ?? {}) };
  for (const ritual of LOCAL_RITUALS) {
    const localPer = local.config.rituals?.[ritual]?.per_project ?? {};
    const localKey = Object.keys(localPer)[0];
    if (localKey === undefined) continue;
    const userSpec = base.rituals?.[ritual] ?? {};
    const userPer = userSpec.per_project ?? {};
    const key = Object.keys(userPer).find((k) => k === name) ??
      Object.keys(userPer).find((k) => k.toLowerCase() === lower) ?? name;
    const mine = userPer[key] ?? [];
    offsets.set(ritual, { key, localKey, from: mine.length });
    rituals[ritual] = {
      ...userSpec,
      per_project: { ...userPer, [key]: [...mine, ...(localPer[localKey] ?? [])] },
    };
  }
  const localTemplates = new Set<string>();
  for (const place of TEMPLATE_PLACES) {
    const adds = templatesAt(local.config, place) as Record<string, TemplateSpec>;
    if (!Object.keys(adds).length) continue;
    const [, ritual] = place;
    if (place.length === 2) {
      rituals.templates = { ...(rituals.templates ?? {}), ...adds };
    } else {
      const r = ritual as "start" | "stop";
      rituals[r] = {
        ...(rituals[r] ?? {}),
        templates: { ...(rituals[r]?.templates ?? {}), ...adds },
      };
    }
    for (const t of Object.keys(adds)) localTemplates.add(`${place.join(".")}.${t}`);
  }

  const route = (userLocate: Locate | undefined, localLocate: Locate): Locate => (path) => {
    const [top, ritual, per, key, index, ...rest] = path;
    if (top === "rituals" && per === "per_project" && typeof index === "number") {
      const o = offsets.get(String(ritual));
      if (o && key === o.key && index >= o.from) {
        return localLocate(["rituals", ritual, "per_project", o.localKey, index - o.from, ...rest]);
      }
    }
    for (const place of TEMPLATE_PLACES) {
      const t = path[place.length];
      const under = place.every((p, i) => path[i] === p);
      if (under && t !== undefined && localTemplates.has(`${place.join(".")}.${t}`)) {
        return localLocate(path);
      }
    }
    return userLocate ? userLocate(path) : undefined;
  };

  return {
    file: user?.file ?? local.file,
    config: { ...base, projects, rituals },
    warnings: [...(user?.warnings ?? []), ...local.warnings],
    locate: route(user?.locate, local.locate),
    locateKey: route(user?.locateKey, local.locateKey),
    source: user?.source ?? LOCAL_SOURCE,
    local: { file: local.file, dir: local.dir, project: name },
  };
}

/** `source` of a config made of a local file alone (the user has no config). */
export const LOCAL_SOURCE = ".rune.yaml";
