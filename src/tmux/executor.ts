/**
 * Runs tmux steps: builds a template's session in ONE tmux call (or reuses it), types pane
 * commands after the readiness handshake in a second call, and attaches once the ritual is
 * over (finish). Two tmux processes per session in the common case, whatever its size.
 * Needs --allow-run=tmux, --allow-write and --allow-read on the temp dir (pane markers).
 */
import type { ExecContext, StepOutcome } from "../contract/outcome.ts";
import type { RunOutcome } from "../exec/deno_runtime.ts";
import type { TmuxStep } from "../contract/plan.ts";
import { runShellStep } from "../exec/shell_step.ts";
import { buildAddWindow, buildSession, buildTyping, markerLine } from "./build.ts";
import type { BuildOptions, SessionBuild } from "./build.ts";
import { chain } from "./escape.ts";
import { runTmux, tmuxClientEnv, tmuxCommand, tmuxError } from "./client.ts";
import { awaitMarkers } from "./handshake.ts";
import { chooseAttach, chooseSocket, socketArgs } from "./socket.ts";
import type { SocketChoice } from "./socket.ts";
import type { CloseHookSpec } from "./close_hook.ts";
import { DETACHED_SIZE, normalizeStep, stepBuildOptions, stepLayout } from "./step_plan.ts";
import { probeTmux } from "./version.ts";
import { finishAttach } from "./attach.ts";

export interface TmuxExecutorOptions {
  project: string;
  projectDir: string;
  /** settings.tmux.socket */
  socketSetting?: string;
  /** settings.tmux.stop_on_session_close: how the hook runs `rune stop`. */
  closeHook?: { runeArgv: string[]; stateDir: string; configFile: string };
  /** Handshake deadline (tests shorten it). */
  handshakeDeadlineMs?: number;
  uid: number;
  /** The attaching terminal's size (Deno.consoleSize), when rune will attach from it. */
  terminalSize?: () => { columns: number; rows: number } | undefined;
}

/** The session to show the user once the ritual is done. */
interface Built {
  session: string;
  socket: SocketChoice;
  clientEnv: Record<string, string>;
}

export interface TmuxExecutor {
  execute(step: TmuxStep, ctx: ExecContext): Promise<StepOutcome>;
  /** After the ritual: attach, switch-client, or the lines saying how to attach. */
  finish(ctx: Pick<ExecContext, "flags" | "parentEnv" | "terminal" | "runtime">): Promise<string[]>;
}

export function createTmuxExecutor(options: TmuxExecutorOptions): TmuxExecutor {
  let last: Built | undefined;
  return {
    async execute(original, ctx) {
      const step = normalizeStep(original);
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
      const socket = chooseSocket(ctx.flags.tmuxSocket, ctx.parentEnv, options.socketSetting);
      const clientEnv = tmuxClientEnv(ctx.baseEnv);
      const outcome = await buildOrReuse(step, ctx, { socket, clientEnv, options });
      if (outcome.status === "ok") last = { session: step.session, socket, clientEnv };
      return { ...outcome, durationMs: ctx.runtime.now() - started, via: "tmux" };
    },
    finish: (ctx) => last ? finishAttach(last, ctx, options.uid) : Promise.resolve([]),
  };
}

interface BuildContext {
  socket: SocketChoice;
  clientEnv: Record<string, string>;
  options: TmuxExecutorOptions;
}

/** The size to build at: the terminal rune will attach from, else one large enough. */
function sessionSize(ctx: ExecContext, bc: BuildContext) {
  const how = chooseAttach({
    detach: ctx.flags.detach,
    terminal: ctx.terminal,
    parentEnv: ctx.parentEnv,
    socket: bc.socket,
    uid: bc.options.uid,
  });
  const size = how === "attach" ? bc.options.terminalSize?.() : undefined;
  // The status line takes a row; below 80x24 tmux soon has "no space for new pane".
  return size
    ? { columns: Math.max(80, size.columns), rows: Math.max(24, size.rows - 1) }
    : DETACHED_SIZE;
}

async function buildOrReuse(
  step: TmuxStep,
  ctx: ExecContext,
  bc: BuildContext,
): Promise<StepOutcome> {
  const markerDir = Deno.makeTempDirSync({ prefix: "rune-panes-" });
  try {
    const closeHook: Omit<CloseHookSpec, "session"> | undefined = bc.options.closeHook && {
      ...bc.options.closeHook,
      project: bc.options.project,
      projectDir: bc.options.projectDir,
    };
    const buildOptions: BuildOptions = stepBuildOptions(step, {
      socket: socketArgs(bc.socket),
      project: bc.options.project,
      parentEnv: ctx.parentEnv,
      baseEnv: ctx.baseEnv,
      markerDir,
      size: sessionSize(ctx, bc),
      closeHook,
    });
    const layout = stepLayout(step);
    if (layout.before.length) {
      // Only for a session that is not there yet: one more tmux call, only in this case.
      const exists = await runTmux(
        ctx.runtime,
        tmuxCommand(buildOptions.socket, "has-session", "-t", `=${step.session}`),
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
    let build = buildSession(layout, buildOptions);
    let created = true;
    let r = await runTmux(ctx.runtime, build.argv, bc.clientEnv);
    if (r.code === 127) return tmuxMissing();
    if (r.code !== 0 && /duplicate session/.test(r.stderr)) {
      // It exists (or another rune won the race to create it): nothing of ours was applied,
      // since new-session is the first command and a failure aborts the rest.
      if (step.layout) {
        ctx.note(`tmux session "${step.session}" exists: reusing it`);
        return { status: "ok", exitCode: 0, durationMs: 0, message: "reused existing session" };
      }
      created = false;
      build = buildAddWindow(step.session, layout.windows[0], buildOptions);
      r = await runTmux(ctx.runtime, build.argv, bc.clientEnv);
    }
    const printed = r.stdout.split("\n").map((l) => l.trim()).filter(Boolean);
    if (r.code !== 0) return await failed(step, r, { created, printed, ctx, bc });
    const ids = printed.filter((l) => l.startsWith("%"));
    await typeCommands(build, ids, markerDir, buildOptions.socket, ctx, bc);
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
      Deno.removeSync(markerDir, { recursive: true });
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
  f: { created: boolean; printed: string[]; ctx: ExecContext; bc: BuildContext },
): Promise<StepOutcome> {
  const socket = socketArgs(f.bc.socket);
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
  markerDir: string,
  socket: readonly string[],
  ctx: ExecContext,
  bc: BuildContext,
): Promise<void> {
  const idOf = new Map(build.panes.map((p, i) => [p.key, ids[i]]));
  const typed = build.panes.filter((p) => p.commands.length && idOf.get(p.key));
  if (!typed.length) return;
  const result = await awaitMarkers(markerDir, typed.map((p) => p.key), {
    deadlineMs: bc.options.handshakeDeadlineMs,
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
