/**
 * `rune session restore NAME…|--all`: each save rebuilt as a tmux step of a Plan run by the
 * same runner and executor as `rune start --detach` (hidden env, escaping, the readiness
 * handshake, cleanup on failure), at the saved size; then one call per session puts back its
 * options, titles and zoom by id. A session that exists already is left as it is.
 */
import { formatIssue, runePaths, visible } from "../../base/mod.ts";
import type { Issue } from "../../base/mod.ts";
import type { LoadedConfig } from "../../config/mod.ts";
import type { Plan, StepResult } from "../../contract/mod.ts";
import { filterEnv } from "../../env/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import { executePlan } from "../../runner/mod.ts";
import {
  carriedEnv,
  currentRuneArgv,
  DEFAULT_RESTORE_PROGRAMS,
  finishArgv,
  listLiveSessions,
  parseShapes,
  planRestore,
  restoreSize,
  runTmux,
  sameShape,
  SHAPE_FORMAT,
  tmuxCalls,
  tmuxCommand,
  tmuxError,
} from "../../tmux/mod.ts";
import type { RestorePlan, SocketChoice, TmuxWorld } from "../../tmux/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT, exitCodeFor } from "../exit_codes.ts";
import { chooseReporter } from "../output.ts";
import { readTerminal, tmuxWorldFor } from "../world.ts";
import { currentDir } from "../cwd.ts";
import { chooseSaves, readSaves, savesDir } from "./saved_files.ts";
import type { SavedOnDisk } from "./saved_files.ts";
import { autosaveFor, markerDirFor } from "./session_hooks.ts";
import { isDirectory } from "../fs_facts.ts";
import { loadConfigCached, reportLoadFailure } from "../load_config.ts";

export interface RestoreOptions {
  names: string[];
  all: boolean;
  /** --run-commands: every program starts again, not only the allowlisted ones. */
  runCommands: boolean;
  /** --previous: the save before the latest. */
  previous: boolean;
}

export async function sessionRestore(
  flags: SocketChoice,
  options: RestoreOptions,
  globals: GlobalOptions,
): Promise<number> {
  const env = Deno.env.toObject();
  const loaded = await optionalConfig(globals, env);
  if (typeof loaded === "number") return loaded;
  const config = loaded?.config;
  const dir = savesDir();
  const read = await readSaves(dir, options.previous ? "previous" : "latest");
  const chosen = chooseSaves(read.saves, options, dir);
  for (const issue of [...read.issues, ...chosen.issues]) console.error(formatIssue(issue));
  if (chosen.issues.length || !chosen.saves.length) return EXIT.usage;

  const rules = config?.settings?.env ?? {};
  const filtered = filterEnv(env, { allow: rules.allow ?? [], deny: rules.deny ?? [] });
  const world = tmuxWorldFor({
    config,
    env,
    baseEnv: filtered.kept,
    socket: flags,
    terminal: readTerminal(),
    detach: true,
  });
  const live = await listLiveSessions({
    runtime: denoRuntime,
    socket: world.socketArgs,
    env: world.clientEnv,
  });
  if (!live.ok) {
    console.error(
      formatIssue({ ...live.error, problem: live.error.problem.replace("save", "restore") }),
    );
    return live.error.code === "tmux-missing" ? EXIT.missing : EXIT.stepFailed;
  }
  const running = new Set(live.value.map((l) => l.name));
  const plans: { save: SavedOnDisk; plan: RestorePlan }[] = [];
  for (const save of chosen.saves) {
    const plan = planRestore(save.session, plans.length + 1, {
      programs: config?.settings?.tmux?.restore_programs ?? DEFAULT_RESTORE_PROGRAMS,
      runCommands: options.runCommands,
      isDirectory,
      home: env.HOME ?? "/",
    });
    if (running.has(plan.step.session)) {
      console.error(visible(
        `rune: session "${plan.step.session}" is running: left as it is (not restored); ` +
          `end it first to restore the save (rune session kill ${plan.step.session})`,
      ));
      continue;
    }
    plans.push({ save, plan });
  }
  if (!plans.length) return EXIT.ok;
  return await rebuild(plans, world, { loaded, env, globals, envRemoved: filtered.removed });
}

async function rebuild(
  plans: { save: SavedOnDisk; plan: RestorePlan }[],
  world: TmuxWorld,
  o: {
    loaded?: LoadedConfig;
    env: Record<string, string>;
    globals: GlobalOptions;
    envRemoved: string[];
  },
): Promise<number> {
  const markerDir = markerDirFor(o.env);
  const stateDir = runePaths(o.env).stateDir;
  const plan: Plan = {
    ritual: "start",
    // What the progress header names: the saves' projects (or sessions, for --any saves).
    project: {
      name: [...new Set(plans.map(({ save }) => save.session.project || save.session.name))]
        .join(", "),
      dir: currentDir(),
      detectedBy: "the save",
    },
    configFile: plans[0].save.path,
    steps: plans.map(({ save, plan }) => ({
      ...plan.step,
      tmux: tmuxCalls(plan.step, { ...world, size: restoreSize(save.session) }, {
        markerDir: `${markerDir}-${plan.step.id}`,
        project: save.session.project,
        closeHook: closeHookFor(save, o.loaded, o.env, stateDir),
        autosave: autosaveFor(o.loaded?.config, o.env, stateDir),
      }),
    })),
    envRemoved: o.envRemoved,
    warnings: [],
  };
  const reporter = chooseReporter({ json: false, globals: o.globals });
  let code: number;
  let results: StepResult[];
  try {
    const summary = await executePlan(plan, {
      reporter,
      runtime: denoRuntime,
      world,
      parentEnv: o.env,
      baseEnv: world.clientEnv,
      terminal: readTerminal(),
      flags: { noTmux: false, noPty: false, detach: true, verbose: o.globals.verbose },
      stateDir,
      transcripts: false,
    });
    code = exitCodeFor(summary);
    results = summary.results;
  } finally {
    reporter.restoreTerminal?.();
  }
  const built = plans.filter((_, i) => results[i]?.outcome.status === "ok");
  for (const problem of await finish(built, world)) {
    console.error(formatIssue(problem));
    code = EXIT.stepFailed;
  }
  if (o.globals.quiet) return code;
  for (const { save, plan } of built) {
    for (const note of plan.notes) console.error(visible(`rune: ${note}`));
    const said = [
      plan.restarted.length ? `started again: ${plan.restarted.join(", ")}` : "",
      plan.typed.length
        ? `typed, not run (not in settings.tmux.restore_programs; --run-commands runs them): ` +
          plan.typed.join(", ")
        : "",
    ].filter(Boolean);
    console.log(visible(
      `restored session "${plan.step.session}" from ${save.path}${
        said.length ? `: ${said.join("; ")}` : ""
      }`,
    ));
  }
  return code;
}

/**
 * Options, titles and zoom of every session just built, by their ids: one list-panes and
 * (usually) one call for all.
 */
async function finish(
  built: readonly { save: SavedOnDisk; plan: RestorePlan }[],
  world: TmuxWorld,
): Promise<Issue[]> {
  if (!built.length) return [];
  const listed = await runTmux(
    denoRuntime,
    tmuxCommand(world.socketArgs, "list-panes", "-a", "-F", SHAPE_FORMAT),
    world.clientEnv,
  );
  const shapes = parseShapes(listed.code === 0 ? listed.stdout : "");
  const issues: Issue[] = [];
  const rebuilt = built.flatMap(({ save, plan }) => {
    const shape = shapes.get(plan.step.session);
    if (shape && sameShape(save.session, shape)) return [{ saved: save.session, built: shape }];
    issues.push({
      severity: "error",
      code: "restore-shape",
      problem: `Cannot put back the options, titles and zoom of "${plan.step.session}": ` +
        (listed.code !== 0
          ? `tmux says "${tmuxError(listed)}"`
          : "its windows changed while it was restored"),
      hint: "Check the session (rune session attach) or kill it and restore again",
    });
    return [];
  });
  for (const argv of finishArgv(world.socketArgs, rebuilt)) {
    const r = await runTmux(denoRuntime, argv, world.clientEnv);
    if (r.code !== 0) {
      issues.push({
        severity: "error",
        code: "restore-finish",
        problem: `Cannot put back all the options, titles and zoom: tmux says "${tmuxError(r)}"`,
        hint: "Check the saved sessions' options (rune session saved lists the files)",
      });
      break;
    }
  }
  return issues;
}

/** The config when there is one (its settings), undefined without; an exit code if broken. */
async function optionalConfig(
  globals: GlobalOptions,
  env: Record<string, string>,
): Promise<LoadedConfig | undefined | number> {
  const loaded = await loadConfigCached({
    flag: globals.config,
    env,
    cwd: currentDir(),
    strict: false,
  });
  if (loaded.ok) return loaded.value;
  if (loaded.error.kind === "not-found" && !globals.config) return undefined;
  return reportLoadFailure(loaded.error, globals);
}

/** settings.tmux.stop_on_session_close, for a restored session of a project, as `start` sets it. */
function closeHookFor(
  save: SavedOnDisk,
  loaded: LoadedConfig | undefined,
  env: Record<string, string>,
  stateDir: string,
) {
  const s = save.session;
  if (!loaded?.config.settings?.tmux?.stop_on_session_close || s.project === "") return undefined;
  return {
    runeArgv: currentRuneArgv(),
    stateDir,
    configFile: loaded.file,
    project: s.project,
    projectDir: s.env.RUNE_PROJECT_DIR ?? s.dir,
    env: carriedEnv(env),
  };
}
