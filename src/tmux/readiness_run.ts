/**
 * Declared readiness, carried out for one built session (issue 17). Every pane is watched at
 * once: a pane without depends_on starts at once (typed as soon as its shell reads, as
 * always), one with depends_on once every pane and window it names is ready; an exec pane
 * that waits is respawned then. Conditions are checked together on every tick (conditions.ts),
 * woken by pane output through the control client. A condition that fails or times out fails
 * its gate, and every pane waiting for it is never started.
 *
 * Each pane's state is kept in its tmux options (@rune-pane, @rune-state, @rune-ready,
 * @rune-started), so `rune session status` can show it from another process.
 */
import { describeCondition } from "../contract/mod.ts";
import type { BuiltPane, GateRef, SessionReadiness } from "../contract/mod.ts";
import { checkWatches } from "./conditions.ts";
import type { Watch } from "./conditions.ts";
import type { SessionLink } from "./link.ts";
import type { PaneOutputs } from "./pane_output.ts";
import { respawnCommand } from "./readiness_build.ts";
import { modeNotes, typingGroups } from "./typing.ts";

export type GateState = "pending" | "ready" | "failed";

export interface WatcherOptions {
  readiness: SessionReadiness;
  panes: readonly BuiltPane[];
  idOf: (key: string) => string;
  link: SessionLink;
  /** The control client's view of every pane (absent on the old path: capture-pane). */
  outputs?: PaneOutputs;
  now: () => number;
  note: (message: string) => void;
}

interface PaneRun {
  pane: BuiltPane;
  label: string;
  after: GateRef[];
  shellReady: boolean;
  /** When its commands were typed (or its program started). */
  started?: number;
  /** It will never start: what it waited for failed. */
  blocked?: string;
  /** Its own readiness condition once started. */
  watch?: Watch;
  /** Whether rune's pipe-pane is open on it (the old path): closed as it is typed. */
  piped: boolean;
  state?: string;
  /** Its start time is in its tmux options. */
  announced?: boolean;
}

export class ReadinessWatcher {
  #o: WatcherOptions;
  #panes = new Map<string, PaneRun>();
  #windows = new Map<number, { watch?: Watch; panes: string[] }>();

  constructor(o: WatcherOptions) {
    this.#o = o;
    for (const pane of o.panes) {
      const r = o.readiness.panes.find((p) => p.key === pane.key);
      const typed = pane.commands.length > 0;
      this.#panes.set(pane.key, {
        pane,
        label: r?.label ?? pane.key,
        after: r?.after ?? [],
        shellReady: !typed,
        piped: false,
      });
    }
    for (const w of o.readiness.windows) this.#windows.set(w.window, { panes: w.panes });
  }

  /** The handshake says these panes' shells read input (typing.ts's onReady). */
  async shellsReady(panes: readonly { key: string; piped: boolean }[]): Promise<void> {
    for (const { key, piped } of panes) {
      const p = this.#panes.get(key);
      if (p) Object.assign(p, { shellReady: true, piped });
    }
    await this.#startWhatCan();
  }

  /** Ticks until `done()` holds or `signal` aborts; returns whether done() held. */
  async until(done: () => boolean, signal: AbortSignal): Promise<boolean> {
    await this.#startWhatCan();
    while (!signal.aborted) {
      await checkWatches(this.#watches(), {
        link: this.#o.link,
        outputs: this.#o.outputs,
        now: this.#o.now(),
      });
      await this.#startWhatCan();
      await this.#publish();
      if (done()) return true;
      const ms = this.#o.outputs ? 50 : 250;
      await (this.#o.outputs?.next(ms) ?? new Promise((r) => setTimeout(r, ms)));
    }
    return false;
  }

  /** The panes not started (yet, or ever). */
  unstarted(): string[] {
    return [...this.#panes.values()].filter((p) => p.started === undefined).map((p) => p.pane.key);
  }

  /** Every pane has started or never will. */
  settled(): boolean {
    return [...this.#panes.values()].every((p) => p.started !== undefined || p.blocked);
  }

  /** Settled, and every declared condition has held or failed. */
  resolved(): boolean {
    return this.settled() &&
      [...this.#panes.keys()].every((key) => this.gate({ kind: "pane", key }) !== "pending") &&
      [...this.#windows.keys()].every((n) =>
        this.gate({ kind: "window", window: n }) !== "pending"
      );
  }

  gate(ref: GateRef): GateState {
    if (ref.kind === "pane") {
      const p = this.#panes.get(ref.key);
      if (!p || p.blocked) return "failed";
      if (p.started === undefined) return "pending";
      return p.watch ? verdictState(p.watch) : "ready";
    }
    const w = this.#windows.get(ref.window);
    if (!w) return "failed";
    const states = w.panes.map((key) => this.gate({ kind: "pane", key }));
    if (states.includes("failed") || (w.watch && verdictState(w.watch) === "failed")) {
      return "failed";
    }
    if (states.some((s) => s !== "ready")) return "pending";
    if (this.#o.readiness.windows[ref.window - 1]?.ready && !w.watch) return "pending";
    return w.watch ? verdictState(w.watch) : "ready";
  }

  /** What failed, one line each, and the pane whose last lines tell most (the first). */
  failures(): { lines: string[]; pane?: string } {
    const lines: string[] = [];
    let pane: string | undefined;
    const r = this.#o.readiness;
    for (const p of this.#panes.values()) {
      const v = p.watch?.verdict;
      if (v?.state === "failed") {
        lines.push(
          `${p.label} ${describeCondition(p.watch!.condition)}: ${v.reason}` +
            (v.hint ? ` (${v.hint})` : ""),
        );
        pane ??= this.#o.idOf(p.pane.key);
      }
    }
    for (const [n, w] of this.#windows) {
      const v = w.watch?.verdict;
      if (v?.state !== "failed") continue;
      lines.push(`${r.windows[n - 1].label} ${describeCondition(w.watch!.condition)}: ${v.reason}`);
      pane ??= this.#o.idOf(w.panes[0]);
    }
    for (const p of this.#panes.values()) {
      if (p.blocked) lines.push(`${p.label} was not started: ${p.blocked}`);
    }
    return { lines, pane };
  }

  /** Why `ref` failed, in words ("listens on port 8080 (within 1m): timed out"). */
  why(ref: GateRef): string {
    if (ref.kind === "pane") {
      const p = this.#panes.get(ref.key);
      if (!p) return "it is not in the session";
      if (p.blocked) return `it was not started: ${p.blocked}`;
      const v = p.watch?.verdict;
      return v?.state === "failed"
        ? `it ${describeCondition(p.watch!.condition)}: ${v.reason}`
        : "it did not fail";
    }
    const w = this.#windows.get(ref.window);
    const v = w?.watch?.verdict;
    if (v?.state === "failed") return `it ${describeCondition(w!.watch!.condition)}: ${v.reason}`;
    const pane = w?.panes.find((key) => this.gate({ kind: "pane", key }) === "failed");
    return pane
      ? `its pane ${this.#label({ kind: "pane", key: pane })}: ${
        this.why({ kind: "pane", key: pane })
      }`
      : "it did not fail";
  }

  /** Pending gates among `refs`, as their labels: "app.server". */
  pendingLabels(refs: readonly GateRef[]): string[] {
    return refs.filter((ref) => this.gate(ref) === "pending").map((ref) => this.#label(ref));
  }

  #label(ref: GateRef): string {
    return ref.kind === "pane"
      ? this.#panes.get(ref.key)?.label ?? ref.key
      : this.#o.readiness.windows[ref.window - 1]?.label ?? `window ${ref.window}`;
  }

  #watches(): Watch[] {
    const out: Watch[] = [];
    for (const p of this.#panes.values()) if (p.watch) out.push(p.watch);
    for (const w of this.#windows.values()) if (w.watch) out.push(w.watch);
    return out;
  }

  /** Starts each pane whose shell reads and whose gates are ready; blocks those that failed. */
  async #startWhatCan(): Promise<void> {
    const now = this.#o.now();
    const groups: string[][][] = [];
    for (const p of this.#panes.values()) {
      if (p.started !== undefined || p.blocked) continue;
      const failed = p.after.find((ref) => this.gate(ref) === "failed");
      if (failed) {
        p.blocked = `${this.#label(failed)} failed`;
        continue;
      }
      if (!p.shellReady || p.after.some((ref) => this.gate(ref) !== "ready")) continue;
      const id = this.#o.idOf(p.pane.key);
      if (p.pane.respawn) groups.push([respawnCommand(p.pane.respawn, id)]);
      else groups.push(...typingGroups(id, p.pane.commands, p.piped));
      this.#start(p, id, now);
    }
    for (const [n, w] of this.#windows) {
      const ready = this.#o.readiness.windows[n - 1]?.ready;
      if (!ready || w.watch) continue;
      if (!w.panes.every((k) => this.#panes.get(k)?.started !== undefined)) continue;
      w.watch = {
        condition: ready,
        panes: w.panes.map((k) => this.#watchedPane(this.#panes.get(k)!)),
        startedAt: now,
        verdict: { state: "pending" },
      };
    }
    if (!groups.length) return;
    const r = await this.#o.link.runGroups(groups);
    for (const line of r.ok ? modeNotes(r.lines) : []) this.#o.note(line);
  }

  #start(p: PaneRun, id: string, now: number): void {
    p.started = now;
    const ready = this.#o.readiness.panes.find((x) => x.key === p.pane.key)?.ready;
    if (ready) {
      p.watch = {
        condition: ready,
        panes: [this.#watchedPane(p, id)],
        startedAt: now,
        verdict: { state: "pending" },
      };
    }
  }

  #watchedPane(p: PaneRun, id = this.#o.idOf(p.pane.key)) {
    // An exec pane's own output counts from its first byte; a typed one's from the typing.
    const since = p.pane.commands.length ? this.#o.outputs?.pane(id).lineCount ?? 0 : 0;
    return { id, typed: p.pane.commands, since };
  }

  /** Each pane's state into its tmux options, when it changed. */
  async #publish(): Promise<void> {
    const commands: string[][] = [];
    for (const p of this.#panes.values()) {
      const state = this.#stateOf(p);
      if (state === p.state) continue;
      const id = this.#o.idOf(p.pane.key);
      if (p.state === undefined) {
        commands.push(["set-option", "-p", "-t", id, "@rune-pane", p.label]);
        const ready = this.#o.readiness.panes.find((x) => x.key === p.pane.key)?.ready;
        if (ready) {
          commands.push(["set-option", "-p", "-t", id, "@rune-ready", JSON.stringify(ready)]);
        }
      }
      if (p.started !== undefined && !p.announced) {
        // When its condition's clock started, for `rune session status` to judge a timeout.
        commands.push(["set-option", "-p", "-t", id, "@rune-started", String(Date.now())]);
        p.announced = true;
      }
      commands.push(["set-option", "-p", "-t", id, "@rune-state", state]);
      p.state = state;
    }
    if (commands.length) await this.#o.link.run(commands);
  }

  #stateOf(p: PaneRun): string {
    if (p.blocked) return `failed: not started, ${p.blocked}`;
    if (p.started === undefined) {
      return `waiting for ${this.pendingLabels(p.after).join(", ") || "its shell"}`;
    }
    const v = p.watch?.verdict;
    if (!v || v.state === "ready") return "ready";
    const what = describeCondition(p.watch!.condition);
    return v.state === "failed" ? `failed: ${what}: ${v.reason}` : `waiting until it ${what}`;
  }
}

function verdictState(w: Watch): GateState {
  return w.verdict.state;
}
