/**
 * Runs tmux steps: builds a template's session through one control client (or, without
 * control mode, in as few tmux calls as fit), or reuses rune's own session of that name;
 * starts every pane (typed after the handshake, and after what it waits for when the
 * template declares readiness); keeps watching sessions later steps wait for; detaches every
 * control client (close) and attaches once the ritual is over (finish). One tmux process per
 * session in the common case. The argv comes ready-made in the step (`step.tmux`, see
 * step_plan.ts); the world says which server, with what environment, and how to show it.
 * Needs --allow-run=tmux, --allow-write and --allow-read on the temp dir (pane markers of the
 * old path), --allow-net=127.0.0.1 for port conditions.
 */
import type { ExecContext, Step, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import type { BuiltPane } from "../contract/mod.ts";
import { runTmux, tmuxCommand } from "./client.ts";
import { tmuxMissing, windowOf } from "./build_run.ts";
import { connect } from "./connect.ts";
import { PaneOutputs } from "./pane_output.ts";
import { startPanes } from "./start_panes.ts";
import { awaitTargets } from "./wait_ready.ts";
import type { LiveSession } from "./wait_ready.ts";
import { stepLayout } from "./step_plan.ts";
import { detachedHint, finishAttach } from "./attach.ts";
import { runHooks } from "./hooks_run.ts";
import { reuseSession } from "./reuse_run.ts";
import type { TmuxWorld } from "./world.ts";

export interface TmuxExecutorOptions {
  world: TmuxWorld;
  /** Handshake deadline (tests shorten it). */
  handshakeDeadlineMs?: number;
}

export interface TmuxExecutor {
  execute(step: TmuxStep, ctx: ExecContext): Promise<StepOutcome>;
  /**
   * Before a step with wait_for: waits until those panes and windows are ready; a failed
   * outcome when one failed, timed out, or its session was never built.
   */
  awaitTargets(step: Step, ctx: ExecContext): Promise<StepOutcome | undefined>;
  /** Detaches every control client still watching a session (call it whatever happened). */
  close(): Promise<void>;
  /** After the ritual: attach, switch-client, or the lines saying how to attach. */
  finish(runtime: ExecContext["runtime"]): Promise<string[]>;
}

export function createTmuxExecutor(options: TmuxExecutorOptions): TmuxExecutor {
  let last: { session: string; detached: boolean } | undefined;
  const live = new Map<number, LiveSession>();
  const outcomes = new Map<number, StepOutcome>();
  return {
    awaitTargets: (step, ctx) => awaitTargets(step, ctx, { live, outcomes }),
    async close() {
      const all = [...live.values()];
      live.clear();
      await Promise.all(all.map((l) => l.link.close()));
    },
    async execute(step, ctx) {
      const started = ctx.runtime.now();
      if (ctx.flags.noTmux) {
        return {
          status: "skipped",
          exitCode: null,
          durationMs: 0,
          message: "skipped: --no-tmux",
          via: "tmux",
        };
      }
      if (!step.tmux) throw new Error(`tmux step "${step.name}" has no tmux calls planned`);
      const outcome = await buildOrReuse(step, step.tmux, ctx, options, (id, l) => live.set(id, l));
      if (outcome.status === "ok" || outcome.status === "started") {
        last = { session: step.session, detached: step.layout?.attach === false };
      }
      outcomes.set(step.id, outcome);
      return { ...outcome, durationMs: ctx.runtime.now() - started, via: "tmux" };
    },
    finish: (runtime) =>
      !last ? Promise.resolve([]) : last.detached
        // attach: false in the template: built and left detached, as tmuxinator does.
        ? Promise.resolve([detachedHint(last.session, options.world)])
        : finishAttach(last.session, options.world, runtime),
  };
}

/** What a build needs besides the step: where tmux clients run, and the handshake deadline. */
interface BuildContext {
  clientEnv: Record<string, string>;
  handshakeDeadlineMs?: number;
  control: boolean;
  /** Keeps a session's watcher (and its link) for later wait_for steps. */
  keep: (step: number, live: LiveSession) => void;
}

async function buildOrReuse(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  options: TmuxExecutorOptions,
  keep: BuildContext["keep"],
): Promise<StepOutcome> {
  const bc: BuildContext = {
    clientEnv: options.world.clientEnv,
    handshakeDeadlineMs: options.handshakeDeadlineMs,
    control: options.world.control,
    keep,
  };
  // The planned path, made here and only here: 0700, and refused if something is already there.
  try {
    Deno.mkdirSync(calls.markerDir, { mode: 0o700 });
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return {
      status: "failed",
      exitCode: null,
      durationMs: 0,
      message: `cannot make the pane marker directory "${calls.markerDir}": ${
        (e as Error).message
      }`,
    };
  }
  try {
    const layout = stepLayout(step);
    if (layout.before.length) {
      // Only for a session that is not there yet: one more tmux call, only in this case.
      const exists = await runTmux(
        ctx.runtime,
        tmuxCommand(calls.socket, "has-session", "-t", `=${step.session}`),
        bc.clientEnv,
      );
      if (exists.code === 127) return tmuxMissing();
      if (exists.code !== 0) {
        const failed = await runHooks("before", layout.before, step, layout.dir, ctx);
        if (failed) return failed;
      }
    }
    const outputs = new PaneOutputs(() => ctx.runtime.now());
    const connected = await connect(step, calls, ctx, {
      env: bc.clientEnv,
      control: bc.control,
      listener: (e) => {
        if (e.kind === "output") outputs.feed(e.pane, e.data);
      },
    });
    if (connected.kind === "failed") return connected.outcome;
    if (connected.kind === "exists") return await reuseSession(step, calls, ctx, bc);
    const panes: BuiltPane[] = connected.kind === "added"
      ? calls.addWindow!.panes
      : calls.create.flatMap((c) => c.panes);
    const ids = connected.paneIds;
    const window = connected.window;
    let keep = false;
    try {
      const started = await startPanes(step, panes, ids, calls, ctx, {
        connected,
        outputs,
        deadlineMs: bc.handshakeDeadlineMs,
      });
      // A later step waits for its panes: keep watching them until the ritual ends.
      if (started.watcher && step.watched && !started.watcher.resolved()) {
        keep = true;
        bc.keep(step.id, { watcher: started.watcher, link: connected.link });
      }
      if (started.failure) return started.failure;
    } finally {
      if (!keep) await connected.link.close();
    }
    if (ctx.signal.aborted) {
      return {
        status: "interrupted",
        exitCode: null,
        durationMs: 0,
        message: `session "${step.session}" built; its pane commands were not typed`,
      };
    }
    const hooked = await runHooks(
      "on_first_start",
      layout.onFirstStart ?? [],
      step,
      layout.dir,
      ctx,
    );
    if (hooked) return hooked;
    if (!step.layout) {
      // A tmux_session step's command keeps running in its window: started, like a background
      // command, not done.
      const shown = window ?? await windowOf(ids[0], calls, ctx, bc.clientEnv);
      return {
        status: "started",
        exitCode: null,
        durationMs: 0,
        message: `in window ${shown} of session "${step.session}"`,
      };
    }
    return {
      status: "ok",
      exitCode: 0,
      durationMs: 0,
      message: `built session "${step.session}" (${layout.windows.length} window(s), ` +
        `${panes.length} pane(s))`,
    };
  } finally {
    try {
      Deno.removeSync(calls.markerDir, { recursive: true });
    } catch { /* already gone */ }
  }
}
