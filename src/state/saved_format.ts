/**
 * A saved session as the text of its file: a rune template (session_name, dir, windows with
 * name, layout, focus and panes with dir) plus what a snapshot adds — the session's size,
 * project, env and options, each window's zoom and window_options, each pane's title and the
 * program it was running. Pure. Written by hand, not by a YAML library, so `rune session
 * save` loads none: every string is a YAML double-quoted scalar (JSON's escapes are YAML's,
 * and what YAML does not allow raw, or would hide on screen, is written as \uXXXX).
 */
import type { SavedPane, SavedSession, SavedWindow } from "../contract/mod.ts";

/** The format's version, the file's first key. */
export const SAVED_FORMAT = 1;

// DEL and C1 controls (JSON leaves them raw, YAML forbids them), line/paragraph separators,
// bidi controls, the BOM and noncharacters: escaped so the file reads back exactly.
const ESCAPE_MORE =
  /[\u007f-\u009f\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]/g;

/** `value` as a YAML double-quoted scalar that reads back as exactly `value`. */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(
    ESCAPE_MORE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
}

/** The whole file for `session`, saved at `savedAt` (an ISO time). */
export function formatSaved(session: SavedSession, savedAt: string): string {
  const out: string[] = [
    `# rune: the tmux session ${yamlString(session.name)}, saved by \`rune session save\`.`,
    `# Restore it with \`rune session restore\`; \`rune session save --to-config\` makes it a template.`,
    `rune_saved_session: ${SAVED_FORMAT}`,
    `saved_at: ${yamlString(savedAt)}`,
    `session_name: ${yamlString(session.name)}`,
    `project: ${yamlString(session.project)}`,
    `dir: ${yamlString(session.dir)}`,
    `size: ${yamlString(`${session.size.columns}x${session.size.rows}`)}`,
  ];
  map(out, "", "env", session.env);
  map(out, "", "options", session.options);
  out.push("windows:");
  for (const w of session.windows) windowLines(out, w);
  return out.join("\n") + "\n";
}

/** The file's text without its `saved_at` line: equal for two saves of the same state. */
export function savedBody(text: string): string {
  return text.replace(/^saved_at: .*\n/m, "");
}

function windowLines(out: string[], w: SavedWindow): void {
  out.push(`  - name: ${yamlString(w.name)}`);
  out.push(`    layout: ${yamlString(w.layout)}`);
  if (w.active) out.push("    focus: true");
  if (w.zoomed) out.push("    zoom: true");
  map(out, "    ", "window_options", w.options);
  out.push("    panes:");
  for (const p of w.panes) paneLines(out, p);
}

function paneLines(out: string[], p: SavedPane): void {
  out.push(`      - dir: ${yamlString(p.dir)}`);
  out.push(`        title: ${yamlString(p.title)}`);
  if (p.active) out.push("        focus: true");
  if (typeof p.running === "string") out.push(`        running: ${yamlString(p.running)}`);
  else if (p.running) out.push(`        running: [${p.running.map(yamlString).join(", ")}]`);
}

function map(out: string[], indent: string, key: string, record: Record<string, string>): void {
  const entries = Object.entries(record);
  if (!entries.length) return;
  out.push(`${indent}${key}:`);
  for (const [k, v] of entries) out.push(`${indent}  ${yamlString(k)}: ${yamlString(v)}`);
}
