/**
 * Declared readiness as text for `--dry-run` (issue 17): when each pane or window counts as
 * ready, the order panes start in (each with what it waits for), and what a step waits for.
 * Pure; values shown with their control characters visible.
 */
import { visible } from "../base/mod.ts";
import { describeCondition as describe } from "../contract/mod.ts";
import type { GateRef, ReadyCondition, SessionReadiness, WaitTarget } from "../contract/mod.ts";

/** A condition in words, its control characters shown. */
export function describeCondition(c: ReadyCondition): string {
  return visible(describe(c));
}

/** The label of what `ref` names in `r`: "db" (a window) or "app.server" (a pane). */
export function gateLabel(r: SessionReadiness, ref: GateRef): string {
  return ref.kind === "pane"
    ? r.panes.find((p) => p.key === ref.key)?.label ?? ref.key
    : r.windows.find((w) => w.window === ref.window)?.label ?? `window ${ref.window}`;
}

export function readinessLines(r: SessionReadiness): string[] {
  const out: string[] = [];
  for (const w of r.windows) {
    if (w.ready) out.push(`ready: ${visible(w.label)} ${describeCondition(w.ready)}`);
  }
  for (const p of r.panes) {
    if (p.ready) out.push(`ready: ${visible(p.label)} ${describeCondition(p.ready)}`);
  }
  out.push("start order:");
  r.order.forEach((wave, i) => {
    const panes = wave.map((key) => {
      const p = r.panes.find((x) => x.key === key)!;
      const after = p.after.map((ref) => gateLabel(r, ref));
      return visible(p.label) +
        (after.length ? ` (after ${after.map((a) => visible(a)).join(", ")})` : "");
    });
    out.push(`  ${i + 1}. ${panes.join(" · ")}`);
  });
  return out;
}

/** "waits for app.server (session dev, step 1)" */
export function waitForLine(targets: readonly WaitTarget[]): string {
  return `waits for ${
    targets.map((t) => `${visible(t.label)} (session ${visible(t.session)}, step ${t.step})`)
      .join(", ")
  } to be ready`;
}
