/**
 * `rune start web --append` on a running session: the template's windows it lacks, by name,
 * added after its last window, each built as a new session's window is; only a session rune
 * made (@rune-project) is added to. The window to show is the template's focused one among
 * those added, else the first added. A failing call removes the windows this run added.
 * Needs --allow-run=tmux.
 */
import type { BuiltPane, ExecContext, StepOutcome, TmuxCalls, TmuxStep } from "../contract/mod.ts";
import { PROJECT_OPTION } from "./build.ts";
import { runTmux, tmuxCommand, tmuxError } from "./client.ts";
import { chain } from "./escape.ts";
import { bindSession } from "./pack.ts";

export type AppendResult =
  /** `added` are the windows' names; empty when the session had them all. */
  | { kind: "appended"; added: string[]; panes: BuiltPane[]; paneIds: string[] }
  /** The session is not rune's: the caller refuses it as it refuses a reuse. */
  | { kind: "foreign" }
  | { kind: "failed"; outcome: StepOutcome };

export async function runAppend(
  step: TmuxStep,
  calls: TmuxCalls,
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<AppendResult> {
  const target = `=${step.session}:`;
  const r = await runTmux(
    ctx.runtime,
    [
      "tmux",
      ...calls.socket,
      ...chain([
        ["display-message", "-p", "-t", target, `#{session_id}\t#{${PROJECT_OPTION}}`],
        ["list-windows", "-t", target, "-F", "#{window_name}"],
      ]),
    ],
    env,
  );
  if (r.code !== 0) return failed(`cannot add windows to "${step.session}": ${tmuxError(r)}`);
  const [head, ...names] = r.stdout.split("\n").filter((l) => l !== "");
  const [sessionId, project = ""] = (head ?? "").split("\t");
  if (!sessionId?.startsWith("$")) {
    return failed(`cannot add windows to "${step.session}": tmux did not say which session`);
  }
  if (project === "") return { kind: "foreign" };

  const missing = (calls.appendWindows ?? []).filter((w) => !names.includes(w.name));
  const panes: BuiltPane[] = [];
  const paneIds: string[] = [];
  const firsts: string[] = [];
  for (const window of missing) {
    let first: string | undefined;
    for (const call of window.build) {
      const made = await runTmux(ctx.runtime, bindSession(call.argv, sessionId), env);
      const ids = made.stdout.split("\n").map((l) => l.trim()).filter((l) => l.startsWith("%"));
      first ??= ids[0];
      paneIds.push(...ids);
      if (made.code !== 0 || ctx.signal.aborted) {
        await removeWindows([...firsts, ...(first ? [first] : [])], calls, ctx, env);
        return failed(
          made.code !== 0
            ? `tmux could not add window "${window.name}" to "${step.session}": ${tmuxError(made)}`
            : `adding windows to "${step.session}" was interrupted: removed the ones added`,
          made.code !== 0 ? "failed" : "interrupted",
        );
      }
      panes.push(...call.panes);
    }
    if (first) firsts.push(first);
  }
  const shown = missing.findIndex((w) => w.focus);
  const show = firsts[Math.max(0, shown)];
  if (show) {
    await runTmux(ctx.runtime, tmuxCommand(calls.socket, "select-window", "-t", show), env);
  }
  return { kind: "appended", added: missing.map((w) => w.name), panes, paneIds };
}

/** Kills the windows of these panes (one pane id per window). */
async function removeWindows(
  firstPanes: readonly string[],
  calls: TmuxCalls,
  ctx: ExecContext,
  env: Record<string, string>,
): Promise<void> {
  if (!firstPanes.length) return;
  const kills = firstPanes.map((id) => ["kill-window", "-t", id]);
  await runTmux(ctx.runtime, ["tmux", ...calls.socket, ...chain(kills)], env);
}

function failed(message: string, status: "failed" | "interrupted" = "failed"): AppendResult {
  return { kind: "failed", outcome: { status, exitCode: null, durationMs: 0, message } };
}
