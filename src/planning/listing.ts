/**
 * `rune ritual list`: what the config defines, per ritual (global and per_project commands)
 * and per template (windows, panes, layouts). Pure: Config → listing; `--json` prints the
 * listing object, src/output/listing_text.ts the lines.
 */
import type { CommandSpec, Config, PaneSpec, TemplateSpec } from "../config/mod.ts";
import { allTemplates, perProjectKey } from "./select.ts";
import type { RitualName } from "../contract/mod.ts";

export interface ListedCommand {
  name: string;
  command?: string;
  optional: boolean;
  background: boolean;
  interactive: boolean;
  tmux_session?: string;
  tmux_template?: string;
  timeout?: string | number;
  working_dir?: string;
}

export interface ListedRitual {
  global: ListedCommand[];
  /** By per_project key, in file order. */
  per_project: Record<string, ListedCommand[]>;
}

export interface ListedTemplate {
  name: string;
  /** Where it is defined: "rituals.templates", "rituals.start.templates", … */
  place: string;
  session_name: string;
  windows: { name?: string; layout?: string; panes: PaneSpec[] }[];
}

export interface RitualListing {
  /** Set when the listing is for one project. */
  project?: string;
  start: ListedRitual;
  stop: ListedRitual;
  /** The shell hook's rituals: present only when the config has them. */
  enter?: ListedRitual;
  leave?: ListedRitual;
  templates: ListedTemplate[];
}

const RITUALS: RitualName[] = ["start", "stop", "enter", "leave"];

/** With `project`, only that project's per_project commands and the templates they use. */
export function listRituals(config: Config, project?: string): RitualListing {
  const listing: RitualListing = {
    ...(project === undefined ? {} : { project }),
    start: { global: [], per_project: {} },
    stop: { global: [], per_project: {} },
    templates: [],
  };
  const used = new Set<string>();
  for (const ritual of RITUALS) {
    const spec = config.rituals?.[ritual];
    if (!spec && (ritual === "enter" || ritual === "leave")) continue;
    const into: ListedRitual = listing[ritual] ??= { global: [], per_project: {} };
    const take = (list: CommandSpec[] | null | undefined) =>
      (list ?? []).map((c) => {
        if (c.tmux_template !== undefined) used.add(c.tmux_template);
        return listCommand(c);
      });
    into.global = take(spec?.global);
    const keys = project === undefined
      ? Object.keys(spec?.per_project ?? {})
      : [perProjectKey(config, ritual, project)].filter((k): k is string => k !== undefined);
    for (const key of keys) into.per_project[key] = take(spec?.per_project?.[key]);
  }
  for (const [name, found] of allTemplates(config)) {
    if (project !== undefined && !used.has(name)) continue;
    listing.templates.push(listTemplate(name, found.spec, found.path.slice(0, -1).join(".")));
  }
  return listing;
}

function listCommand(c: CommandSpec): ListedCommand {
  return {
    name: c.name,
    ...(c.command === undefined ? {} : { command: c.command }),
    optional: c.optional === true,
    background: c.background === true,
    interactive: c.interactive === true,
    ...(c.tmux_session === undefined ? {} : { tmux_session: c.tmux_session }),
    ...(c.tmux_template === undefined ? {} : { tmux_template: c.tmux_template }),
    ...(c.timeout === undefined ? {} : { timeout: c.timeout }),
    ...(c.working_dir === undefined ? {} : { working_dir: c.working_dir }),
  };
}

function listTemplate(name: string, spec: TemplateSpec, place: string): ListedTemplate {
  return {
    name,
    place,
    session_name: spec.session_name,
    windows: (spec.windows ?? []).map((w) => ({
      ...(w.name === undefined ? {} : { name: w.name }),
      ...(w.layout === undefined ? {} : { layout: w.layout }),
      panes: w.panes ?? [],
    })),
  };
}
