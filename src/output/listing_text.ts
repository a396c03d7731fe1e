/**
 * `rune ritual list` for people: the listing of src/planning as lines. Pure. Every configured
 * value shows its control characters.
 */
import { visible } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import type { PaneSpec } from "../config/mod.ts";
import type { ListedCommand, RitualListing } from "../planning/mod.ts";

const RITUALS = ["start", "stop", "enter", "leave"] as const;

/** The listing as text for people. */
export function formatListing(listing: RitualListing, c: Colors): string[] {
  const out: string[] = [];
  for (const ritual of RITUALS) {
    const r = listing[ritual];
    if (!r) continue;
    const counts = [
      `${r.global.length} global`,
      ...Object.entries(r.per_project).map(([k, list]) => `${list.length} for ${visible(k)}`),
    ];
    if (out.length) out.push("");
    out.push(`${c.bold(`${ritual} ritual`)} ${c.dim(`(${counts.join(", ")})`)}`);
    const sections: [string, ListedCommand[]][] = [
      ["global", r.global],
      ...Object.entries(r.per_project).map(([k, v]): [string, ListedCommand[]] => [
        `per_project ${c.cyan(visible(k))}`,
        v,
      ]),
    ];
    for (const [title, commands] of sections) {
      out.push(`  ${title}`);
      if (!commands.length) out.push(c.dim("    (none)"));
      const width = Math.max(0, ...commands.map((x) => visible(x.name).length));
      commands.forEach((x, i) => {
        const marks = visible(markers(x));
        out.push(
          `    ${i + 1}. ${visible(x.name).padEnd(width)}${marks ? `  ${c.dim(marks)}` : ""}`
            .trimEnd(),
        );
      });
    }
  }
  out.push("", c.bold("templates") + c.dim(` (${listing.templates.length})`));
  if (!listing.templates.length) out.push(c.dim("  (none)"));
  for (const t of listing.templates) {
    out.push(
      `  ${c.cyan(visible(t.name))} ${c.dim(`(${t.place})`)}: ` +
        `session "${visible(t.session_name)}", ` +
        `${t.windows.length} window(s)`,
    );
    const width = Math.max(0, ...t.windows.map((w) => visible(w.name ?? "").length));
    for (const w of t.windows) {
      const panes = w.panes.map((p) => visible(paneText(p))).join(c.dim(" | "));
      const layout = w.layout ? ` ${c.dim(`[${visible(w.layout)}]`)}` : "";
      const name = w.name === undefined ? "(unnamed)" : visible(w.name);
      out.push(`    ${name.padEnd(width)}  ${w.panes.length} pane(s)${layout}: ${panes}`);
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
