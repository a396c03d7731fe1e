/**
 * What changed between two texts, line by line, as `rune trust` shows a changed `.rune.yaml`:
 * hunks of removed (`-`) and added (`+`) lines with two lines of context, each after a
 * `@@ line N @@` header (N counts lines of the new text). Pure. Every line shows its control
 * characters.
 */
import { visible } from "../base/mod.ts";

/** Above this many lines on each side (after the common start and end), no LCS is made. */
const LCS_MAX = 3000;
const CONTEXT = 2;

type Op = { kind: " " | "-" | "+"; text: string };

export function lineDiff(before: string, after: string): string[] {
  const a = splitLines(before);
  const b = splitLines(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) endA--, endB--;
  const ops: Op[] = [
    ...a.slice(0, start).map((text): Op => ({ kind: " ", text })),
    ...middle(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map((text): Op => ({ kind: " ", text })),
  ];
  return hunks(ops);
}

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

/** The changed middle: an LCS when it is small enough, else all removed then all added. */
function middle(a: string[], b: string[]): Op[] {
  if (!a.length || !b.length || a.length > LCS_MAX || b.length > LCS_MAX) {
    return [
      ...a.map((text): Op => ({ kind: "-", text })),
      ...b.map((text): Op => ({ kind: "+", text })),
    ];
  }
  // lengths[i][j]: the LCS of a[i..] and b[j..].
  const width = b.length + 1;
  const lengths = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j]
        ? lengths[(i + 1) * width + j + 1] + 1
        : Math.max(lengths[(i + 1) * width + j], lengths[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: " ", text: a[i] });
      i++, j++;
    } else if (lengths[(i + 1) * width + j] >= lengths[i * width + j + 1]) {
      ops.push({ kind: "-", text: a[i++] });
    } else {
      ops.push({ kind: "+", text: b[j++] });
    }
  }
  while (i < a.length) ops.push({ kind: "-", text: a[i++] });
  while (j < b.length) ops.push({ kind: "+", text: b[j++] });
  return ops;
}

function hunks(ops: Op[]): string[] {
  const changed = ops.map((op) => op.kind !== " ");
  const shown = ops.map((_, k) => {
    for (let d = -CONTEXT; d <= CONTEXT; d++) if (changed[k + d]) return true;
    return false;
  });
  const out: string[] = [];
  let newLine = 0;
  ops.forEach((op, k) => {
    if (op.kind !== "-") newLine++;
    if (!shown[k]) return;
    if (k === 0 || !shown[k - 1]) out.push(`@@ line ${op.kind === "-" ? newLine + 1 : newLine} @@`);
    out.push(`${op.kind} ${visible(op.text)}`);
  });
  return out;
}
