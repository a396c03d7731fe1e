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
import { buildTyping, markerLine } from "./build.ts";
import { runTmux, tmuxCommand } from "./client.ts";
import { reuseOrRefuse, runAddWindow, runCreate, tmuxMissing, windowOf } from "./build_run.ts";
import { chain } from "./escape.ts";
import { awaitPanes } from "./handshake.ts";
import type { ReadyPane } from "./handshake.ts";
import { stepLayout } from "./step_plan.ts";
import { detachedHint, finishAttach } from "./attach.ts";
import { runHooks } from "./hooks_run.ts";
import { runAppend } from "./append_run.ts";
import { SyncTyping } from "./sync_typing.ts";
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
  let last: { session: string; detached: boolean } | undefined;
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
      if (outcome.status === "ok" || outcome.status === "started") {
        last = { session: step.session, detached: step.layout?.attach === false };
      }
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
    const created = await runCreate(step, calls, ctx, bc.clientEnv);
    if (created.kind === "failed") return created.outcome;
    let panes: BuiltPane[] = calls.create.flatMap((c) => c.panes);
    let ids: string[];
    let window: string | undefined;
    if (created.kind === "exists") {
      // It exists (or another rune won the race to create it): nothing of ours was applied.
      if (!calls.addWindow) return await reuse(step, calls, ctx, bc);
      const added = await runAddWindow(step, calls, ctx, bc.clientEnv);
      if (added.kind === "failed") return added.outcome;
      panes = calls.addWindow.panes;
      ids = added.paneIds;
      window = added.window;
    } else {
      ids = created.paneIds;
    }
    await typeCommands(panes, ids, calls, ctx, bc);
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
      window ??= await windowOf(ids[0], calls, ctx, bc.clientEnv);
      return {
        status: "started",
        exitCode: null,
        durationMs: 0,
        message: `in window ${window} of session "${step.session}"`,
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
 * Types each typed pane's commands as soon as its shell reads input (handshake.ts), panes that
 * became ready together in one call; closes rune's output pipes on the way.
 */
async function typeCommands(
  panes: readonly BuiltPane[],
  ids: readonly string[],
  calls: TmuxCalls,
  ctx: ExecContext,
  bc: BuildContext,
): Promise<void> {
  const { markerDir, socket } = calls;
  const idOf = new Map(panes.map((p, i) => [p.key, ids[i]]));
  const byKey = new Map(panes.map((p) => [p.key, p]));
  const typed = panes.filter((p) => (p.commands.length || p.pending) && idOf.get(p.key));
  if (!typed.length) return;
  const run = async (argvs: string[][]) => {
    for (const argv of argvs) await runTmux(ctx.runtime, argv, bc.clientEnv);
  };
  const sync = new SyncTyping<ReadyPane>(calls.synchronize ?? [], typed.map((p) => p.key));
  const synchronize = (keys: string[]) =>
    keys.length
      ? run([[
        "tmux",
        ...socket,
        ...chain(
          keys.map((k) => ["set-option", "-w", "-t", idOf.get(k)!, "synchronize-panes", "on"]),
        ),
      ]])
      : Promise.resolve();
  const result = await awaitPanes(markerDir, typed.map((p) => p.key), {
    deadlineMs: bc.handshakeDeadlineMs,
    signal: ctx.signal,
    programs: new Set(typed.filter((p) => p.program !== undefined).map((p) => p.key)),
    typeMarkers: (keys) =>
      run(buildTyping(
        socket,
        keys.map((k) => ({ id: idOf.get(k)!, lines: [markerLine(markerDir, k)] })),
      )),
    ready: async (ready) => {
      for (const { key, how } of ready) {
        if (how !== "deadline") continue;
        ctx.note(
          `pane ${key} (${idOf.get(key)}) never showed a ready shell; typed its commands anyway`,
        );
      }
      const now = sync.ready(ready);
      await synchronize(now.syncFirst);
      await run(buildTyping(
        socket,
        now.type.map(({ key, piped }) => ({
          id: idOf.get(key)!,
          lines: byKey.get(key)!.commands,
          pending: byKey.get(key)!.pending,
          closePipe: piped,
        })),
      ));
      await synchronize(sync.typed(now.type.map((p) => p.key)));
    },
  });
  // Ctrl-C: the panes left untyped keep no pipe of rune's open.
  const open = [...result.untyped, ...sync.held()].filter((p) => p.piped);
  if (open.length) {
    await run([[
      "tmux",
      ...socket,
      ...chain(open.map((p) => ["pipe-pane", "-t", idOf.get(p.key)!])),
    ]]);
  }
}

/**
 * The session exists: reused when it is rune's (its on_reuse hooks run), refused otherwise;
 * with --append, the template's windows it lacks are added first and typed.
 */
async function reuse(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  bc: BuildContext,
): Promise<StepOutcome> {
  const layout = stepLayout(step);
  let outcome: StepOutcome | undefined;
  if (calls.appendWindows) {
    const r = await runAppend(step, calls, ctx, bc.clientEnv);
    if (r.kind === "failed") return r.outcome;
    if (r.kind === "appended" && r.added.length) {
      await typeCommands(r.panes, r.paneIds, calls, ctx, bc);
      if (ctx.signal.aborted) {
        return {
          status: "interrupted",
          exitCode: null,
          durationMs: 0,
          message: `added window(s) to "${step.session}"; their pane commands were not typed`,
        };
      }
      outcome = {
        status: "ok",
        exitCode: 0,
        durationMs: 0,
        message: `added ${r.added.length} window(s) to session "${step.session}": ` +
          r.added.join(", "),
      };
    } else if (r.kind === "appended") {
      ctx.note(`tmux session "${step.session}" has every window of the template: reusing it`);
      outcome = { status: "ok", exitCode: 0, durationMs: 0, message: "reused existing session" };
    }
  }
  outcome ??= await reuseOrRefuse(step, calls, ctx, bc.clientEnv);
  if (outcome.status !== "ok") return outcome;
  return await runHooks("on_reuse", layout.onReuse ?? [], step, layout.dir, ctx) ?? outcome;
}
