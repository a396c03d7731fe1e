/**
 * Runs tmux steps: builds a template's session in ONE tmux call (or reuses it), types pane
 * commands after the readiness handshake in a second call, and attaches once the ritual is
 * over (finish). Two tmux processes per session in the common case, whatever its size. The
 * argv comes ready-made in the step (`step.tmux`, see step_plan.ts); the world says which
 * server, with what environment, and how to show the session.
 * Needs --allow-run=tmux, --allow-write and --allow-read on the temp dir (pane markers).
 */
import type { ExecContext, RunOutcome, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import { runShellStep } from "../exec/mod.ts";
import { buildTyping, markerLine } from "./build.ts";
import type { SessionBuild } from "../contract/mod.ts";
import { chain } from "./escape.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { awaitMarkers } from "./handshake.ts";
import { stepLayout } from "./step_plan.ts";
import { probeTmux } from "./version.ts";
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
      if (outcome.status === "ok") last = step.session;
      return { ...outcome, durationMs: ctx.runtime.now() - started, via: "tmux" };
    },
    finish: (runtime) => last ? finishAttach(last, options.world, runtime) : Promise.resolve([]),
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
    let build = calls.create;
    let created = true;
    let r = await runTmux(ctx.runtime, build.argv, bc.clientEnv);
    if (r.code === 127) return tmuxMissing();
    if (r.code !== 0 && /duplicate session/.test(r.stderr)) {
      // It exists (or another rune won the race to create it): nothing of ours was applied,
      // since new-session is the first command and a failure aborts the rest.
      if (!calls.addWindow) {
        ctx.note(`tmux session "${step.session}" exists: reusing it`);
        return { status: "ok", exitCode: 0, durationMs: 0, message: "reused existing session" };
      }
      created = false;
      build = calls.addWindow;
      r = await runTmux(ctx.runtime, build.argv, bc.clientEnv);
    }
    const printed = r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
    if (r.code !== 0) return await failed(step, r, { created, printed, ctx, calls, bc });
    const ids = printed.filter((l) => l.startsWith("%"));
    await typeCommands(build, ids, calls, ctx, bc);
    if (ctx.signal.aborted) {
      return {
        status: "interrupted",
        exitCode: null,
        durationMs: 0,
        message: `session "${step.session}" built; its pane commands were not typed`,
      };
    }
    const panes = build.panes.length;
    return {
      status: "ok",
      exitCode: 0,
      durationMs: 0,
      message: created
        ? `built session "${step.session}" (${layout.windows.length} window(s), ${panes} pane(s))`
        : `new window in session "${step.session}"`,
    };
  } finally {
    try {
      Deno.removeSync(calls.markerDir, { recursive: true });
    } catch { /* already gone */ }
  }
}

/**
 * A failed command list keeps what ran before the failure (FACTS §2): when our new-session
 * ran (it printed its id), the half-built session is ours to remove. An old tmux that does
 * not know a flag is reported as missing, so the CLI exits 3.
 */
async function failed(
  step: TmuxStep,
  r: RunOutcome,
  f: { created: boolean; printed: string[]; ctx: ExecContext; calls: TmuxCalls; bc: BuildContext },
): Promise<StepOutcome> {
  const socket = f.calls.socket;
  const panes = f.printed.filter((l) => l.startsWith("%"));
  if (f.created && f.printed.length) {
    await runTmux(
      f.ctx.runtime,
      tmuxCommand(socket, "kill-session", "-t", `=${step.session}`),
      f.bc.clientEnv,
    );
  } else if (panes.length) {
    // A window added to an existing session: remove only the panes this call made.
    const kills = panes.map((id) => ["kill-pane", "-t", id]);
    await runTmux(f.ctx.runtime, ["tmux", ...socket, ...chain(kills)], f.bc.clientEnv);
  }
  const probe = await probeTmux(f.ctx.runtime, f.bc.clientEnv);
  if (probe && !probe.supported) {
    return {
      ...tmuxMissing(),
      message: `tmux could not build "${step.session}": ${probe.version} is older than ` +
        `${probe.minimum}, the oldest rune supports: upgrade tmux, or run with --no-tmux`,
    };
  }
  return {
    status: "failed",
    exitCode: r.code,
    durationMs: 0,
    message: `tmux could not build "${step.session}": ${tmuxError(r)}`,
  };
}

/** Waits for each typed pane's marker, then types its commands — all panes in one call. */
async function typeCommands(
  build: SessionBuild,
  ids: readonly string[],
  calls: TmuxCalls,
  ctx: ExecContext,
  bc: BuildContext,
): Promise<void> {
  const { markerDir, socket } = calls;
  const idOf = new Map(build.panes.map((p, i) => [p.key, ids[i]]));
  const typed = build.panes.filter((p) => p.commands.length && idOf.get(p.key));
  if (!typed.length) return;
  const result = await awaitMarkers(markerDir, typed.map((p) => p.key), {
    deadlineMs: bc.handshakeDeadlineMs,
    signal: ctx.signal,
    retype: async (keys) => {
      await runTmux(
        ctx.runtime,
        buildTyping(
          socket,
          keys.map((k) => ({ id: idOf.get(k)!, lines: [markerLine(markerDir, k)] })),
        ),
        bc.clientEnv,
      );
    },
  });
  if (ctx.signal.aborted) return;
  for (const key of result.silent) {
    ctx.note(
      `pane ${key} (${idOf.get(key)}) never showed a ready shell; typed its commands anyway`,
    );
  }
  await runTmux(
    ctx.runtime,
    buildTyping(socket, typed.map((p) => ({ id: idOf.get(p.key)!, lines: p.commands }))),
    bc.clientEnv,
  );
}

function tmuxMissing(): StepOutcome {
  return {
    status: "failed",
    exitCode: null,
    durationMs: 0,
    message: "tmux is not installed or not on PATH: install tmux, or run with --no-tmux",
    missing: "tmux",
  };
}
