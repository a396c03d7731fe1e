/**
 * Config + project + a snapshot of the world → the Plan. Pure: no I/O; the only view of the
 * file system is `facts.isDirectory`. Every problem is collected and located before returning.
 */
import type { CommandSpec, Config, ConfigPath, LoadedConfig, TemplateSpec } from "../config/mod.ts";
import { expandField } from "../templates/mod.ts";
import type { FieldContext, Variables } from "../templates/mod.ts";
import { err, errorIssue, expandHome, ok, parseDuration } from "../base/mod.ts";
import { filterEnv, isLoaderVariable } from "../env/mod.ts";
import type { Issue, Result } from "../base/mod.ts";
import type {
  PaneLayout,
  Plan,
  ProjectInfo,
  RitualName,
  SessionLayout,
  Step,
  WindowLayout,
} from "../contract/mod.ts";
import { findTemplate, ritualCommands } from "./select.ts";
import { backgroundLogFile } from "./log_file.ts";
import { startDirIssues } from "./start_dirs.ts";
import { planReadiness } from "./readiness.ts";
import { resolveWaitFor } from "./wait_for.ts";

/** Rune's own default: a command gets 30 s unless settings or the command say otherwise. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** What the planner may know about the world. */
export interface PlanFacts {
  /** rune's own environment (unfiltered): variables, the env filter's input, XDG paths. */
  env: Readonly<Record<string, string>>;
  now: Date;
  isDirectory(path: string): boolean;
}

export function planRitual(
  loaded: Pick<LoadedConfig, "config" | "file" | "locate" | "warnings">,
  ritual: RitualName,
  project: ProjectInfo,
  facts: PlanFacts,
): Result<Plan, Issue[]> {
  const { config } = loaded;
  const issues: Issue[] = [];
  const baseVars = variablesFor(project, facts);
  const expander = makeExpander(loaded, issues);
  const steps: Step[] = [];

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
      const template = findTemplate(config, spec.tmux_template);
      if (!template) {
        issues.push(errorIssue(
          "unknown-template",
          `Cannot plan "${spec.name}": there is no template "${spec.tmux_template}"`,
          { where: loaded.locate(at("tmux_template")), hint: "Define it under rituals.templates" },
        ));
        continue;
      }
      const layout = resolveLayout(template.spec, spec.tmux_template, template.path, {
        project,
        vars,
        expander,
      });
      const readiness = planReadiness(template.spec, spec.tmux_template, template.path, {
        layout,
        home: vars.Home,
        text: (v, p) => expander(v, vars, "text", p),
      });
      if (readiness) layout.readiness = readiness;
      issues.push(...startDirIssues(template.spec, template.path, layout, {
        step: spec.name,
        template: spec.tmux_template,
        locate: loaded.locate,
        isDirectory: facts.isDirectory,
      }));
      steps.push({ ...base, kind: "tmux", session: layout.session, layout, cwd, env });
    } else if (spec.interactive && spec.tmux_session !== undefined) {
      const session = expander(spec.tmux_session, vars, "name", at("tmux_session"));
      steps.push({ ...base, kind: "tmux", session, command, cwd, env });
    } else if (spec.interactive) {
      steps.push({ ...base, kind: "pty", command, cwd, env });
    } else if (spec.background) {
      const logFile = backgroundLogFile(project.name, spec.name, facts);
      steps.push({ ...base, kind: "background", command, cwd, env, logFile });
    } else {
      const timeoutMs = resolveTimeout(spec, config);
      steps.push({ ...base, kind: "shell", command, cwd, env, timeoutMs });
    }
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

type Expander = (text: string, vars: Variables, context: FieldContext, path: ConfigPath) => string;

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

function variablesFor(project: ProjectInfo, facts: PlanFacts): Variables {
  const d = facts.now;
  const pad = (n: number) => String(n).padStart(2, "0");
  return {
    Project: project.name,
    ProjectDir: project.dir,
    Command: "",
    Home: facts.env.HOME ?? "",
    User: facts.env.USER ?? facts.env.LOGNAME ?? "",
    Date: `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`,
  };
}

/** `~` → HOME; relative → under `base`. */
function absoluteDir(dir: string, base: string, env: PlanFacts["env"]): string {
  const expanded = expandHome(dir, env);
  if (expanded.startsWith("/")) return normalize(expanded);
  return normalize(`${base}/${expanded}`);
}

/** Removes `.`/`..` segments and duplicate slashes (paths are shown to people and tmux). */
function normalize(path: string): string {
  const out: string[] = [];
  for (const part of path.split("/")) {
    if (part === "" || part === ".") continue;
    if (part === "..") out.pop();
    else out.push(part);
  }
  return `/${out.join("/")}`;
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

/** Command timeout, else settings.timeout, else 30 s; 0 means none (null). */
function resolveTimeout(spec: CommandSpec, config: Config): number | null {
  const raw = spec.timeout ?? config.settings?.timeout;
  const ms = raw === undefined ? DEFAULT_TIMEOUT_MS : parseDuration(raw) ?? DEFAULT_TIMEOUT_MS;
  return ms === 0 ? null : ms;
}

function lines(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

/** A template with every name sanitized, every variable expanded and every dir absolute. */
function resolveLayout(
  template: TemplateSpec,
  templateName: string,
  path: ConfigPath,
  ctx: { project: ProjectInfo; vars: Variables; expander: Expander },
): SessionLayout {
  const { vars, expander } = ctx;
  const env = { HOME: vars.Home };
  const text = (v: string, p: ConfigPath) => expander(v, vars, "text", p);
  const shell = (v: string, p: ConfigPath) => expander(v, vars, "shell", p);
  const shellLines = (v: string | string[] | undefined, p: ConfigPath) =>
    lines(v).map((line, i) => shell(line, Array.isArray(v) ? [...p, i] : p));

  const sessionDir = template.dir === undefined
    ? ctx.project.dir
    : absoluteDir(text(template.dir, [...path, "dir"]), ctx.project.dir, env);
  const preWindow = shellLines(template.pre_window, [...path, "pre_window"]);

  const windows: WindowLayout[] = (template.windows ?? []).map((w, wi) => {
    const wPath = [...path, "windows", wi];
    const windowDir = w.dir === undefined
      ? sessionDir
      : absoluteDir(text(w.dir, [...wPath, "dir"]), sessionDir, env);
    const pre = [...preWindow, ...shellLines(w.pre, [...wPath, "pre"])];
    const panes: PaneLayout[] = (w.panes ?? []).map((pane, pi) => {
      const pPath = [...wPath, "panes", pi];
      if (pane === null || typeof pane === "string") {
        const own = pane ? [shell(pane, pPath)] : [];
        return { commands: [...pre, ...own], dir: windowDir, focus: false, exec: false };
      }
      return {
        commands: [...pre, ...shellLines(pane.command, [...pPath, "command"])],
        dir: pane.dir === undefined
          ? windowDir
          : absoluteDir(text(pane.dir, [...pPath, "dir"]), windowDir, env),
        focus: pane.focus === true,
        exec: pane.exec === true,
      };
    });
    return {
      name: w.name === undefined ? undefined : expander(w.name, vars, "name", [...wPath, "name"]),
      layout: w.layout,
      dir: windowDir,
      focus: w.focus === true,
      panes,
    };
  });

  return {
    template: templateName,
    session: expander(template.session_name, vars, "name", [...path, "session_name"]),
    dir: sessionDir,
    before: (template.before ?? []).map((b, i) => shell(b, [...path, "before", i])),
    windows,
  };
}
