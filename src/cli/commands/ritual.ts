/** `rune ritual list [project]`. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandSpec } from "../spec.ts";

export const RITUAL: CommandSpec = {
  name: "ritual",
  summary: "list the rituals the config defines",
  description: "Show the start and stop rituals and the tmux templates of the config.",
  examples: [["rune ritual list", "every ritual and template"]],
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
  }],
};
