/** `rune start|stop`: load → detect → plan → print (--dry-run) or run. */
import type { GlobalOptions } from "../globals.ts";
import type { RitualCommandOptions } from "../commands/start_stop.ts";
import type { RitualName } from "../../contract/plan.ts";
import { planRitual } from "../../planning/plan.ts";
import { formatPlan } from "../../output/plan_text.ts";
import { findProject, UNCONFIGURED_ARGUMENT } from "../../project/detect.ts";
import { formatIssue, warningIssue } from "../../base/result.ts";
import type { Issue } from "../../base/result.ts";
import { makeColors, wantsColor } from "../../base/colors.ts";
import { EXIT } from "../exit_codes.ts";
import { loadConfigOrReport } from "./load_config.ts";
import { exitCodeFor, runPlan } from "../../runner/run_plan.ts";
import { chooseReporter } from "./reporter_choice.ts";
import { withoutNames } from "../../env/filter.ts";
import { runePaths } from "../../base/xdg.ts";
import { denoRuntime } from "../../exec/deno_runtime.ts";
import type { Config } from "../../config/schema.ts";
import type { Plan } from "../../contract/plan.ts";
import type { RunSummary } from "../../contract/outcome.ts";
import { stopBackground } from "./background_report.ts";
import { createTmuxExecutor } from "../../tmux/executor.ts";
import { currentRuneArgv } from "../../tmux/close_hook.ts";
import { stopProjectSessions } from "./session.ts";
import { describeStepBuild, stepBuildOptions } from "../../tmux/step_plan.ts";
import { chooseSocket, socketArgs } from "../../tmux/socket.ts";
import { createInteractiveExecutors } from "../../runner/interactive.ts";
import { autoTmux } from "./auto_tmux.ts";

export async function runRitualCommand(
  ritual: RitualName,
  projectArg: string | undefined,
  options: RitualCommandOptions,
  globals: GlobalOptions,
): Promise<number> {
  const loaded = await loadConfigOrReport(globals);
  if (!loaded.ok) return loaded.error;
  const env = Deno.env.toObject();
  const cwd = Deno.cwd();
  const config = loaded.value.config;
  const project = await findProject({
    argument: projectArg,
    projects: config.projects ?? [],
    cwd,
    env,
    knownNames: [
      ...Object.keys(config.rituals?.start?.per_project ?? {}),
      ...Object.keys(config.rituals?.stop?.per_project ?? {}),
    ],
    onWarning: (w) => {
      if (!globals.quiet) console.error(formatIssue(w));
    },
  });
  if (!project.ok) return reportIssues(project.error, "cannot tell which project this is");
  if (project.value.detectedBy === UNCONFIGURED_ARGUMENT && !globals.quiet) {
    console.error(formatIssue(warningIssue(
      "unknown-project",
      `Project "${project.value.name}" is not in the config: only the global commands run`,
      { hint: "Add it under projects (with its detect rules) or under rituals.start.per_project" },
    )));
  }

  const plan = planRitual(loaded.value, ritual, project.value, {
    env,
    now: new Date(),
    isDirectory,
  });
  if (!plan.ok) return reportIssues(plan.error, `cannot plan the ${ritual} ritual`);
  // What children get follows from the plan's env decision; it is not made again here.
  const baseEnv = withoutNames(env, plan.value.envRemoved);
  const closeHook = closeHookFor(plan.value, config, env);

  if (options.dryRun) {
    const tmuxArgv = dryRunTmux(plan.value, { config, env, baseEnv, closeHook, options });
    if (options.json) {
      console.log(
        JSON.stringify({ ...plan.value, tmuxArgv: Object.fromEntries(tmuxArgv) }, null, 2),
      );
    } else {
      const colors = makeColors(wantsColor("stdout", !globals.color));
      const lines = formatPlan(plan.value, {
        colors,
        home: env.HOME,
        describeTmux: (step) => {
          const argv = tmuxArgv.get(step.id);
          return argv
            ? [
              "tmux argv (one call; MARKERS is a temp dir made at run time):",
              `  ${argv.map(shellWord).join(" ")}`,
            ]
            : [];
        },
      });
      console.log([...lines, "", colors.dim("dry run: nothing was run")].join("\n"));
    }
    return EXIT.ok;
  }
  if (ritual === "start") {
    const code = await autoTmux(plan.value.project, config, env, baseEnv, options, globals);
    if (code !== undefined) return code;
  }
  const summary = await executePlan(plan.value, {
    config,
    env,
    baseEnv,
    closeHook,
    options,
    globals,
  });
  if (ritual === "stop") {
    await stopProjectSessions(plan.value.project.name, config, options, globals);
    await stopBackground(plan.value.project.name, runePaths(env).stateDir, {
      kill: options.killBackground,
      quiet: globals.quiet || options.json,
    });
  }
  return exitCodeFor(summary);
}

function reportIssues(issues: Issue[], what: string): number {
  for (const issue of issues) console.error(formatIssue(issue));
  const errors = issues.filter((i) => i.severity === "error").length;
  console.error(`rune: ${what}: ${errors} problem(s); nothing ran`);
  return errors ? EXIT.usage : EXIT.ok;
}

function isDirectory(path: string): boolean {
  try {
    return Deno.statSync(path).isDirectory;
  } catch (e) {
    if (e instanceof Deno.errors.NotCapable) throw e;
    return false;
  }
}

/** What running or describing a plan needs beyond the plan itself. */
interface RunContext {
  config: Config;
  env: Record<string, string>;
  /** env without the names the plan withholds. */
  baseEnv: Record<string, string>;
  closeHook?: CloseHookSource;
  options: RitualCommandOptions;
}

/** How tmux's session-closed hook reaches this rune again (settings.tmux.stop_on_session_close). */
interface CloseHookSource {
  runeArgv: string[];
  stateDir: string;
  configFile: string;
  project: string;
  projectDir: string;
}

function closeHookFor(
  plan: Plan,
  config: Config,
  env: Record<string, string>,
): CloseHookSource | undefined {
  if (!config.settings?.tmux?.stop_on_session_close) return undefined;
  return {
    runeArgv: currentRuneArgv(),
    stateDir: runePaths(env).stateDir,
    configFile: plan.configFile,
    project: plan.project.name,
    projectDir: plan.project.dir,
  };
}

async function executePlan(
  plan: Plan,
  { config, env, baseEnv, closeHook, options, globals }: RunContext & { globals: GlobalOptions },
): Promise<RunSummary> {
  const reporter = chooseReporter({ json: options.json, globals });
  // Ctrl-C (and TERM) stop the ritual; while an interactive step owns the terminal they are
  // its business, not rune's.
  const controller = new AbortController();
  let interactive = false;
  const onSignal = () => {
    if (!interactive) controller.abort();
  };
  const signals: Deno.Signal[] = ["SIGINT", "SIGTERM"];
  for (const s of signals) Deno.addSignalListener(s, onSignal);
  const stateDir = runePaths(env).stateDir;
  const tmux = createTmuxExecutor({
    project: plan.project.name,
    projectDir: plan.project.dir,
    socketSetting: config.settings?.tmux?.socket,
    closeHook,
    uid: Deno.uid() ?? 0,
    terminalSize: () => {
      try {
        return Deno.consoleSize();
      } catch {
        return undefined;
      }
    },
  });
  const flags = {
    noTmux: options.noTmux === true,
    noPty: options.noPty === true,
    detach: options.detach,
    tmuxSocket: options.socket,
    verbose: globals.verbose,
  };
  const terminal = { stdin: Deno.stdin.isTerminal(), stdout: Deno.stdout.isTerminal() };
  try {
    const summary = await runPlan(plan, {
      reporter,
      runtime: denoRuntime,
      baseEnv,
      parentEnv: env,
      terminal,
      flags,
      stateDir,
      executors: createInteractiveExecutors({
        project: plan.project.name,
        ritual: plan.ritual,
        stateDir,
        transcripts: config.settings?.audit?.transcripts === true,
        tmux: (step, ctx) => tmux.execute(step, ctx),
      }),
      signal: controller.signal,
      onInteractive: (active) => interactive = active,
    });
    if (!summary.interrupted) {
      for (
        const line of await tmux.finish({ flags, parentEnv: env, terminal, runtime: denoRuntime })
      ) {
        reporter.note(line);
      }
    }
    return summary;
  } finally {
    for (const s of signals) Deno.removeSignalListener(s, onSignal);
    reporter.restoreTerminal?.();
  }
}

/** The exact argv each tmux step would run, by step id (the create-session form). */
function dryRunTmux(
  plan: Plan,
  { config, env, baseEnv, closeHook, options }: RunContext,
): Map<number, string[]> {
  const socket = socketArgs(chooseSocket(options.socket, env, config.settings?.tmux?.socket));
  const out = new Map<number, string[]>();
  for (const step of plan.steps) {
    if (step.kind !== "tmux") continue;
    const build = describeStepBuild(
      step,
      stepBuildOptions(step, {
        socket,
        project: plan.project.name,
        parentEnv: env,
        baseEnv,
        markerDir: "MARKERS",
        closeHook,
      }),
    );
    out.set(step.id, build.create.argv);
  }
  return out;
}

/** Quotes an argv element for display the way a shell would read it back. */
function shellWord(s: string): string {
  return /^[A-Za-z0-9_\/.,:=@%+#{}-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`;
}
