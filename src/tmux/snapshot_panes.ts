/**
 * Reading every pane of a server in one `list-panes -a` call. Pure. No separator is safe in
 * this output: a window made with `new-window -n` keeps control characters raw, and a
 * directory name may hold any byte but `/` and NUL (notes/tmux_names.md N3). So each field is
 * written as its length in bytes (`#{n:…}`, which counts bytes in tmux 3.3a), a colon and the
 * value, then a tab: the reader takes exactly that many bytes, and the tab after them checks
 * that it read what tmux wrote.
 */
import { ENV_OPTION, PROJECT_OPTION } from "./build.ts";
import { AUTOSAVE_OPTION } from "./autosave.ts";

/** The fields of a pane row, in order (tmux format variables). */
export const PANE_FIELDS = [
  "session_id",
  "session_name",
  PROJECT_OPTION,
  ENV_OPTION,
  AUTOSAVE_OPTION,
  "session_path",
  "window_id",
  "window_name",
  "window_layout",
  "window_active",
  "window_zoomed_flag",
  "window_width",
  "window_height",
  "pane_id",
  "pane_current_path",
  "pane_title",
  "pane_active",
  "pane_pid",
  "pane_dead",
] as const;

export type PaneField = (typeof PANE_FIELDS)[number];
export type PaneRow = Record<PaneField, string>;

/** The -F format: `#{n:F}:#{F}` and a tab for every field. */
export const PANE_FORMAT = PANE_FIELDS.map((f) => `#{n:${f}}:#{${f}}`).join("\t");

/** The UTF-8 length of one character (as a string of one code point). */
function bytesOf(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Reads length-prefixed fields from `text` at `at`: `count` fields, each `N:VALUE` then `sep`
 * (the last one then `end`). Returns the values and where reading stopped, or undefined when
 * the text is not what tmux writes (a value that was not valid UTF-8 decodes to U+FFFD, whose
 * length no longer matches).
 */
export function readFields(
  text: string,
  at: number,
  count: number,
  seps: { sep: string; end: string },
): { values: string[]; next: number } | undefined {
  const values: string[] = [];
  let i = at;
  for (let f = 0; f < count; f++) {
    const colon = text.indexOf(":", i);
    if (colon < 0 || !/^\d+$/.test(text.slice(i, colon))) return undefined;
    const want = Number(text.slice(i, colon));
    let j = colon + 1;
    let bytes = 0;
    while (bytes < want && j < text.length) {
      const ch = String.fromCodePoint(text.codePointAt(j)!);
      bytes += bytesOf(ch);
      j += ch.length;
    }
    if (bytes !== want) return undefined;
    values.push(text.slice(colon + 1, j));
    const after = f === count - 1 ? seps.end : seps.sep;
    if (text.slice(j, j + after.length) !== after) return undefined;
    i = j + after.length;
  }
  return { values, next: i };
}

/** `list-panes -a -F PANE_FORMAT` output → one row per pane, or the offset it could not read. */
export function parsePaneRows(text: string): { ok: true; rows: PaneRow[] } | {
  ok: false;
  offset: number;
} {
  const rows: PaneRow[] = [];
  let at = 0;
  while (at < text.length) {
    const read = readFields(text, at, PANE_FIELDS.length, { sep: "\t", end: "\n" });
    if (!read) return { ok: false, offset: at };
    rows.push(Object.fromEntries(PANE_FIELDS.map((f, i) => [f, read.values[i]])) as PaneRow);
    at = read.next;
  }
  return { ok: true, rows };
}

/** One session's rows, in tmux's order (windows by index, panes by index). */
export interface SessionRows {
  id: string;
  rows: PaneRow[];
}

/** Rows grouped by session, sessions in the order tmux listed them. */
export function groupBySession(rows: readonly PaneRow[]): SessionRows[] {
  const out = new Map<string, PaneRow[]>();
  for (const row of rows) {
    const list = out.get(row.session_id) ?? [];
    list.push(row);
    out.set(row.session_id, list);
  }
  return [...out].map(([id, list]) => ({ id, rows: list }));
}

/** The variables of an @rune-env mark; {} when it is unset or not rune's JSON. */
export function parseEnvMark(text: string): Record<string, string> {
  if (text === "") return {};
  try {
    const value = JSON.parse(text);
    if (value === null || typeof value !== "object" || Array.isArray(value)) return {};
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(value)) if (typeof v === "string") out[k] = v;
    return out;
  } catch {
    return {};
  }
}
