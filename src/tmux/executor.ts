/**
 * Runs tmux steps: builds a template's session in one tmux call (or reuses it), types pane
 * commands after the readiness handshake in a second call, and attaches once the ritual is
 * over. Needs --allow-run=tmux, --allow-write for the marker dir.
 */
import type { ExecContext, StepOutcome } from "../rituals/outcome_types.ts";
import type { TmuxStep } from "../rituals/plan_types.ts";
import { runShellStep } from "../exec/shell_step.ts";
import { buildAddWindow, buildSession, buildTyping, markerLine } from "./build.ts";
import type { SessionBuild } from "./build.ts";
import { stepBuildOptions, stepLayout } from "./step_build.ts";
import { runTmux, tmuxClientEnv, tmuxCommand, tmuxError } from "./client.ts";
import { awaitMarkers } from "./handshake.ts";
import { attachCommand, chooseSocket, insideServer, socketArgs } from "./socket.ts";
import type { SocketChoice } from "./socket.ts";
import { installCloseHook } from "./close_hook.ts";

export interface TmuxExecutorOptions {
  project: string;
  projectDir: string;
  /** settings.tmux.socket */
  socketSetting?: string;
  /** settings.tmux.stop_on_session_close: how to run `rune stop` from tmux's hook. */
  closeHook?: { runeArgv: string[]; stateDir: string; configFile: string };
  /** Handshake deadline (tests shorten it). */
  handshakeDeadlineMs?: number;
  uid: number;
}

/** The session to show the user once the ritual is done. */
interface Built {
  session: string;
  socket: SocketChoice;
  clientEnv: Record<string, string>;
}

export interface TmuxExecutor {
  execute(step: TmuxStep, ctx: ExecContext): Promise<StepOutcome>;
  /** After the ritual: attach, switch-client, or print how to attach. */
  finish(ctx: Pick<ExecContext, "flags" | "parentEnv" | "terminal" | "runtime">): Promise<string[]>;
}

export function createTmuxExecutor(options: TmuxExecutorOptions): TmuxExecutor {
  let last: Built | undefined;
  return {
    async execute(step, ctx) {
      const started = ctx.runtime.now();
      const socket = chooseSocket(ctx.flags.tmuxSocket, ctx.parentEnv, options.socketSetting);
      const clientEnv = tmuxClientEnv(ctx.baseEnv);
      const outcome = await buildOrReuse(step, ctx, {
        socket,
        clientEnv,
        options,
      });
      if (outcome.status === "ok") last = { session: step.session, socket, clientEnv };
      return { ...outcome, durationMs: ctx.runtime.now() - started, via: "tmux" };
    },
    async finish(ctx) {
      if (!last) return [];
      const attach = attachCommand(last.socket, last.session);
      if (ctx.flags.detach || !ctx.terminal.stdin || !ctx.terminal.stdout) {
        return [`tmux session "${last.session}" is ready (detached); attach with: ${attach}`];
      }
      if (ctx.parentEnv.TMUX) {
        if (!insideServer(last.socket, ctx.parentEnv, options.uid)) {
          return [
            `tmux session "${last.session}" is ready on another tmux server; ` +
            `from outside tmux attach with: ${attach}`,
          ];
        }
        const r = await runTmux(
          ctx.runtime,
          tmuxCommand(socketArgs(last.socket), "switch-client", "-t", `=${last.session}`),
          { ...last.clientEnv, TMUX: ctx.parentEnv.TMUX },
        );
        return r.code === 0
          ? []
          : [`could not switch to "${last.session}": ${tmuxError(r)}; attach with: ${attach}`];
      }
      const status = await new Deno.Command("tmux", {
        args: tmuxCommand(socketArgs(last.socket), "attach-session", "-t", `=${last.session}`)
          .slice(1),
        clearEnv: true,
        env: last.clientEnv,
        stdin: "inherit",
        stdout: "inherit",
        stderr: "inherit",
      }).spawn().status;
      return status.success ? [] : [`tmux attach failed; attach with: ${attach}`];
    },
  };
}

interface BuildContext {
  socket: SocketChoice;
  clientEnv: Record<string, string>;
  options: TmuxExecutorOptions;
}

async function buildOrReuse(
  step: TmuxStep,
  ctx: ExecContext,
  bc: BuildContext,
): Promise<StepOutcome> {
  const markerDir = Deno.makeTempDirSync({ prefix: "rune-panes-" });
  try {
    const buildOptions = stepBuildOptions(step, {
      socket: socketArgs(bc.socket),
      project: bc.options.project,
      parentEnv: ctx.parentEnv,
      baseEnv: ctx.baseEnv,
      markerDir,
    });
    const layout = stepLayout(step);
    if (layout.before.length) {
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
      if (step.layout) {
        ctx.note(`tmux session "${step.session}" exists: reusing it`);
        return { status: "ok", exitCode: 0, durationMs: 0, message: "reused existing session" };
      }
      created = false;
      build = buildAddWindow(step.session, layout.windows[0], buildOptions);
      r = await runTmux(ctx.runtime, build.argv, bc.clientEnv);
    }
    const ids = r.stdout.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("%"));
    if (r.code !== 0) {
      // A failed command list keeps what ran before it (FACTS §2): remove a half-built session.
      if (created && ids.length) {
        await runTmux(ctx.runtime, [
          "tmux",
          ...buildOptions.socket,
          "kill-session",
          "-t",
          `=${step.session}`,
        ], bc.clientEnv);
      }
      return {
        status: "failed",
        exitCode: r.code,
        durationMs: 0,
        message: `tmux could not build "${step.session}": ${tmuxError(r)}`,
      };
    }
    await typeCommands(build, ids, markerDir, buildOptions.socket, ctx, bc);
    if (created && bc.options.closeHook) {
      await installCloseHook(ctx.runtime, buildOptions.socket, bc.clientEnv, {
        ...bc.options.closeHook,
        session: step.session,
        project: bc.options.project,
        projectDir: bc.options.projectDir,
        socket: bc.socket,
      });
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
