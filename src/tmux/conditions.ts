/**
 * Checking declared conditions (issue 17), all pending ones of a session at once, each time
 * the watcher ticks: `output:` against what the pane printed since its commands were typed
 * (the control client's %output, or, on the old path, the pane's text by capture-pane) with
 * the echo of those commands left out, `port:` (port_probe.ts), `file:` (stat), and `exit:`
 * by #{pane_dead}/#{pane_dead_status}, which remain-on-exit keeps (readiness_build.ts).
 * Needs --allow-read on the files, --allow-run=tmux.
 */
import type { ReadyCondition } from "../contract/mod.ts";
import type { SessionLink } from "./link.ts";
import type { PaneOutputs } from "./pane_output.ts";
import { probePort } from "./port_probe.ts";

export type Verdict =
  | { state: "pending" }
  | { state: "ready" }
  | { state: "failed"; reason: string; hint?: string };

/** One condition being watched, over one pane or (a window's) several. */
export interface Watch {
  condition: ReadyCondition;
  panes: { id: string; typed: readonly string[]; since: number; hit?: () => boolean }[];
  startedAt: number;
  verdict: Verdict;
}

/** A line that holds one of the typed commands is their echo, not the program's output. */
function isEcho(line: string, typed: readonly string[]): boolean {
  return typed.some((t) => t.trim() !== "" && line.includes(t.trim()));
}

/** Lines of the pane's text as capture-pane prints it, for the old path. */
const CAPTURE_MARK = "RUNE-CAPTURE";
const DEAD_MARK = "RUNE-DEAD";

/** Decides every pending watch it can; `now` is the tick's time. */
export async function checkWatches(
  watches: readonly Watch[],
  o: { link: SessionLink; outputs?: PaneOutputs; now: number },
): Promise<void> {
  const pending = watches.filter((w) => w.verdict.state === "pending");
  const asked: string[][] = [];
  for (const w of pending) {
    const c = w.condition;
    if (c.kind === "output" && !o.outputs) {
      for (const p of w.panes) {
        asked.push(["display-message", "-p", `${CAPTURE_MARK} ${p.id}`]);
        asked.push(["capture-pane", "-p", "-J", "-S", "-", "-E", "-", "-t", p.id]);
      }
    }
    if (c.kind === "exit") {
      for (const p of w.panes) {
        asked.push([
          "display-message",
          "-p",
          "-t",
          p.id,
          `${DEAD_MARK} ${p.id} #{pane_dead} #{pane_dead_status}`,
        ]);
      }
    }
  }
  const answers = asked.length ? await ask(o.link, asked) : new Map<string, string[]>();
  for (const w of pending) {
    w.verdict = await judge(w, answers, o);
    const c = w.condition;
    if (w.verdict.state === "pending" && c.timeoutMs && o.now - w.startedAt >= c.timeoutMs) {
      w.verdict = { state: "failed", reason: "timed out" };
    }
  }
}

async function judge(
  w: Watch,
  answers: Map<string, string[]>,
  o: { outputs?: PaneOutputs },
): Promise<Verdict> {
  const c = w.condition;
  switch (c.kind) {
    case "output": {
      const re = new RegExp(c.pattern);
      for (const p of w.panes) {
        const skip = (line: string) => isEcho(line, p.typed);
        if (o.outputs) {
          p.hit ??= o.outputs.pane(p.id).expect(re, skip, p.since);
          if (p.hit()) return { state: "ready" };
        } else {
          const lines = answers.get(`${CAPTURE_MARK} ${p.id}`) ?? [];
          if (lines.some((l) => !skip(l) && re.test(l))) return { state: "ready" };
        }
      }
      return { state: "pending" };
    }
    case "port": {
      const a = await probePort(c.port);
      if (a.kind === "listening") return { state: "ready" };
      return a.kind === "unknown"
        ? { state: "failed", reason: a.problem, hint: a.hint }
        : { state: "pending" };
    }
    case "file":
      try {
        await Deno.stat(c.path);
        return { state: "ready" };
      } catch (e) {
        if (e instanceof Deno.errors.NotCapable) {
          return {
            state: "failed",
            reason: `rune may not read "${c.path}"`,
            hint: "Run with --allow-read, or rune's permission set: deno run -P",
          };
        }
        return { state: "pending" };
      }
    case "exit": {
      for (const p of w.panes) {
        const line = answers.get(`${DEAD_MARK} ${p.id}`)?.[0];
        if (line === undefined) return { state: "failed", reason: `pane ${p.id} is gone` };
        const [dead, status] = line.split(" ");
        if (dead !== "1") return { state: "pending" };
        if (Number(status) !== c.status) {
          return { state: "failed", reason: `it exited with status ${status || "?"}` };
        }
      }
      return { state: "ready" };
    }
  }
}

/**
 * Runs the questions as one command list and files each answer under the mark line before it
 * ("RUNE-DEAD %3 1 0" under "RUNE-DEAD %3"). A pane that is gone fails the whole list: then
 * each is asked alone, so the others still get answers.
 */
async function ask(link: SessionLink, asked: string[][]): Promise<Map<string, string[]>> {
  const answers = new Map<string, string[]>();
  const file = (lines: readonly string[]) => {
    let at: string[] | undefined;
    for (const line of lines) {
      const dead = line.startsWith(`${DEAD_MARK} `) ? line.split(" ") : undefined;
      if (dead) answers.set(`${DEAD_MARK} ${dead[1]}`, [dead.slice(2).join(" ")]);
      else if (line.startsWith(`${CAPTURE_MARK} `)) answers.set(line, at = []);
      else at?.push(line);
    }
  };
  const all = await link.run(asked);
  if (all.ok) {
    file(all.lines);
    return answers;
  }
  for (let i = 0; i < asked.length; i++) {
    const one = asked[i][0] === "display-message" && asked[i + 1]?.[0] === "capture-pane"
      ? [asked[i], asked[++i]]
      : [asked[i]];
    const r = await link.run(one);
    if (r.ok) file(r.lines);
  }
  return answers;
}

/** The last `n` lines a pane shows (for a failed condition's report). */
export async function lastLines(
  link: SessionLink,
  id: string,
  n: number,
  outputs?: PaneOutputs,
): Promise<string[]> {
  if (outputs) return outputs.pane(id).lastLines(n);
  const r = await link.run([["capture-pane", "-p", "-J", "-t", id]]);
  if (!r.ok) return [];
  return r.lines.filter((l) => l.trim() !== "").slice(-n);
}
