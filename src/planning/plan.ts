/**
 * Config + project + a snapshot of the world → the Plan. Pure: no I/O; the only view of the
 * file system is `facts.isDirectory`. Every problem is collected and located before returning.
 */
import type { CommandSpec, Config, ConfigPath, LoadedConfig } from "../config/mod.ts";
import { expandField } from "../templates/mod.ts";
import type { Variables } from "../templates/mod.ts";
import { err, errorIssue, ok, parseDuration } from "../base/mod.ts";
import { filterEnv, isLoaderVariable, withheldBy } from "../env/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import type { Plan, ProjectInfo, RitualName, Step } from "../contract/mod.ts";
import { findTemplate, ritualCommands } from "./select.ts";
import { backgroundLogFile } from "./log_file.ts";
import { startDirIssues } from "./start_dirs.ts";
import { absoluteDir, resolveLayout } from "./layout.ts";
import type { Expander } from "./layout.ts";
import { selectWindows } from "./window_select.ts";
import { planReadiness } from "./readiness.ts";
import { resolveWaitFor } from "./wait_for.ts";

/** Rune's own default: a command gets 30 s unless settings or the command say otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** What an enter or leave command of the shell hook gets unless settings or it say otherwise. */
export const HOOK_TIMEOUT_MS = 5_000;

/** What the planner may know about the world. */
export interface PlanFacts {
  /** rune's own environment (unfiltered): variables, the env filter's input, XDG paths. */
  env: Readonly<Record<string, string>>;
  now: Date;
  isDirectory(path: string): boolean;
  /** `--var NAME=VALUE`: {{.Var.NAME}}. */
  vars?: Readonly<Record<string, string>>;
  /** `--windows a,b`: build only these windows (by name) of each template session. */
  windows?: readonly string[];
  /** `--append`: add the template's windows a running session lacks. */
  append?: boolean;
}

export function planRitual(
  loaded: Pick<LoadedConfig, "config" | "file" | "locate" | "warnings">,
  ritual: RitualName,
  project: ProjectInfo,
  facts: PlanFacts,
): Result<Plan, Issue[]> {
  const { config } = loaded;
  const issues: Issue[] = [];
  const baseVars = variablesFor(project, facts, config);
  const expander = makeExpander(loaded, issues);
  const steps: Step[] = [];
  let opensTemplate = false;

  for (const entry of ritualCommands(config, ritual, project.name)) {
    const spec = entry.spec;
    const at = (key: string) => [...entry.path, key];
    // {{.Command}} is the step's own command as it will run (expanded), for templates and
    // sessions to reuse; like every value it is quoted where it lands (`eval {{.Command}}`).
    const command = spec.command === undefined
      ? ""
      : expander(spec.command, baseVars, "shell", at("command"));
    const vars: Variables = { ...baseVars, Command: command };
    const waitFor = resolveWaitFor(spec.wait_for, steps, {
      config,
      step: spec.name,
      path: at("wait_for"),
      locate: loaded.locate,
      issues,
    });
    const base = {
      id: steps.length + 1,
      name: spec.name,
      scope: entry.scope,
      optional: spec.optional === true,
      where: loaded.locate(entry.path),
      ...(waitFor ? { waitFor } : {}),
    };
    const cwd = resolveWorkingDir(spec, project, facts, expander, vars, at("working_dir"));
    if (!facts.isDirectory(cwd)) {
      issues.push(errorIssue(
        "missing-dir",
        `Cannot plan "${spec.name}": the directory "${cwd}" does not exist`,
        {
          where: loaded.locate(spec.working_dir === undefined ? entry.path : at("working_dir")),
          hint: spec.working_dir === undefined
            ? "Run rune from the project, or set the project's dir in projects[]"
            : "Fix working_dir, or create the directory",
        },
      ));
    }
    const own = expandEnv(spec, expander, vars, at("env"));
    for (const name of Object.keys(own).filter(isLoaderVariable)) {
      issues.push(errorIssue(
        "loader-env",
        `Cannot pass "${name}" to "${spec.name}": Deno refuses to start programs with loader ` +
          `variables in their environment`,
        {
          where: loaded.locate([...at("env"), name]),
          hint: `Set it in the command itself: command: "${name}=… ${spec.command ?? "…"}"`,
        },
      ));
    }
    // Every step, and every pane of its session, knows its project (README: pre_window).
    const env = { ...projectEnv(project), ...own };

    if (spec.interactive && spec.tmux_template !== undefined) {
      opensTemplate = true;
      const template = findTemplate(config, spec.tmux_template);
      if (!template) {
        issues.push(errorIssue(
          "unknown-template",
          `Cannot plan "${spec.name}": there is no template "${spec.tmux_template}"`,
          { where: loaded.locate(at("tmux_template")), hint: "Define it under rituals.templates" },
        ));
        continue;
      }
      const full = resolveLayout(template.spec, spec.tmux_template, template.path, {
        project,
        vars,
        expander,
      });
      const chosen = selectWindows(full, facts.windows, {
        step: spec.name,
        where: loaded.locate([...template.path, "windows"]),
      });
      if (!chosen.ok) {
        issues.push(...chosen.error);
        continue;
      }
      issues.push(...startDirIssues(template.spec, template.path, chosen.value.checked, {
        step: spec.name,
        template: spec.tmux_template,
        locate: loaded.locate,
        isDirectory: facts.isDirectory,
      }));
      const layout = chosen.value.layout;
      const readiness = planReadiness(template.spec, spec.tmux_template, template.path, {
        layout,
        home: vars.Home,
        text: (v, p) => expander(v, vars, "text", p),
      });
      if (readiness) layout.readiness = readiness;
      steps.push({
        ...base,
        kind: "tmux",
        session: layout.session,
        layout,
        cwd,
        env,
        ...(facts.append ? { append: true } : {}),
      });
    } else if (spec.interactive && spec.tmux_session !== undefined) {
      const session = expander(spec.tmux_session, vars, "name", at("tmux_session"));
      steps.push({ ...base, kind: "tmux", session, command, cwd, env });
    } else if (spec.interactive) {
      steps.push({ ...base, kind: "pty", command, cwd, env });
    } else if (spec.background) {
      const logFile = backgroundLogFile(project.name, spec.name, facts);
      steps.push({ ...base, kind: "background", command, cwd, env, logFile });
    } else {
      const timeoutMs = resolveTimeout(spec, config, ritual);
      steps.push({ ...base, kind: "shell", command, cwd, env, timeoutMs });
    }
  }

  if ((facts.windows?.length || facts.append) && !opensTemplate) {
    issues.push(errorIssue(
      "no-template-session",
      `Cannot ${facts.append ? "append windows" : "start only some windows"}: the ${ritual} ` +
        `ritual of "${project.name}" opens no tmux template session`,
      { hint: "Drop --windows/--append, or add a step with interactive: true and tmux_template" },
    ));
  }
  if (issues.length) return err(issues);
  const filtered = filterEnv(facts.env, {
    allow: config.settings?.env?.allow ?? [],
    deny: config.settings?.env?.deny ?? [],
  });
  return ok({
    ritual,
    project,
    configFile: loaded.file,
    steps,
    envRemoved: filtered.removed,
    warnings: loaded.warnings,
  });
}

/** Expands one field; a problem becomes a located issue and the field expands to "". */
function makeExpander(loaded: Pick<LoadedConfig, "locate">, issues: Issue[]): Expander {
  return (text, vars, context, path) => {
    const r = expandField(text, vars, context);
    if (r.ok) return r.value;
    for (const p of r.error) {
      issues.push(errorIssue(p.code, p.problem, { where: loaded.locate(path), hint: p.hint }));
    }
    return "";
  };
}

/** What every step's environment gets: its project's name and directory. */
function projectEnv(project: ProjectInfo): Record<string, string> {
  return { RUNE_PROJECT: project.name, RUNE_PROJECT_DIR: project.dir };
}

function variablesFor(project: ProjectInfo, facts: PlanFacts, config: Config): Variables {
  const d = facts.now;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    Project: project.name,
    ProjectDir: project.dir,
    Command: "",
    Home: facts.env.HOME ?? "",
    User: facts.env.USER ?? facts.env.LOGNAME ?? "",
    Date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
    Var: facts.vars ?? {},
    Env: facts.env,
    withheld: withheldBy({
      allow: config.settings?.env?.allow ?? [],
      deny: config.settings?.env?.deny ?? [],
    }),
  };
}

function resolveWorkingDir(
  spec: CommandSpec,
  project: ProjectInfo,
  facts: PlanFacts,
  expander: Expander,
  vars: Variables,
  path: ConfigPath,
): string {
  if (spec.working_dir === undefined) return project.dir;
  return absoluteDir(expander(spec.working_dir, vars, "text", path), project.dir, facts.env);
}

function expandEnv(
  spec: CommandSpec,
  expander: Expander,
  vars: Variables,
  path: ConfigPath,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, value] of Object.entries(spec.env ?? {})) {
    env[name] = expander(String(value), vars, "text", [...path, name]);
  }
  return env;
}

/**
 * Command timeout, else settings.timeout, else 30 s; 0 means none (null). The shell hook's
 * enter and leave commands fall back to settings.hooks.timeout, else 5 s, instead.
 */
function resolveTimeout(spec: CommandSpec, config: Config, ritual: RitualName): number | null {
  const hook = ritual === "enter" || ritual === "leave";
  const fallback = hook ? HOOK_TIMEOUT_MS : DEFAULT_TIMEOUT_MS;
  const raw = spec.timeout ?? (hook ? config.settings?.hooks?.timeout : config.settings?.timeout);
  const ms = raw === undefined ? fallback : parseDuration(raw) ?? fallback;
  return ms === 0 ? null : ms;
}
