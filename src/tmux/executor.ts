/**
 * Runs tmux steps: builds a template's session in as few tmux calls as fit (or reuses rune's
 * own session of that name), types pane commands after the readiness handshake, and attaches
 * once the ritual is over (finish). Two tmux processes per session in the common case. The
 * argv comes ready-made in the step (`step.tmux`, see step_plan.ts); the world says which
 * server, with what environment, and how to show the session.
 * Needs --allow-run=tmux, --allow-write and --allow-read on the temp dir (pane markers).
 */
import type { ExecContext, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import type { BuiltPane } from "../contract/mod.ts";
import { runShellStep } from "../exec/mod.ts";
import { runTmux, tmuxCommand } from "./client.ts";
import { reuseOrRefuse, tmuxMissing, windowOf } from "./build_run.ts";
import { connect } from "./connect.ts";
import type { Connected } from "./connect.ts";
import { fileSource } from "./handshake.ts";
import { controlSource, PaneOutputs } from "./pane_output.ts";
import { closePipes, typeWhenReady } from "./typing.ts";
import { stepLayout } from "./step_plan.ts";
import { finishAttach } from "./attach.ts";
import type { TmuxWorld } from "./world.ts";

export interface TmuxExecutorOptions {
  world: TmuxWorld;
  /** Handshake deadline (tests shorten it). */
  handshakeDeadlineMs?: number;
}

export interface TmuxExecutor {
  execute(step: TmuxStep, ctx: ExecContext): Promise<StepOutcome>;
  /** After the ritual: attach, switch-client, or the lines saying how to attach. */
  finish(runtime: ExecContext["runtime"]): Promise<string[]>;
}

export function createTmuxExecutor(options: TmuxExecutorOptions): TmuxExecutor {
  let last: string | undefined;
  return {
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
      const outcome = await buildOrReuse(step, step.tmux, ctx, options);
      if (outcome.status === "ok" || outcome.status === "started") last = step.session;
      return { ...outcome, durationMs: ctx.runtime.now() - started, via: "tmux" };
    },
    finish: (runtime) => last ? finishAttach(last, options.world, runtime) : Promise.resolve([]),
  };
}

/** What a build needs besides the step: where tmux clients run, and the handshake deadline. */
interface BuildContext {
  clientEnv: Record<string, string>;
  handshakeDeadlineMs?: number;
  control: boolean;
}

async function buildOrReuse(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  options: TmuxExecutorOptions,
): Promise<StepOutcome> {
  const bc: BuildContext = {
    clientEnv: options.world.clientEnv,
    handshakeDeadlineMs: options.handshakeDeadlineMs,
    control: options.world.control,
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
        for (const line of layout.before) {
          const r = await runShellStep(
            { command: line, cwd: layout.dir, env: step.env, timeoutMs: 60_000 },
            ctx,
          );
          if (r.status !== "ok") {
            return { ...r, message: `before command "${line}" ${r.message ?? "failed"}` };
          }
        }
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
    if (connected.kind === "exists") return await reuseOrRefuse(step, calls, ctx, bc.clientEnv);
    const panes: BuiltPane[] = connected.kind === "added"
      ? calls.addWindow!.panes
      : calls.create.flatMap((c) => c.panes);
    const ids = connected.paneIds;
    const window = connected.window;
    try {
      const gone = await typeCommands(panes, ids, calls, ctx, { ...bc, outputs, connected });
      if (gone) return gone;
    } finally {
      await connected.link.close();
    }
    if (ctx.signal.aborted) {
      return {
        status: "interrupted",
        exitCode: null,
        durationMs: 0,
        message: `session "${step.session}" built; its pane commands were not typed`,
      };
    }
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

/**
 * Types each typed pane's commands as soon as its shell reads input (typing.ts), seen through
 * the control client's %output or rune's pipe-pane files. Returns a failed outcome when the build's client went away (the server exited under it).
 */
async function typeCommands(
  panes: readonly BuiltPane[],
  ids: readonly string[],
  calls: TmuxCalls,
  ctx: ExecContext,
  bc: BuildContext & { outputs: PaneOutputs; connected: Connected },
): Promise<StepOutcome | undefined> {
  const { link } = bc.connected;
  const idOf = new Map(panes.map((p, i) => [p.key, ids[i]]));
  const typed = panes.filter((p) => p.commands.length && idOf.get(p.key));
  if (!typed.length) return undefined;
  const source = link.kind === "control"
    ? controlSource(bc.outputs, (k) => idOf.get(k)!)
    : fileSource(calls.markerDir);
  // The client going away (server killed, session killed) ends the wait at once.
  const stop = new AbortController();
  const onAbort = () => stop.abort();
  ctx.signal.addEventListener("abort", onAbort);
  let exit: string | undefined;
  const unsubscribe = link.subscribe?.((e) => {
    if (e.kind !== "exit") return;
    exit = e.reason ?? "it exited";
    stop.abort();
  });
  try {
    const result = await typeWhenReady(typed, {
      link,
      source,
      markerDir: calls.markerDir,
      idOf: (k) => idOf.get(k)!,
      deadlineMs: bc.handshakeDeadlineMs,
      ctx: { ...ctx, signal: stop.signal },
    });
    if (exit !== undefined) {
      return {
        status: "failed",
        exitCode: null,
        durationMs: 0,
        message: `tmux went away while rune was typing pane commands: ${exit}; ` +
          `${result.untyped.length} pane(s) were not typed: check the tmux server`,
      };
    }
    await closePipes(link, result.untyped.filter((p) => p.piped).map((p) => idOf.get(p.key)!));
    return undefined;
  } finally {
    unsubscribe?.();
    ctx.signal.removeEventListener("abort", onAbort);
  }
}
