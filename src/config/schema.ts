/**
 * The config contract: Rune's `~/.rune/config.yaml` schema plus the seed's interactive keys and
 * rune's own additions, as zod schemas. Types are inferred from here; the JSON Schema under
 * templates/ is generated from here (`rune config schema`). Unknown keys are NOT rejected by
 * these schemas: the loader reports them as located warnings (or errors when they look like a
 * misspelling of a known key), because Rune's own docs use many keys Go Rune never read.
 */
import * as z from "zod";
import { readinessSchemas } from "./ready_schema.ts";

/** Go-style duration ("30s", "2m", "1h30m", "500ms") or a number of seconds; 0 means none. */
export const DurationSchema = z.union([z.string(), z.number()]).meta({
  id: "Duration",
  description: 'A duration: "30s", "2m", "1h30m", "500ms", or a number of seconds. 0 means none.',
});

const { ReadySchema, DependsOnSchema, WaitForSchema } = readinessSchemas(DurationSchema);

const text = (description: string) => z.string().meta({ description });
const flag = (description: string) => z.boolean().meta({ description });
/** A command or a list of commands typed one after the other. */
const commandLines = (description: string) =>
  z.union([z.string(), z.array(z.string())]).meta({ description });

/** Environment variables: values are strings, or numbers and booleans written as YAML reads them. */
const envMap = (description: string) =>
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).meta({ description });
/** tmux options by name: strings as tmux reads them; true/false become on/off. */
const tmuxOptions = (description: string) =>
  z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).meta({ description });
const commandList = (description: string) => z.array(z.string()).meta({ description });

export const PaneObjectSchema = z.object({
  command: commandLines("What the pane runs; a list is typed line by line.").optional(),
  dir: text("Start directory of the pane (default: the window's).").optional(),
  focus: flag("Make this the active pane of its window.").optional(),
  exec: flag(
    "Run the command as the pane's own process instead of typing it into a shell; the pane " +
      "closes when the command ends.",
  ).optional(),
  env: envMap("Variables of this pane, over its window's and the template's.").optional(),
  title: text("The pane's title (select-pane -T), shown in pane-border-format.").optional(),
  shell: text(
    "The program the pane runs instead of your shell (run by tmux's default-shell -c); " +
      "`command` lines are typed into it.",
  ).optional(),
  name: text("What depends_on and wait_for call this pane (WINDOW.NAME).").optional(),
  ready: ReadySchema.optional(),
  depends_on: DependsOnSchema.optional(),
});

export const PaneSchema = z.union([z.string(), z.null(), PaneObjectSchema]).meta({
  id: "Pane",
  description: "A pane: a command string, null for an empty shell, or an object.",
});

export const LAYOUT_PRESETS = [
  "even-horizontal",
  "even-vertical",
  "main-horizontal",
  "main-vertical",
  "tiled",
] as const;

export const WindowSchema = z.object({
  name: text("Window name (variables allowed; sanitized for tmux).").optional(),
  layout: text(
    `One of ${LAYOUT_PRESETS.join(", ")}, or a tmux layout string; applied after all splits.`,
  ).optional(),
  dir: text("Start directory of the window's panes (default: the template's).").optional(),
  pre: commandLines("Typed into every pane of this window before its own command.").optional(),
  focus: flag("Make this the active window when the session opens.").optional(),
  env: envMap("Variables of this window's panes, over the template's.").optional(),
  window_options: tmuxOptions(
    "tmux window options (set-option -w) of this window, over the template's window_options.",
  ).optional(),
  synchronize: z.enum(["before", "after"]).optional().meta({
    description: "synchronize-panes on, before the panes' lines are typed (every pane then " +
      "gets every pane's lines) or after.",
  }),
  panes: z.array(PaneSchema).nullish().meta({ description: "The panes, top-left first." }),
  ready: ReadySchema.optional(),
  depends_on: DependsOnSchema.optional(),
}).meta({ id: "Window", description: "A tmux window of a template." });

export const TemplateSchema = z.object({
  session_name: text('tmux session name, e.g. "dev-{{.Project}}" (sanitized for tmux).'),
  dir: text("Start directory of every window (default: the project directory).").optional(),
  before: z.array(z.string()).optional().meta({
    description: "Shell commands run once, in order, before the session is created.",
  }),
  pre_window: commandLines("Typed into every pane of every window first.").optional(),
  env: envMap(
    "Variables of every pane of the session (on top of the env filter, never filtered), " +
      "also set on the session for panes opened later.",
  ).optional(),
  options: tmuxOptions(
    "tmux options of the session (set-option -t SESSION), set before any pane starts; a tmux " +
      "window option here is set on every window.",
  ).optional(),
  window_options: tmuxOptions("tmux window options (set-option -w) of every window.")
    .optional(),
  on_first_start: commandList(
    "Shell commands run (sh -c, in dir) once the session is built, only when this start " +
      "created it.",
  ).optional(),
  on_reuse: commandList(
    "Shell commands run (sh -c, in dir) only when the session already existed and is reused.",
  ).optional(),
  attach: flag("false: build the session and leave it detached (say how to attach).")
    .optional(),
  windows: z.array(WindowSchema).nullish().meta({ description: "Windows in order." }),
}).meta({ id: "Template", description: "A tmux session template." });

export const CommandSchema = z.object({
  name: text("What the step is called in progress output and summaries."),
  command: text("Shell command, run with `sh -c` in the project directory.").optional(),
  optional: flag("A failure prints a warning and the ritual goes on.").optional(),
  background: flag("Start it, do not wait; output goes to a log file.").optional(),
  interactive: flag("Needs a terminal: runs in tmux or in a pseudo-terminal.").optional(),
  tmux_session: text("Run the command in a new window of this tmux session.").optional(),
  tmux_template: text("Open a tmux session from this template.").optional(),
  timeout: DurationSchema.optional(),
  working_dir: text("Directory to run in (default: the project directory).").optional(),
  env: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional().meta({
    description: "Variables added to this command's environment (always passed, never filtered).",
  }),
  wait_for: WaitForSchema.optional(),
}).meta({ id: "Command", description: "One step of a ritual." });

export const RitualSchema = z.object({
  global: z.array(CommandSchema).nullish().meta({ description: "Run for every project." }),
  per_project: z.record(z.string(), z.array(CommandSchema).nullish()).nullish().meta({
    description: "Commands for one project, by project name.",
  }),
  templates: z.record(z.string(), TemplateSchema).nullish().meta({
    description: "tmux session templates (the seed's place; rituals.templates is Rune's).",
  }),
}).meta({ id: "Ritual", description: "Commands of the start or the stop ritual." });

/** rituals.enter / rituals.leave: run by the shell hook, so plain commands and no templates. */
export const HookRitualSchema = RitualSchema.omit({ templates: true }).meta({
  id: "HookRitual",
  description: "Commands the shell hook runs on entering or leaving a project (when " +
    "settings.hooks.enter_leave is true): plain, non-interactive commands with a short timeout.",
});

export const NotificationsSchema = z.object({
  enabled: z.boolean().optional(),
  break_reminders: z.boolean().optional(),
  end_of_day_reminders: z.boolean().optional(),
  session_complete: z.boolean().optional(),
  idle_detection: z.boolean().optional(),
  sound: z.boolean().optional(),
});

/** settings.tracking.on_switch: what `rune start B` does while A's work session is open. */
export const SWITCH_POLICIES = ["ask", "stop", "refuse"] as const;

export const SettingsSchema = z.object({
  // Rune's own settings: accepted and validated, used by Rune's timer features.
  work_hours: z.number().gt(0).lte(24).optional(),
  break_interval: DurationSchema.optional(),
  idle_threshold: DurationSchema.optional(),
  notifications: NotificationsSchema.nullish(),
  // rune's settings.
  timeout: DurationSchema.optional().meta({
    description: "Default timeout of a command (default 30s; 0 = none).",
  }),
  env: z.object({
    allow: z.array(z.string()).optional().meta({
      description: "Variable names or globs (AWS_PROFILE, MY_*) passed even if they look secret.",
    }),
    deny: z.array(z.string()).optional().meta({
      description: "Variable names or globs removed from every child's environment.",
    }),
  }).nullish(),
  tmux: z.object({
    socket: text("tmux socket name (-L); default: the user's own server.").optional(),
    kill_sessions_on_stop: flag("`rune stop` kills the sessions `rune start` made.").optional(),
    stop_on_session_close: flag("Closing a rune session by hand runs the stop ritual.")
      .optional(),
    restore_programs: z.array(z.string()).optional().meta({
      description: "Programs `rune session restore` starts again (replaces the default list: " +
        "vi, vim, nvim, emacs, nano, less, more, man, tail, top, htop, btop, watch); others " +
        "are left typed on the prompt.",
    }),
    autosave: DurationSchema.optional().meta({
      description: 'Save rune\'s sessions this often ("15m") and when a client detaches; ' +
        "0 = never (the default).",
    }),
  }).nullish(),
  auto_tmux: flag("Run a whole `rune start` inside a new tmux session when not in tmux.")
    .optional(),
  audit: z.object({
    transcripts: flag("Record full transcripts of interactive runs (may hold typed secrets).")
      .optional(),
  }).nullish(),
  hooks: z.object({
    enter_leave: flag(
      "The shell hook (`rune hook SHELL`) runs rituals.enter on entering a project's " +
        "directory and rituals.leave on leaving it. Default: false.",
    ).optional(),
    timeout: DurationSchema.optional().meta({
      description: "Timeout of each enter/leave command without its own (default 5s).",
    }),
  }).nullish(),
  tracking: z.object({
    on_switch: z.enum(SWITCH_POLICIES).optional().meta({
      description: "`rune start` while another project's work session is open: ask (in a " +
        "terminal; refuse without one, unless --yes), stop (run its stop ritual, close it, " +
        "then start), or refuse. Default: ask.",
    }),
  }).nullish(),
});

export const ProjectSchema = z.object({
  name: text("Project name, as used under per_project."),
  detect: z.array(z.string()).nullish().meta({
    description:
      "Rules: file names or globs (package.json, *.md, ios/), dir:PATH, git:NAME, git-remote:PATTERN, env:VAR or env:VAR=value.",
  }),
  dir: text("The project's directory (default: where it was detected).").optional(),
});

export const ConfigSchema = z.object({
  version: z.literal(1).optional().meta({ description: "Config format version (1)." }),
  // Rune's own sections: accepted whatever they hold (Rune writes user_id; rune ignores it).
  user_id: z.unknown().optional().meta({ description: "Rune's; not used by rune." }),
  settings: SettingsSchema.nullish(),
  projects: z.array(ProjectSchema).nullish(),
  rituals: z.object({
    start: RitualSchema.nullish(),
    stop: RitualSchema.nullish(),
    enter: HookRitualSchema.nullish(),
    leave: HookRitualSchema.nullish(),
    templates: z.record(z.string(), TemplateSchema).nullish().meta({
      description: "tmux session templates, by name.",
    }),
  }).nullish(),
  integrations: z.unknown().optional().meta({ description: "Rune's; not used by rune." }),
  logging: z.unknown().optional().meta({ description: "Rune's; not used by rune." }),
});

export type Config = z.infer<typeof ConfigSchema>;
export type CommandSpec = z.infer<typeof CommandSchema>;
export type TemplateSpec = z.infer<typeof TemplateSchema>;
export type WindowSpec = z.infer<typeof WindowSchema>;
export type PaneSpec = z.infer<typeof PaneSchema>;
export type RitualSpec = z.infer<typeof RitualSchema>;
export type HookRitualSpec = z.infer<typeof HookRitualSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type ProjectSpec = z.infer<typeof ProjectSchema>;
