/**
 * An ImportResult as rune config text: the template under `rituals.templates.NAME` and its
 * commands under `rituals.start|stop.per_project.NAME`, with a comment header naming the source
 * file and everything that was not imported. Pure.
 */
import { Document } from "yaml";
import type { Issue } from "../base/mod.ts";
import type { ImportResult, RuneCommand, RunePane, RuneTemplate, RuneWindow } from "./types.ts";

const TEMPLATE_KEYS = [
  "session_name",
  "dir",
  "attach",
  "before",
  "on_first_start",
  "on_reuse",
  "pre_window",
  "env",
  "options",
  "window_options",
  "windows",
];
const WINDOW_KEYS = [
  "name",
  "dir",
  "layout",
  "focus",
  "synchronize",
  "pre",
  "env",
  "window_options",
  "panes",
];
const PANE_KEYS = ["title", "command", "dir", "shell", "env", "focus"];
const COMMAND_KEYS = ["name", "command", "working_dir", "optional", "interactive", "tmux_template"];

/** Options for the YAML text: no folding (commands stay on one line), 2-space indent. */
export const YAML_OUTPUT = { lineWidth: 0, indent: 2 } as const;

/** The config fragment for `result`, as YAML text with a comment header. */
export function renderImport(result: ImportResult): string {
  const doc = new Document(fragmentOf(result));
  doc.commentBefore = headerLines(result).join("\n");
  return doc.toString(YAML_OUTPUT);
}

/** `{rituals: {templates: {NAME: …}, start: …, stop: …}}` in rune's key order. */
export function fragmentOf(result: ImportResult): Record<string, unknown> {
  const rituals: Record<string, unknown> = {
    templates: { [result.name]: orderedTemplate(result.template) },
    start: { per_project: { [result.name]: result.start.map(orderedCommand) } },
  };
  if (result.stop.length) {
    rituals.stop = { per_project: { [result.name]: result.stop.map(orderedCommand) } };
  }
  return { rituals };
}

/** The comment lines (without `#`) that head an imported fragment. */
export function headerLines(result: ImportResult): string[] {
  const lines = [
    ` Imported by \`rune import ${result.kind}\` from ${result.file}`,
    ` Start it with \`rune start ${result.name}\`.`,
  ];
  if (result.kind !== "tmuxp") {
    lines.push(
      ` ${result.kind} stop also kills the session: settings.tmux.kill_sessions_on_stop: true ` +
        "does that in rune.",
    );
  }
  if (result.warnings.length) {
    lines.push(" Read before use (not imported, or imported differently):");
    for (const w of result.warnings) lines.push(`   ${warningLine(w)}`);
  }
  return lines;
}

/** "line 12: Cannot import socket_name …" (the file is named once, in the header). */
export function warningLine(issue: Issue): string {
  const where = issue.where ? `line ${issue.where.line}:${issue.where.column}: ` : "";
  return `${where}${issue.problem}`;
}

export function orderedTemplate(t: RuneTemplate): Record<string, unknown> {
  const out = ordered(t as unknown as Record<string, unknown>, TEMPLATE_KEYS);
  out.windows = t.windows.map(orderedWindow);
  return out;
}

function orderedWindow(w: RuneWindow): Record<string, unknown> {
  const out = ordered(w as unknown as Record<string, unknown>, WINDOW_KEYS);
  out.panes = w.panes.map(orderedPane);
  return out;
}

function orderedPane(p: RunePane): unknown {
  if (p === null || typeof p === "string") return p;
  return ordered(p as Record<string, unknown>, PANE_KEYS);
}

export function orderedCommand(c: RuneCommand): Record<string, unknown> {
  return ordered(c as unknown as Record<string, unknown>, COMMAND_KEYS);
}

/** `value`'s keys in `order`, then any others, skipping undefined values. */
function ordered(value: Record<string, unknown>, order: string[]): Record<string, unknown> {
  const keys = [...order, ...Object.keys(value).filter((k) => !order.includes(k))];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (value[k] !== undefined) out[k] = value[k];
  return out;
}
