/**
 * `rune ls` for people: projects, templates and rune's running sessions as lines, every value
 * from the config or tmux with its control characters shown (visible()). Pure.
 */
import { visible as v } from "../base/mod.ts";
import type { Colors } from "../base/mod.ts";
import type { ConfigOverview } from "../planning/mod.ts";
import type { SessionInfo } from "../tmux/mod.ts";

/** The sessions part: listed, or why not (tmux missing, the server unreachable). */
export type SessionsFact = { ok: true; sessions: SessionInfo[] } | { ok: false; message: string };

export function formatOverview(o: ConfigOverview, sessions: SessionsFact, c: Colors): string[] {
  const out = [c.bold("projects") + c.dim(` (${o.projects.length})`)];
  if (!o.projects.length) out.push(c.dim("  (none: add one under projects:)"));
  const pw = Math.max(0, ...o.projects.map((p) => v(p.name).length));
  for (const p of o.projects) {
    const rules = p.listed
      ? (p.detect.length ? `detect ${p.detect.map((r) => v(r)).join(", ")}` : "no detect rules")
      : "only under per_project: never detected, start it by name";
    const steps = [`start ${p.start}`, `stop ${p.stop}`, ...(p.dir ? [`dir ${v(p.dir)}`] : [])];
    out.push(`  ${c.cyan(v(p.name).padEnd(pw))}  ${rules}${c.dim(` · ${steps.join(" · ")}`)}`);
  }
  out.push("", c.bold("templates") + c.dim(` (${o.templates.length})`));
  if (!o.templates.length) out.push(c.dim("  (none)"));
  const tw = Math.max(0, ...o.templates.map((t) => v(t.name).length));
  for (const t of o.templates) {
    const used = t.usedBy.length
      ? `used by ${t.usedBy.map((u) => v(u)).join(", ")}`
      : "used by no step";
    out.push(
      `  ${c.cyan(v(t.name).padEnd(tw))}  session ${v(t.session_name)} · ${t.windows} window(s), ` +
        `${t.panes} pane(s)${c.dim(` · ${used}`)}`,
    );
  }
  out.push("", c.bold("sessions") + c.dim(" (rune's, on the tmux server)"));
  if (!sessions.ok) {
    out.push(c.dim(`  none listed: ${v(sessions.message)}`));
    return out;
  }
  if (!sessions.sessions.length) out.push(c.dim("  (none running)"));
  const sw = Math.max(0, ...sessions.sessions.map((s) => v(s.name).length));
  for (const s of sessions.sessions) {
    out.push(
      `  ${c.cyan(v(s.name).padEnd(sw))}  project ${v(s.project)} · ${s.windows} window(s)` +
        (s.attached ? ` · ${c.green("attached")}` : ""),
    );
  }
  return out;
}
