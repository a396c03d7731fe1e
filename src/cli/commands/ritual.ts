/** `rune ritual list [project]`, `rune ritual run|test start|stop [project]`. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandInput, CommandSpec } from "../spec.ts";
import { EXIT } from "../exit_codes.ts";
import { runRitual, START, STOP, TRACKING_OPTIONS } from "./start_stop.ts";

const RITUAL_ARGS = [
  { name: "ritual", required: true, description: "start, stop, enter or leave" },
  {
    name: "project",
    required: false,
    description: "project name (default: detected from the current directory)",
    complete: "project",
  },
] as const;

/** `ritual run|test start|stop`: the ritual command without a work session around it. */
async function runNamed(input: CommandInput, dryRun: boolean): Promise<number> {
  const ritual = input.args.ritual;
  if (ritual !== "start" && ritual !== "stop" && ritual !== "enter" && ritual !== "leave") {
    console.error(
      `error: Cannot run the ritual "${ritual}": rune has the rituals "start", "stop", ` +
        `"enter" and "leave"\n` +
        "  hint: rune ritual run start [project]",
    );
    return EXIT.usage;
  }
  const opts = dryRun ? { ...input.opts, dryRun: true } : input.opts;
  return await runRitual(ritual, { ...input, opts }, false);
}

export const RITUAL: CommandSpec = {
  name: "ritual",
  summary: "list the rituals the config defines",
  description: "Show the start and stop rituals and the tmux templates of the config.",
  examples: [
    ["rune ritual list", "every ritual and template"],
    ["rune ritual run start web", "run web's start ritual; no work session opens"],
    ["rune ritual test stop", "what the stop ritual would run, run nothing"],
  ],
  env: CONFIG_ENV,
  commands: [{
    name: "list",
    summary: "list commands per ritual and project, and the templates",
    description: "For the start and stop rituals: the global commands and each project's " +
      "per_project commands, marked optional, background, interactive, with the template or " +
      "session they open; then the tmux templates with their windows, panes and layouts. " +
      "With a project, only that project's commands (and the global ones) and the templates " +
      "they use.",
    args: [{
      name: "project",
      required: false,
      description: "show only what concerns this project",
      complete: "project",
    }],
    options: [{ flags: "--json", description: "print the listing as JSON" }],
    examples: [
      ["rune ritual list", "all rituals, projects and templates"],
      ["rune ritual list web", "what runs for project web"],
      ["rune ritual list --json", "the same as JSON, for scripts"],
    ],
    env: CONFIG_ENV,
    run: async ({ args, opts, globals }) => {
      const { runRitualList } = await importLazy<typeof import("../actions/ritual_list.ts")>(
        "src/cli/actions/ritual_list",
      );
      return await runRitualList(args.project, { json: opts.json === true }, globals);
    },
  }, {
    name: "run",
    summary: "run the start or stop ritual without tracking",
    description: "Run a ritual exactly as `rune start` or `rune stop` would, but open or close " +
      "no work session (Rune's `rune ritual run`).",
    args: [...RITUAL_ARGS],
    // Every option either ritual takes but tracking's and --dry-run (that is `ritual test`).
    options: [...START.options ?? [], ...STOP.options ?? []].filter((o, i, all) =>
      !TRACKING_OPTIONS.includes(o) && !o.flags.includes("--dry-run") &&
      all.findIndex((x) => x.flags === o.flags) === i
    ),
    examples: [
      ["rune ritual run start", "the start ritual of the project here, untracked"],
      ["rune ritual run stop web --kill-background", "web's stop ritual, and its dev servers"],
    ],
    env: CONFIG_ENV,
    run: (input) => runNamed(input, false),
  }, {
    name: "test",
    summary: "show what a ritual would run; run nothing",
    description: "The dry run of a ritual (Rune's `rune ritual test`): every command in order, " +
      "with its options and the exact tmux argv. Runs nothing and tracks nothing; the same as " +
      "`rune start --dry-run` / `rune stop --dry-run`.",
    args: [...RITUAL_ARGS],
    options: [{ flags: "--json", description: "print the plan as JSON" }],
    examples: [
      ["rune ritual test start", "the start ritual of the project here"],
      ["rune ritual test stop web --json", "web's stop ritual, as JSON"],
    ],
    env: CONFIG_ENV,
    run: (input) => runNamed(input, true),
  }],
};
