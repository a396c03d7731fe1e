/**
 * When the typing phase turns on synchronize-panes for a template window (`synchronize:`).
 * send-keys to a pane of a synchronized window reaches every pane of it, so "before" waits
 * until all its typed panes read input, turns it on, then types them all (each pane gets every
 * pane's lines, as the user asked); "after" turns it on once all its typed panes have been
 * typed. Pure: panes are keys ("w2p1"); the executor maps them to ids and runs tmux.
 */
import type { SyncWindow } from "../contract/mod.ts";

export class SyncTyping<P extends { key: string }> {
  #windows: SyncWindow[];
  #done = new Set<SyncWindow>();
  /** Ready panes of "before" windows not all ready yet. */
  #waiting = new Map<string, P>();
  #typed = new Set<string>();

  /** `typing`: the keys this phase types; a window not all among them is left alone. */
  constructor(windows: readonly SyncWindow[], typing: Iterable<string>) {
    const keys = new Set(typing);
    this.#windows = windows.filter((w) => w.panes.every((k) => keys.has(k)));
  }

  /**
   * Panes that became ready → the ones to type now, and the windows (one pane key of each) to
   * synchronize before typing them.
   */
  ready(batch: readonly P[]): { type: P[]; syncFirst: string[] } {
    const type: P[] = [];
    for (const pane of batch) {
      if (this.#pending("before").some((w) => w.panes.includes(pane.key))) {
        this.#waiting.set(pane.key, pane);
      } else type.push(pane);
    }
    const syncFirst: string[] = [];
    for (const w of this.#pending("before")) {
      if (!w.panes.every((k) => this.#waiting.has(k))) continue;
      this.#done.add(w);
      syncFirst.push(w.panes[0]);
      for (const k of w.panes) {
        type.push(this.#waiting.get(k)!);
        this.#waiting.delete(k);
      }
    }
    return { type, syncFirst };
  }

  /** After `keys` were typed: the "after" windows now fully typed (one pane key of each). */
  typed(keys: readonly string[]): string[] {
    for (const k of keys) this.#typed.add(k);
    const now: string[] = [];
    for (const w of this.#pending("after")) {
      if (!w.panes.every((k) => this.#typed.has(k))) continue;
      this.#done.add(w);
      now.push(w.panes[0]);
    }
    return now;
  }

  /** Ready panes still held for a "before" window (the phase ended early: Ctrl-C). */
  held(): P[] {
    return [...this.#waiting.values()];
  }

  #pending(when: SyncWindow["when"]): SyncWindow[] {
    return this.#windows.filter((w) => w.when === when && !this.#done.has(w));
  }
}
