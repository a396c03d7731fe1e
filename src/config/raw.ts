/**
 * The commands and templates of config data that has not (yet) passed the schema. The checks
 * after the schema read the data through these, skipping values of the wrong type (the schema
 * reports those), so one run lists every problem. Pure.
 */
import type { ConfigPath } from "./positions.ts";

export type RawMap = Record<string, unknown>;

export function isMap(value: unknown): value is RawMap {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export const RITUALS = ["start", "stop", "enter", "leave"] as const;

export interface RawCommand {
  spec: RawMap;
  path: ConfigPath;
  ritual: (typeof RITUALS)[number];
  /** The per_project key, or undefined for global commands. */
  project?: string;
}

export function rawCommands(data: unknown): RawCommand[] {
  const out: RawCommand[] = [];
  const rituals = isMap(data) ? data.rituals : undefined;
  if (!isMap(rituals)) return out;
  for (const ritual of RITUALS) {
    const spec = rituals[ritual];
    if (!isMap(spec)) continue;
    const push = (list: unknown, path: ConfigPath, project?: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((c, i) => {
        if (isMap(c)) out.push({ spec: c, path: [...path, i], ritual, project });
      });
    };
    push(spec.global, ["rituals", ritual, "global"]);
    if (isMap(spec.per_project)) {
      for (const [project, list] of Object.entries(spec.per_project)) {
        push(list, ["rituals", ritual, "per_project", project], project);
      }
    }
  }
  return out;
}

/** The places templates may be defined, in lookup order (Rune's first, then the seed's). */
export const TEMPLATE_PLACES: ConfigPath[] = [
  ["rituals", "templates"],
  ["rituals", "start", "templates"],
  ["rituals", "stop", "templates"],
];

export interface RawTemplate {
  name: string;
  spec: unknown;
  path: ConfigPath;
}

export function rawTemplates(data: unknown): RawTemplate[] {
  const out: RawTemplate[] = [];
  for (const place of TEMPLATE_PLACES) {
    let node: unknown = data;
    for (const key of place) node = isMap(node) ? node[key as string] : undefined;
    if (!isMap(node)) continue;
    for (const [name, spec] of Object.entries(node)) {
      out.push({ name, spec, path: [...place, name] });
    }
  }
  return out;
}
