/**
 * `rune __hook-env SHELL`: what the shell hook runs when the directory changed. It prints, on
 * stdout and only there, shell code that exports RUNE_PROJECT / RUNE_PROJECT_DIR for the
 * project the config knows here (or unsets them) and the open work session's RUNE_SESSION_*;
 * with settings.hooks.enter_leave it first runs the left project's leave ritual and this one's
 * enter ritual, their output kept off stdout and cut to one line on stderr. Anything that goes
 * wrong is one line on stderr, and the code printed still describes what is known, so the
 * shell always gets a usable answer (exit 0).
 *
 * The config is loaded through `loadProjectConfig` (project_config.ts) only: the one place a
 * validated-config cache makes this path cheap. Planning (and the template engine with it) is
 * imported only when an enter or leave ritual has commands to run.
 */
import { importLazy, visible, writeOrStop } from "../../base/mod.ts";
import { envCode, type HookShell } from "../../shell/mod.ts";
import { findProject } from "../../project/mod.ts";
import type { ProjectInfo } from "../../contract/mod.ts";
import type { WorkSession } from "../../tracking/mod.ts";
import type { GlobalOptions } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { currentDir, UnusableDirectory } from "../cwd.ts";
import { openWorkStore } from "../work_store.ts";
import { loadProjectConfig, projectArgument, untrustedNotice } from "../project_config.ts";
import type { ProjectConfig } from "../project_config.ts";
import { decideHook, type HookPlace, previousPlace } from "../hook_decide.ts";
import { isDirectory } from "../fs_facts.ts";

export async function runHookEnv(shell: HookShell, globals: GlobalOptions): Promise<number> {
  const env = Deno.env.toObject();
  const say = (line: string) => writeOrStop(Deno.stderr, `${visible(line)}\n`);
  let cwd: string | undefined;
  try {
    cwd = currentDir();
  } catch (e) {
    if (!(e instanceof UnusableDirectory)) throw e;
  }
  const config = cwd === undefined ? undefined : await configHere(cwd, env, globals, say);
  const here = config && cwd !== undefined ? await knownProject(config, cwd, env) : undefined;
  const decision = decideHook({
    here: here ? { name: here.name, dir: here.dir } : undefined,
    previous: previousPlace(env),
    session: openSession(),
    enterLeave: config?.config.settings?.hooks?.enter_leave === true,
  });
  if (decision.leave || decision.enter) {
    const { runHookRitual } = await importLazy<typeof import("./hook_rituals.ts")>(
      "src/cli/actions/hook_rituals",
    );
    if (decision.leave) {
      const there = await leaveConfig(decision.leave, config!, env, globals);
      const line = await runHookRitual(there, "leave", placeInfo(decision.leave), env);
      if (line) say(line);
    }
    if (decision.enter && here) {
      const line = await runHookRitual(config!, "enter", here, env);
      if (line) say(line);
    }
  }
  writeOrStop(Deno.stdout, envCode(shell, decision.env));
  return EXIT.ok;
}

/** The config here, or undefined (none, or broken: said in one line). */
async function configHere(
  cwd: string,
  env: Record<string, string>,
  globals: GlobalOptions,
  say: (line: string) => void,
): Promise<ProjectConfig | undefined> {
  const loaded = await loadProjectConfig({ flag: globals.config, env, cwd, templates: false });
  const notice = untrustedNotice(loaded.local, env);
  if (notice) say(notice);
  if (loaded.config.ok) return loaded.config.value;
  const failure = loaded.config.error;
  if (failure.kind === "not-found") return undefined;
  say(
    `rune: the shell hook cannot use the config "${failure.file}"` +
      (failure.kind === "invalid"
        ? `: it has errors; \`rune config validate\` lists them`
        : `: ${failure.message}`),
  );
  return undefined;
}

/** The project here when the config knows it: a detect rule, a configured name, its local file. */
async function knownProject(
  config: ProjectConfig,
  cwd: string,
  env: Record<string, string>,
): Promise<ProjectInfo | undefined> {
  const rituals = config.config.rituals ?? {};
  const keys = Object.values(rituals).flatMap((r) =>
    r && typeof r === "object" && "per_project" in r ? Object.keys(r.per_project ?? {}) : []
  );
  const asked = projectArgument(config, undefined);
  const found = await findProject({
    argument: asked.argument,
    projects: config.config.projects ?? [],
    cwd,
    env,
    knownNames: keys,
  });
  if (!found.ok) return undefined;
  const names = new Set(
    [...(config.config.projects ?? []).map((p) => p.name), ...keys].map((n) => n.toLowerCase()),
  );
  const project = found.value;
  return asked.fromLocal || project.detectedBy.startsWith("detect rule") || names.has(project.name)
    ? project
    : undefined;
}

/** The open work session; undefined when there is none or the store cannot say. */
function openSession(): WorkSession | undefined {
  const opened = openWorkStore({ create: false });
  if (!opened.ok || !opened.value) return undefined;
  try {
    const current = opened.value.currentSession();
    return current.ok ? current.value : undefined;
  } finally {
    opened.value.close();
  }
}

/** The config of the project being left: its own local file counts there, not here. */
async function leaveConfig(
  left: HookPlace,
  config: ProjectConfig,
  env: Record<string, string>,
  globals: GlobalOptions,
): Promise<ProjectConfig> {
  if (config.local?.dir === left.dir || !isDirectory(left.dir)) return config;
  const there = await loadProjectConfig({
    flag: globals.config,
    env,
    cwd: left.dir,
    templates: false,
  });
  return there.config.ok ? there.config.value : config;
}

function placeInfo(place: HookPlace): ProjectInfo {
  return { ...place, detectedBy: "the shell hook ($RUNE_PROJECT)" };
}
