/**
 * Window layouts: one of tmux's five presets, or a layout string as tmux prints it
 * (`#{window_layout}`: "cf3a,200x50,0,0{100x50,0,0,0,99x50,101,0,1}"). A string is checked the
 * way tmux 3.3a checks it (syntax, checksum, child sizes adding up), so a layout tmux would
 * reject is a config error before anything runs. Pure.
 */
import { LAYOUT_PRESETS } from "./schema.ts";
import { suggest } from "./did_you_mean.ts";

export type LayoutVerdict =
  | { ok: true; kind: "preset" }
  | { ok: true; kind: "custom"; panes: number }
  | { ok: false; problem: string; hint: string };

interface Cell {
  sx: number;
  sy: number;
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
      problem: `the layout string cannot be read at character ${
        (parsed?.end ?? 0) + sum.length + 2
      }`,
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
  if (!sizesAddUp(parsed.cell)) {
    return {
      ok: false,
      problem: "the sizes of its panes do not add up to the size of the window",
      hint: "Copy the layout again from tmux display -p '#{window_layout}'",
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
  const head = /(\d+)x(\d+),(\d+),(\d+)/y;
  head.lastIndex = start;
  const m = head.exec(s);
  if (!m) return undefined;
  const cell: Cell = { sx: Number(m[1]), sy: Number(m[2]), children: [] };
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

function sizesAddUp(cell: Cell): boolean {
  if (!cell.split) return true;
  let total = -1;
  for (const child of cell.children) {
    if (!sizesAddUp(child)) return false;
    if (cell.split === "{") {
      if (child.sy !== cell.sy) return false;
      total += child.sx + 1;
    } else {
      if (child.sx !== cell.sx) return false;
      total += child.sy + 1;
    }
  }
  return total === (cell.split === "{" ? cell.sx : cell.sy);
}

function countLeaves(cell: Cell): number {
  return cell.split ? cell.children.reduce((n, c) => n + countLeaves(c), 0) : 1;
}
