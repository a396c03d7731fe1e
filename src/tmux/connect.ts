/**
 * Builds a step's session (or adds its window to an existing one) and returns the link the
 * rest of the step talks through: the build's own control client when control mode is usable
 * (control_build.ts), else the planned tmux calls run one by one (build_run.ts) with their
 * pipe-panes. Either way, on any failure everything this build made is removed.
 * Needs --allow-run=tmux.
 */
import type { ExecContext, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import { runAddWindow, runCreate } from "./build_run.ts";
import type { ControlClient } from "./control_client.ts";
import type { ControlEvent } from "./control_protocol.ts";
import {
  addWindowLine,
  controlLines,
  controlStart,
  openBuildClient,
  sendLines,
} from "./control_build.ts";
import { cliLink, controlLink } from "./link.ts";
import type { SessionLink } from "./link.ts";

export interface Connected {
  kind: "built" | "added";
  link: SessionLink;
  paneIds: string[];
  /** The session's id ("$3"), for a built session. */
  sessionId?: string;
  /** A window added to an existing session: its index as tmux shows it. */
  window?: string;
}

export type ConnectResult =
  | Connected
  /** The session exists and this step adds no window to it: reuse or refuse it. */
  | { kind: "exists" }
  | { kind: "failed"; outcome: StepOutcome };

export interface ConnectOptions {
  env: Record<string, string>;
  /** Use a control client when it works (false: RUNE_TMUX_CONTROL=0, or tests). */
  control: boolean;
  /** Every control event of the build's client, from its first (pane output). */
  listener: (e: ControlEvent) => void;
}

export async function connect(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  o: ConnectOptions,
): Promise<ConnectResult> {
  let exists = false;
  if (o.control) {
    const open = await openBuildClient(step, calls, ctx, { ...o, start: controlStart(calls) });
    if (open.kind === "failed") return open;
    if (open.kind === "exists") exists = true;
    if (open.kind === "unusable" && ctx.runtime.spawn) {
      ctx.note(`tmux control mode is not usable (${open.reason}): building without it`);
    }
    if (open.kind === "open") {
      const sent = await sendLines(step, open.client, controlLines(calls, open.sessionId), ctx, {
        ...o.env,
      });
      if (!sent.ok) {
        await removeThrough(open.client, ["kill-session", "-t", open.sessionId]);
        return { kind: "failed", outcome: sent.outcome };
      }
      return {
        kind: "built",
        link: controlLink(open.client),
        paneIds: paneIdsOf(sent.lines),
        sessionId: open.sessionId,
      };
    }
  }
  if (!exists) {
    const created = await runCreate(step, calls, ctx, o.env);
    if (created.kind === "failed") return created;
    if (created.kind === "built") {
      return {
        kind: "built",
        link: cliLink(ctx.runtime, calls.socket, o.env),
        paneIds: created.paneIds,
        sessionId: created.sessionId,
      };
    }
  }
  if (!calls.addWindow) return { kind: "exists" };
  return await addWindow(step, calls, ctx, o);
}

/** The step's window, added to the session that exists (tmux_session steps). */
async function addWindow(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  o: ConnectOptions,
): Promise<ConnectResult> {
  if (o.control) {
    const open = await openBuildClient(step, calls, ctx, {
      ...o,
      start: ["attach-session", "-t", `=${step.session}`],
    });
    if (open.kind === "failed") return open;
    if (open.kind === "open") {
      const sent = await sendLines(step, open.client, [addWindowLine(calls)], ctx, o.env);
      if (!sent.ok) {
        const made = paneIdsOf(sent.lines);
        if (made.length) await open.client.run(made.map((id) => ["kill-pane", "-t", id]), 5_000);
        await open.client.close();
        return { kind: "failed", outcome: sent.outcome };
      }
      const printed = sent.lines.filter((l) => l.startsWith("%"));
      return {
        kind: "added",
        link: controlLink(open.client),
        paneIds: printed.map((l) => l.split(" ")[0]),
        window: printed[0]?.split(" ")[1] ?? "?",
      };
    }
  }
  const added = await runAddWindow(step, calls, ctx, o.env);
  if (added.kind === "failed") return added;
  return {
    kind: "added",
    link: cliLink(ctx.runtime, calls.socket, o.env),
    paneIds: added.paneIds,
    window: added.window,
  };
}

/** Removes what a failed build made, through its own client, then closes the client. */
async function removeThrough(client: ControlClient, command: string[]): Promise<void> {
  await client.run([command], 5_000);
  await client.close();
}

function paneIdsOf(lines: readonly string[]): string[] {
  return lines.filter((l) => l.startsWith("%")).map((l) => l.split(" ")[0]);
}
