/**
 * A planned build run through ONE tmux control client: the client's own start command is the
 * build's `new-session` (so it is attached before any real pane exists and sees every pane's
 * output from its first byte: notes/control_mode.md §1b), and the rest of the planned calls go
 * down its stdin as command lines, in order, with the same commands as the CLI path minus its
 * pipe-pane (the client watches output itself). One tmux process for the whole build,
 * typing and readiness included.
 *
 * Guards (notes/control_mode.md): the client never sends `refresh-client -C`, so it never
 * changes a window's size; it runs with the filtered environment, like every tmux client of
 * rune's; it is detached (and killed if it will not go) by the caller's close(). When the
 * client cannot be used at all (the runtime cannot spawn, tmux exits before attaching), the
 * result says `unusable` and the caller builds the old way instead.
 * Needs --allow-run=tmux.
 */
import type { ExecContext, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import { openControlClient } from "./control_client.ts";
import type { ControlClient } from "./control_client.ts";
import type { ControlEvent } from "./control_protocol.ts";
import { unchain } from "./escape.ts";
import { bindSession } from "./pack.ts";
import { buildFailed, failedOutcome, tmuxMissing } from "./build_run.ts";

export type ControlOpen =
  | { kind: "open"; client: ControlClient; sessionId: string }
  /** new-session found the name taken: nothing of this build was applied. */
  | { kind: "exists" }
  | { kind: "failed"; outcome: StepOutcome }
  /** No control client here: build the old way. */
  | { kind: "unusable"; reason: string };

/** How long a build line may take: a 55 KB line of 200 windows took 1.8 s on a loaded box. */
const LINE_TIMEOUT_MS = 60_000;

/**
 * Starts the build's control client on `start` (the build's new-session, or attach-session
 * for a window added to an existing session); `listener` sees every event from the start.
 */
export async function openBuildClient(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  o: { env: Record<string, string>; start: string[]; listener: (e: ControlEvent) => void },
): Promise<ControlOpen> {
  const spawn = ctx.runtime.spawn?.bind(ctx.runtime);
  if (!spawn) return { kind: "unusable", reason: "this runtime keeps no client running" };
  const r = await openControlClient({
    socket: calls.socket,
    start: o.start,
    env: o.env,
    spawn: (argv, env) => spawn(argv, { env, clearEnv: true }),
    listener: o.listener,
  });
  if (!r.ok) {
    const lines = r.error.lines ?? [];
    switch (r.error.kind) {
      case "spawn":
        return /not installed/.test(r.error.problem)
          ? { kind: "failed", outcome: tmuxMissing() }
          : { kind: "unusable", reason: r.error.problem };
      case "exited":
        return { kind: "unusable", reason: r.error.problem };
      case "refused":
        if (lines.some((l) => /duplicate session/.test(l))) return { kind: "exists" };
        return {
          kind: "failed",
          outcome: await buildFailed(
            step,
            { code: 1, signal: null, stdout: "", stderr: lines.join("\n") },
            ctx,
            o.env,
          ),
        };
      case "silent":
      case "timeout":
        return {
          kind: "failed",
          outcome: failedOutcome(
            `tmux could not build "${step.session}": ${r.error.problem}: check that the ` +
              `server answers (tmux list-sessions), or end it`,
            null,
          ),
        };
    }
  }
  const client = r.value;
  if (o.start[0] !== "new-session") return { kind: "open", client, sessionId: client.session! };
  // "$3\tNAME" as printed by -P; a control client shows the tab as "_".
  const m = /^(\$\d+)[\t_](.*)$/.exec(client.startLines.find((l) => l.startsWith("$")) ?? "");
  if (!m || m[2] !== step.session) {
    await client.run([["kill-session", "-t", m?.[1] ?? client.session!]]);
    await client.close();
    return {
      kind: "failed",
      outcome: failedOutcome(
        `tmux could not build "${step.session}": it stores that name as "${m?.[2] ?? "?"}", ` +
          `so rune could not find the session again: choose a session_name without unusual ` +
          `characters`,
        1,
      ),
    };
  }
  return { kind: "open", client, sessionId: m[1] };
}

/**
 * The client's start command for a planned create: the first call's new-session, attached
 * (without -d: a control client attached to nothing exits at once).
 */
export function controlStart(calls: TmuxCalls): string[] {
  const args = calls.create[0].argv.slice(1 + calls.socket.length);
  const end = args.indexOf(";");
  const head = end < 0 ? args : args.slice(0, end);
  if (head[0] !== "new-session" || head[1] !== "-d") {
    throw new Error(`a planned build starts with "${head.slice(0, 2).join(" ")}"`);
  }
  return [head[0], ...head.slice(2)];
}

/**
 * The command lines of the rest of the build: the first call's commands after new-session,
 * then each later call with the session's id bound, all without rune's pipe-pane.
 */
export function controlLines(calls: TmuxCalls, sessionId: string): string[][][] {
  const args = (argv: readonly string[]) => argv.slice(1 + calls.socket.length);
  const [first, ...rest] = calls.create;
  const lines = [
    unchain(args(first.argv)).slice(1),
    ...rest.map((c) => unchain(args(bindSession(c.argv, sessionId)))),
  ];
  return lines.map((l) => l.filter((c) => c[0] !== "pipe-pane")).filter((l) => l.length);
}

/** The addWindow call as one command line (the client is attached to that session). */
export function addWindowLine(calls: TmuxCalls): string[][] {
  return unchain(calls.addWindow!.argv.slice(1 + calls.socket.length))
    .filter((c) => c[0] !== "pipe-pane");
}

export type LinesResult =
  | { ok: true; lines: string[] }
  /** `lines`: what the commands before the failing one printed (the panes they made). */
  | { ok: false; outcome: StepOutcome; lines: string[] };

/** Sends the build's lines in order; the reply lines of all of them, or why one failed. */
export async function sendLines(
  step: TmuxStep,
  client: ControlClient,
  lines: readonly (readonly string[][])[],
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<LinesResult> {
  const out: string[] = [];
  for (const line of lines) {
    if (ctx.signal.aborted) {
      return {
        ok: false,
        lines: out,
        outcome: {
          status: "interrupted",
          exitCode: null,
          durationMs: 0,
          message: `session "${step.session}" was half built: removed it`,
        },
      };
    }
    const r = await client.run(line, LINE_TIMEOUT_MS);
    if (!r.ok) {
      const stderr = (r.error.lines?.length ? r.error.lines : [r.error.problem]).join("\n");
      out.push(...(r.error.replies ?? []).flat());
      return {
        ok: false,
        lines: out,
        outcome: await buildFailed(step, { code: 1, signal: null, stdout: "", stderr }, ctx, env),
      };
    }
    out.push(...r.value.flat());
  }
  return { ok: true, lines: out };
}
