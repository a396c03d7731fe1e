/**
 * `rune ls`: what the config names — its projects (with their detect rules and how many start
 * and stop steps each has) and its templates (with who opens them). Pure: Config → data; the
 * running sessions are added by the CLI, the text made by src/output.
 */
import type { CommandSpec, Config } from "../config/mod.ts";
import { allTemplates } from "./select.ts";

export interface ProjectOverview {
  name: string;
  /** The detect rules, as written. */
  detect: string[];
  dir?: string;
  /** Steps of its own (per_project) in each ritual. */
  start: number;
  stop: number;
  /** False for a name only per_project uses: no `projects:` entry, so never detected. */
  listed: boolean;
}

export interface TemplateOverview {
  name: string;
  /** "rituals.templates", "rituals.start.templates", … */
  place: string;
  session_name: string;
  windows: number;
  panes: number;
  /** The per_project keys whose steps open it, and "global" for a global step. */
  usedBy: string[];
}

export interface ConfigOverview {
  projects: ProjectOverview[];
  templates: TemplateOverview[];
}

export function configOverview(config: Config): ConfigOverview {
  const rituals = config.rituals;
  const own = (ritual: "start" | "stop", name: string) => {
    const lists = rituals?.[ritual]?.per_project ?? {};
    const key = Object.keys(lists).find((k) => k.toLowerCase() === name.toLowerCase());
    return key === undefined ? 0 : (lists[key] ?? []).length;
  };
  const projects: ProjectOverview[] = (config.projects ?? []).map((p) => ({
    name: p.name,
    detect: p.detect ?? [],
    ...(p.dir !== undefined && { dir: p.dir }),
    start: own("start", p.name),
    stop: own("stop", p.name),
    listed: true,
  }));
  const known = new Set(projects.map((p) => p.name.toLowerCase()));
  for (const ritual of ["start", "stop"] as const) {
    for (const key of Object.keys(rituals?.[ritual]?.per_project ?? {})) {
      if (known.has(key.toLowerCase())) continue;
      known.add(key.toLowerCase());
      projects.push({
        name: key,
        detect: [],
        start: own("start", key),
        stop: own("stop", key),
        listed: false,
      });
    }
  }
  const users = templateUsers(config);
  const templates = [...allTemplates(config)].map(([name, found]): TemplateOverview => {
    const windows = found.spec.windows ?? [];
    return {
      name,
      place: found.path.slice(0, -1).join("."),
      session_name: found.spec.session_name,
      windows: windows.length,
      panes: windows.reduce((n, w) => n + (w.panes?.length ?? 0), 0),
      usedBy: [...(users.get(name) ?? [])],
    };
  });
  return { projects, templates };
}

/** Template name → who opens it: per_project keys, or "global". */
function templateUsers(config: Config): Map<string, Set<string>> {
  const users = new Map<string, Set<string>>();
  const note = (list: CommandSpec[] | null | undefined, who: string) => {
    for (const c of list ?? []) {
      if (c.tmux_template === undefined) continue;
      if (!users.has(c.tmux_template)) users.set(c.tmux_template, new Set());
      users.get(c.tmux_template)!.add(who);
    }
  };
  for (const ritual of ["start", "stop"] as const) {
    const spec = config.rituals?.[ritual];
    note(spec?.global, "global");
    for (const [key, list] of Object.entries(spec?.per_project ?? {})) note(list, key);
  }
  return users;
}
