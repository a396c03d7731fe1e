/**
 * The executors the ritual runner uses for interactive steps (kinds "pty" and "tmux"). Each
 * step goes down the fallback chain (`decideInteractiveRoute`), is carried out by the tmux
 * executor or `runInteractive`, and — when it ran at all — gets one line in the audit log,
 * with a transcript when settings.audit.transcripts asks for one.
 */
import type {
  ExecContext,
  PtyStep,
  RitualName,
  Runtime,
  ScriptFlavour,
  StepExecutor,
  StepOutcome,
  TmuxStep,
} from "../contract/mod.ts";
import { appendAudit, auditFile, newAuditId, prepareTranscript } from "../state/mod.ts";
import type { AuditEntry, TranscriptRef } from "../state/mod.ts";
import { detectScriptFlavour, runInteractive } from "../pty/mod.ts";
import { decideInteractiveRoute } from "./route.ts";
import type { RouteFacts } from "./route.ts";

export interface InteractiveOptions {
  project: string;
  ritual: RitualName;
  /** $XDG_STATE_HOME/rune: the audit log and transcripts live here. */
  stateDir: string;
  /** settings.audit.transcripts */
  transcripts: boolean;
  /** The tmux executor (src/tmux); without one, tmux steps take the terminal route. */
  tmux?: StepExecutor<TmuxStep>;
  /** Probes of the machine; tests replace them. Each runs at most once, and only if needed. */
  probes?: Partial<Probes>;
  /** Who ran it, for the audit log (default: USER, else LOGNAME, else "uid N"). */
  user?: string;
}

export interface Probes {
  scriptFlavour(runtime: Runtime): Promise<ScriptFlavour | null>;
  tmuxUsable(runtime: Runtime): Promise<boolean>;
}

export interface InteractiveExecutors {
  pty: StepExecutor<PtyStep>;
  tmux: StepExecutor<TmuxStep>;
}

export function createInteractiveExecutors(options: InteractiveOptions): InteractiveExecutors {
  const probes = { scriptFlavour: detectScriptFlavour, tmuxUsable: assumeTmux, ...options.probes };
  let tmuxAnswer: Promise<boolean> | undefined;
  const run = async (step: PtyStep | TmuxStep, ctx: ExecContext): Promise<StepOutcome> => {
    const want = step.kind === "pty" ? "pty" : step.layout ? "tmux-template" : "tmux-session";
    const needTmux = want !== "pty" && !ctx.flags.noTmux;
    const tmuxOk = needTmux && Boolean(options.tmux) &&
      await (tmuxAnswer ??= probes.tmuxUsable(ctx.runtime));
    const facts: RouteFacts = {
      name: step.name,
      want,
      optional: step.optional,
      tmuxUsable: tmuxOk,
      stdinTTY: ctx.terminal.stdin,
      // Probed only on the way to the pty path.
      scriptFlavour: ctx.terminal.stdin && !ctx.flags.noPty && (!needTmux || !tmuxOk)
        ? await probes.scriptFlavour(ctx.runtime)
        : null,
      flags: ctx.flags,
    };
    const route = decideInteractiveRoute(facts);
    for (const note of route.notes) ctx.note(note);
    switch (route.kind) {
      case "skip":
        return { status: "skipped", exitCode: null, durationMs: 0, message: route.message };
      case "fail":
        return {
          status: "failed",
          exitCode: null,
          durationMs: 0,
          message: route.message,
          missing: route.missing,
        };
      case "tmux": {
        const time = new Date(ctx.runtime.now());
        const outcome = await options.tmux!(step as TmuxStep, ctx);
        if (outcome.missing === "tmux" && want === "tmux-session") {
          // tmux is missing or too old (the executor found out before creating anything):
          // from now on the chain goes on without it.
          tmuxAnswer = Promise.resolve(false);
          return await run(step, ctx);
        }
        if (outcome.missing === "tmux") tmuxAnswer = Promise.resolve(false);
        audit(options, ctx, { step, time, outcome, via: "tmux" });
        return outcome;
      }
      case "pty":
      case "direct": {
        const command = step.command ?? "";
        if (!command.trim()) {
          // A tmux_session step without a command only opens a window: nothing to run here.
          return {
            status: "skipped",
            exitCode: null,
            durationMs: 0,
            message: "no command to run outside tmux",
          };
        }
        const id = newAuditId();
        const time = new Date(ctx.runtime.now());
        let transcript: TranscriptRef | undefined;
        if (route.kind === "pty" && options.transcripts) {
          try {
            transcript = prepareTranscript(options.stateDir, id, route.flavour);
          } catch (e) {
            if (e instanceof Deno.errors.NotCapable) throw e;
            ctx.note(`no transcript for "${step.name}": ${(e as Error).message}`);
          }
        }
        const outcome = await runInteractive(
          { command, cwd: step.cwd, env: step.env },
          ctx,
          route.kind === "pty"
            ? { kind: "pty", flavour: route.flavour, transcript }
            : { kind: "direct" },
        );
        audit(options, ctx, { step, time, outcome, via: route.kind, id, transcript });
        return outcome;
      }
    }
  };
  return { pty: run, tmux: run };
}

/**
 * tmux is assumed to work: the tmux executor learns otherwise from its own first call (exit
 * 127, or an old version) without creating anything, and says so with `missing: "tmux"`. A
 * separate `tmux -V` would cost every session build a third tmux process.
 */
function assumeTmux(_runtime: Runtime): Promise<boolean> {
  return Promise.resolve(true);
}

function audit(
  options: InteractiveOptions,
  ctx: ExecContext,
  run: {
    step: PtyStep | TmuxStep;
    time: Date;
    outcome: StepOutcome;
    via: AuditEntry["via"];
    id?: string;
    transcript?: TranscriptRef;
  },
): void {
  const { step, outcome } = run;
  const entry: AuditEntry = {
    id: run.id ?? newAuditId(),
    time: run.time.toISOString(),
    user: options.user ?? (ctx.parentEnv.USER || ctx.parentEnv.LOGNAME || `uid ${Deno.uid()}`),
    project: options.project,
    ritual: options.ritual,
    name: step.name,
    command: step.kind === "tmux" && step.layout
      ? `tmux template "${step.layout.template}"`
      : step.command ?? "",
    via: run.via,
    status: outcome.status,
    exitCode: outcome.exitCode,
    durationMs: outcome.durationMs,
    ...(run.transcript ? { transcript: run.transcript } : {}),
  };
  try {
    appendAudit(auditFile(options.stateDir), entry);
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    ctx.note(`could not write the audit log: ${(e as Error).message}`);
  }
}
