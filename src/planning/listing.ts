/**
 * `rune ritual list`: what the config defines, per ritual (global and per_project commands)
 * and per template (windows, panes, layouts). Pure: Config → listing → lines. `--json` prints
 * the listing object.
 */
import type { CommandSpec, Config, PaneSpec, TemplateSpec } from "../config/schema.ts";
import type { Colors } from "../base/colors.ts";
import { allTemplates, perProjectKey } from "./select.ts";
import type { RitualName } from "../contract/plan.ts";

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
  templates: ListedTemplate[];
}

const RITUALS: RitualName[] = ["start", "stop"];

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
    const take = (list: CommandSpec[] | null | undefined) =>
      (list ?? []).map((c) => {
        if (c.tmux_template !== undefined) used.add(c.tmux_template);
        return listCommand(c);
      });
    listing[ritual].global = take(spec?.global);
    const keys = project === undefined
      ? Object.keys(spec?.per_project ?? {})
      : [perProjectKey(config, ritual, project)].filter((k): k is string => k !== undefined);
    for (const key of keys) listing[ritual].per_project[key] = take(spec?.per_project?.[key]);
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

/** The listing as text for people. */
export function formatListing(listing: RitualListing, c: Colors): string[] {
  const out: string[] = [];
  for (const ritual of RITUALS) {
    const r = listing[ritual];
    const counts = [
      `${r.global.length} global`,
      ...Object.entries(r.per_project).map(([k, list]) => `${list.length} for ${k}`),
    ];
    if (out.length) out.push("");
    out.push(`${c.bold(`${ritual} ritual`)} ${c.dim(`(${counts.join(", ")})`)}`);
    const sections: [string, ListedCommand[]][] = [
      ["global", r.global],
      ...Object.entries(r.per_project).map(([k, v]): [string, ListedCommand[]] => [
        `per_project ${c.cyan(k)}`,
        v,
      ]),
    ];
    for (const [title, commands] of sections) {
      out.push(`  ${title}`);
      if (!commands.length) out.push(c.dim("    (none)"));
      const width = Math.max(0, ...commands.map((x) => x.name.length));
      commands.forEach((x, i) => {
        const marks = markers(x);
        out.push(
          `    ${i + 1}. ${x.name.padEnd(width)}${marks ? `  ${c.dim(marks)}` : ""}`.trimEnd(),
        );
      });
    }
  }
  out.push("", c.bold("templates") + c.dim(` (${listing.templates.length})`));
  if (!listing.templates.length) out.push(c.dim("  (none)"));
  for (const t of listing.templates) {
    out.push(
      `  ${c.cyan(t.name)} ${c.dim(`(${t.place})`)}: session "${t.session_name}", ` +
        `${t.windows.length} window(s)`,
    );
    const width = Math.max(0, ...t.windows.map((w) => (w.name ?? "").length));
    for (const w of t.windows) {
      const panes = w.panes.map(paneText).join(c.dim(" | "));
      const layout = w.layout ? ` ${c.dim(`[${w.layout}]`)}` : "";
      out.push(
        `    ${
          (w.name ?? "(unnamed)").padEnd(width)
        }  ${w.panes.length} pane(s)${layout}: ${panes}`,
      );
    }
  }
  return out;
}

function markers(x: ListedCommand): string {
  const m: string[] = [];
  if (x.optional) m.push("optional");
  if (x.background) m.push("background");
  if (x.interactive) m.push("interactive");
  if (x.tmux_template !== undefined) m.push(`template ${x.tmux_template}`);
  else if (x.tmux_session !== undefined) m.push(`session ${x.tmux_session}`);
  if (x.timeout !== undefined) m.push(`timeout ${x.timeout}`);
  if (x.working_dir !== undefined) m.push(`in ${x.working_dir}`);
  return m.length ? `[${m.join(", ")}]` : "";
}

function paneText(p: PaneSpec): string {
  if (p === null) return "(shell)";
  if (typeof p === "string") return p || "(shell)";
  const cmd = Array.isArray(p.command) ? p.command.join("; ") : p.command ?? "";
  return (cmd || "(shell)") + (p.focus ? " (focus)" : "");
}
