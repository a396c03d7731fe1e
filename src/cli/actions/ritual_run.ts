/** `rune start|stop`: load → detect → plan → the tmux calls → print (--dry-run) or run. */
import { formatIssue, runePaths, visible, warningIssue } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import { shellQuote } from "../../shell/mod.ts";
import { formatPlan } from "../../output/mod.ts";
import { planRitual } from "../../planning/mod.ts";
import type { Plan, RitualName, TmuxCalls } from "../../contract/mod.ts";
import { findProject, UNCONFIGURED_ARGUMENT } from "../../project/mod.ts";
import { withoutNames } from "../../env/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import { executePlan } from "../../runner/mod.ts";
import {
  carriedEnv,
  currentRuneArgv,
  planTmuxCalls,
  SESSION_ID,
  TMUX_ARGV_BUDGET,
} from "../../tmux/mod.ts";
import type { Config } from "../../config/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT, exitCodeFor } from "../exit_codes.ts";
import { loadProjectConfigOrReport, localDetectedBy, projectArgument } from "../project_config.ts";
import type { ProjectConfig } from "../project_config.ts";
import { chooseReporter, outputColors } from "../output.ts";
import { readTerminal, tmuxWorldFor } from "../world.ts";
import { autoTmux } from "./auto_tmux.ts";
import { stopBackground } from "./background_report.ts";
import { stopProjectSessions } from "./session.ts";
import { currentDir } from "../cwd.ts";
import { RitualTracker, type TrackingRequest } from "./ritual_tracking.ts";
import { parseVars, parseWindows } from "../ritual_args.ts";
import { autosaveFor } from "./session_hooks.ts";
import { isDirectory } from "../fs_facts.ts";

export interface RitualCommandOptions {
  dryRun: boolean;
  json: boolean;
  /** --detach: build tmux sessions, do not attach or switch. */
  detach: boolean;
  /** --socket NAME / --socket-path PATH */
  socket?: { name?: string; path?: string };
  /** stop: end what `rune start` left running in the background. */
  killBackground: boolean;
  /** --no-tmux: interactive commands never use tmux (and no auto_tmux). */
  noTmux?: boolean;
  /** --no-pty: interactive commands use rune's terminal directly, never `script`. */
  noPty?: boolean;
  /** Open or close a work session around the ritual (`rune start|stop`, not `ritual run`). */
  tracking?: TrackingRequest;
  /** --var NAME=VALUE, as given. */
  vars?: string[];
  /** --windows a,b, as given. */
  windows?: string[];
  /** --append: add the template's windows a running session lacks. */
  append?: boolean;
  /** --wait: tmux steps end only once every declared readiness condition holds. */
  wait?: boolean;
}

export async function runRitualCommand(
  ritual: RitualName,
  projectArg: string | undefined,
  options: RitualCommandOptions,
  globals: GlobalOptions,
): Promise<number> {
  // A malformed --var is a usage error, whatever the config holds.
  const vars = parseVars(options.vars ?? []);
  if (!vars.ok) return reportIssues(vars.error, `cannot ${ritual}`);
  const loaded = await loadProjectConfigOrReport(globals);
  if (!loaded.ok) return loaded.error;
  if (!options.tracking || options.dryRun) {
    return await ritualCommand(ritual, projectArg, options, globals, loaded);
  }
  const tracker = RitualTracker.open(options.tracking, globals.quiet);
  if (!tracker.ok) return tracker.code;
  try {
    return await ritualCommand(ritual, projectArg, options, globals, loaded, tracker.value);
  } finally {
    tracker.value.close();
  }
}

async function ritualCommand(
  ritual: RitualName,
  projectArg: string | undefined,
  options: RitualCommandOptions,
  globals: GlobalOptions,
  loaded: { ok: true; value: ProjectConfig },
  tracker?: RitualTracker,
): Promise<number> {
  const env = Deno.env.toObject();
  const cwd = currentDir();
  const config = loaded.value.config;
  const asked = projectArgument(
    loaded.value,
    ritual === "stop" && tracker ? tracker.stopTarget(projectArg) : projectArg,
  );
  const project = await findProject({
    argument: asked.argument,
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
  if (asked.fromLocal && loaded.value.local) {
    project.value.detectedBy = localDetectedBy(loaded.value.local);
  }
  if (project.value.detectedBy === UNCONFIGURED_ARGUMENT && !globals.quiet) {
    console.error(formatIssue(warningIssue(
      "unknown-project",
      `Project "${project.value.name}" is not in the config: only the global commands run`,
      { hint: "Add it under projects (with its detect rules) or under rituals.start.per_project" },
    )));
  }

  const name = project.value.name;
  // What the work session is tracked under: a stop of the open session keeps its stored name.
  const tracked = ritual === "stop" && tracker ? tracker.stopName(asked.argument, name) : name;
  const policy = config.settings?.tracking?.on_switch;
  const stopOther = (other: string) =>
    runRitualCommand("stop", other, {
      ...options,
      detach: true,
      killBackground: false,
      // --windows and --append are about this start's session, not the other project's stop.
      windows: [],
      append: false,
    }, globals);
  if (tracker && options.tracking?.skipRituals) {
    const refused = ritual === "start"
      ? await tracker.beforeStart(name, { policy, stopOther })
      : undefined;
    return refused ?? tracker.after(ritual, { project: tracked, code: EXIT.ok });
  }
  const planned = planRitual(loaded.value, ritual, project.value, {
    env,
    now: new Date(),
    isDirectory,
    vars: varsOf(options),
    windows: parseWindows(options.windows ?? []),
    append: options.append === true,
  });
  if (!planned.ok) return reportIssues(planned.error, `cannot plan the ${ritual} ritual`);
  // What children get follows from the plan's env decision; it is not made again here.
  const baseEnv = withoutNames(env, planned.value.envRemoved);
  const terminal = readTerminal();
  const world = tmuxWorldFor({
    config,
    env,
    baseEnv,
    socket: options.socket,
    terminal,
    detach: options.detach,
  });
  const plan = planTmuxCalls(planned.value, world, {
    markerDir: markerDirFor(env),
    closeHook: closeHookFor(planned.value, config, env),
    autosave: autosaveFor(config, env, runePaths(env).stateDir),
  });

  if (options.dryRun) return printPlan(plan, { json: options.json, globals, home: env.HOME });
  if (tracker && ritual === "start") {
    const refused = await tracker.beforeStart(name, { policy, stopOther });
    if (refused !== undefined) return refused;
  }
  if (ritual === "start") {
    const code = await autoTmux(plan.project, config, { env, world, terminal, options, globals });
    if (code !== undefined) return code;
  }
  const reporter = chooseReporter({ json: options.json, globals });
  const stateDir = runePaths(env).stateDir;
  try {
    const summary = await executePlan(plan, {
      reporter,
      runtime: denoRuntime,
      world,
      parentEnv: env,
      baseEnv,
      terminal,
      flags: {
        noTmux: options.noTmux === true,
        noPty: options.noPty === true,
        detach: options.detach,
        verbose: globals.verbose,
        wait: options.wait === true,
      },
      stateDir,
      transcripts: config.settings?.audit?.transcripts === true,
    });
    if (ritual === "stop") {
      await stopProjectSessions(plan.project.name, config, world, {
        quiet: globals.quiet || options.json,
        socket: options.socket,
      });
      await stopBackground(plan.project.name, stateDir, {
        kill: options.killBackground,
        quiet: globals.quiet || options.json,
      });
    }
    const code = exitCodeFor(summary);
    return tracker ? tracker.after(ritual, { project: tracked, code }) : code;
  } finally {
    reporter.restoreTerminal?.();
  }
}

/** `--dry-run`: the Plan as text, or as JSON; the tmux argv in it is the argv that would run. */
function printPlan(
  plan: Plan,
  o: { json: boolean; globals: GlobalOptions; home?: string },
): number {
  if (o.json) {
    console.log(JSON.stringify(plan, null, 2));
    return EXIT.ok;
  }
  const colors = outputColors("stdout", o.globals);
  const lines = formatPlan(plan, {
    colors,
    home: o.home,
    describeTmux: (step) => step.tmux ? tmuxCallLines(step.tmux) : [],
  });
  console.log([...lines, "", colors.dim("dry run: nothing was run")].join("\n"));
  return EXIT.ok;
}

/** A step's tmux calls as shell lines: one, or the packed calls with what `$SESSION` is. */
function tmuxCallLines(calls: TmuxCalls): string[] {
  const n = calls.create.length;
  const head = n === 1
    ? "tmux argv (one call"
    : `tmux argv (${n} calls, each within tmux's ${TMUX_ARGV_BUDGET}-byte message limit; ` +
      `${SESSION_ID} is the session id the first prints`;
  const line = (argv: string[]) => `  ${argv.map(shellQuote).join(" ")}`;
  const sync = (calls.synchronize ?? []).map((w) =>
    `synchronize-panes on in the window of pane ${w.panes[0]} ` +
    (w.when === "before" ? "once its panes are ready, before typing" : "once its panes are typed")
  );
  const append = (calls.appendWindows ?? []).flatMap((w) => [
    `--append: if the session runs without a window "${w.name}", ${SESSION_ID} being its id:`,
    ...w.build.map((c) => line(c.argv)),
  ]);
  return [
    `${head}; ${calls.markerDir} is made when it runs):`,
    ...calls.create.map((c) => line(c.argv)),
    ...sync,
    ...append,
  ];
}

function reportIssues(issues: Issue[], what: string): number {
  for (const issue of issues) console.error(formatIssue(issue));
  const errors = issues.filter((i) => i.severity === "error").length;
  console.error(visible(`rune: ${what}: ${errors} problem(s); nothing ran`));
  return errors ? EXIT.usage : EXIT.ok;
}

/** This run's pane-marker base: unguessable, so nobody can make it first. */
function markerDirFor(env: Record<string, string>): string {
  const tmp = (env.TMPDIR || "/tmp").replace(/\/+$/, "") || "/tmp";
  const id = [...crypto.getRandomValues(new Uint8Array(8))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${tmp}/rune-panes-${id}`;
}

/** How tmux's session-closed hook reaches this rune again (settings.tmux.stop_on_session_close). */
function closeHookFor(plan: Plan, config: Config, env: Record<string, string>) {
  if (!config.settings?.tmux?.stop_on_session_close) return undefined;
  return {
    runeArgv: currentRuneArgv(),
    stateDir: runePaths(env).stateDir,
    configFile: plan.configFile,
    project: plan.project.name,
    projectDir: plan.project.dir,
    env: carriedEnv(env),
  };
}

/** --var as the planner takes it; runRitualCommand has refused malformed ones already. */
function varsOf(options: RitualCommandOptions): Record<string, string> {
  const vars = parseVars(options.vars ?? []);
  return vars.ok ? vars.value : {};
}
