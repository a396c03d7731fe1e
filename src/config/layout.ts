/**
 * Window layouts: one of tmux's five presets, or a layout string as tmux prints it
 * (`#{window_layout}`: "cf3a,200x50,0,0{100x50,0,0,0,99x50,101,0,1}"). A string is checked as
 * tmux 3.3a checks it (syntax and checksum; it accepts child sizes that do not add up, and
 * leaves without pane ids), so a layout tmux would reject is a config error before anything
 * runs. Pure.
 */
import { LAYOUT_PRESETS } from "./schema.ts";
import { suggest } from "../base/mod.ts";

export type LayoutVerdict =
  | { ok: true; kind: "preset" }
  | { ok: true; kind: "custom"; panes: number }
  | { ok: false; problem: string; hint: string };

interface Cell {
  children: Cell[];
  split?: "{" | "[";
}

export function checkLayout(text: string): LayoutVerdict {
  if ((LAYOUT_PRESETS as readonly string[]).includes(text)) return { ok: true, kind: "preset" };
  const m = /^([0-9a-fA-F]{4}),(.*)$/s.exec(text);
  if (!m) {
    const meant = suggest(text, LAYOUT_PRESETS);
    return {
      ok: false,
      problem: `it is neither a tmux layout name nor a layout string`,
      hint: meant
        ? `Did you mean "${meant}"?`
        : `Use one of ${LAYOUT_PRESETS.join(", ")}, or a layout string from ` +
          `tmux display -p '#{window_layout}'`,
    };
  }
  const [, sum, body] = m;
  const parsed = parseCell(body, 0);
  if (!parsed || parsed.end !== body.length) {
    return {
      ok: false,
      problem: "tmux cannot read it as a layout string",
      hint: "Copy the layout again from tmux display -p '#{window_layout}'",
    };
  }
  const want = layoutChecksum(body);
  if (want !== sum.toLowerCase()) {
    return {
      ok: false,
      problem: `tmux rejects its checksum "${sum}": the layout's checksum is "${want}"`,
      hint: `Write "${want},${body}", or copy the layout from tmux display -p '#{window_layout}'`,
    };
  }
  return { ok: true, kind: "custom", panes: countLeaves(parsed.cell) };
}

/** tmux's layout checksum (layout-custom.c): a 16-bit rotate-and-add over the body. */
export function layoutChecksum(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    sum = ((sum >> 1) + ((sum & 1) << 15)) & 0xffff;
    sum = (sum + body.charCodeAt(i)) & 0xffff;
  }
  return sum.toString(16).padStart(4, "0");
}

function parseCell(s: string, start: number): { cell: Cell; end: number } | undefined {
  const head = /\d+x\d+,\d+,\d+/y;
  head.lastIndex = start;
  const m = head.exec(s);
  if (!m) return undefined;
  const cell: Cell = { children: [] };
  let i = head.lastIndex;
  // An optional ",ID" follows a leaf; "," then digits then "x" is the next cell instead.
  const id = /,(\d+)(?!\d|x)/y;
  id.lastIndex = i;
  if (id.exec(s)) i = id.lastIndex;
  const open = s[i];
  if (open === "{" || open === "[") {
    const close = open === "{" ? "}" : "]";
    cell.split = open;
    i++;
    for (;;) {
      const child = parseCell(s, i);
      if (!child) return undefined;
      cell.children.push(child.cell);
      i = child.end;
      if (s[i] === ",") i++;
      else if (s[i] === close) return { cell, end: i + 1 };
      else return undefined;
    }
  }
  return { cell, end: i };
}

function countLeaves(cell: Cell): number {
  return cell.split ? cell.children.reduce((n, c) => n + countLeaves(c), 0) : 1;
}
