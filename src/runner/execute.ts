/**
 * Runs a prepared Plan for real: the executors of every kind wired together (shell and
 * background from src/exec, tmux and pty through the interactive router), Ctrl-C, TERM and HUP
 * turned into an abort (while no interactive step owns the terminal), and the built tmux
 * session shown once the ritual is over. The CLI prints; this only runs.
 */
import type { Plan, Reporter, RunFlags, RunSummary, Runtime } from "../contract/mod.ts";
import { createTmuxExecutor } from "../tmux/mod.ts";
import type { TmuxWorld } from "../tmux/mod.ts";
import { createInteractiveExecutors } from "./interactive.ts";
import { runPlan } from "./run_plan.ts";

export interface ExecuteOptions {
  reporter: Reporter;
  runtime: Runtime;
  world: TmuxWorld;
  /** rune's own environment, unfiltered (decisions only), and the filtered one children get. */
  parentEnv: Readonly<Record<string, string>>;
  baseEnv: Record<string, string>;
  terminal: { stdin: boolean; stdout: boolean };
  flags: RunFlags;
  /** $XDG_STATE_HOME/rune */
  stateDir: string;
  /** settings.audit.transcripts */
  transcripts: boolean;
}

export async function executePlan(plan: Plan, o: ExecuteOptions): Promise<RunSummary> {
  const controller = new AbortController();
  // Ctrl-C and TERM stop the ritual; while an interactive step owns the terminal they are its
  // business, not rune's.
  let interactive = false;
  const onSignal = () => {
    if (!interactive) controller.abort();
  };
  // HUP too: a closed terminal must end the ritual's command, not leave it running (orphaned).
  const signals: Deno.Signal[] = ["SIGINT", "SIGTERM", "SIGHUP"];
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  const tmux = createTmuxExecutor({ world: o.world });
  try {
    const summary = await runPlan(plan, {
      reporter: o.reporter,
      runtime: o.runtime,
      baseEnv: o.baseEnv,
      parentEnv: o.parentEnv,
      terminal: o.terminal,
      flags: o.flags,
      stateDir: o.stateDir,
      executors: createInteractiveExecutors({
        project: plan.project.name,
        ritual: plan.ritual,
        stateDir: o.stateDir,
        transcripts: o.transcripts,
        tmux: tmux.execute,
      }),
      signal: controller.signal,
      onInteractive: (active) => interactive = active,
      waitFor: (step, ctx) => tmux.awaitTargets(step, ctx),
    });
    // No control client of rune's stays attached to a session it shows or leaves.
    await tmux.close();
    if (!summary.interrupted) {
      for (const line of await tmux.finish(o.runtime)) o.reporter.note(line);
    }
    return summary;
  } finally {
    await tmux.close();
    for (const s of signals) Deno.removeSignalListener(s, onSignal);
  }
}
