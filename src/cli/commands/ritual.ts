/** `rune ritual list [project]`. Registration only: the action loads lazily. */
import type { Command } from "@commander-js/extra-typings";
import { addHelp, CONFIG_ENV } from "../help.ts";
import { toGlobals } from "../globals.ts";
import type { ExitBox } from "../program.ts";

export function registerRitual(program: Command, exit: ExitBox): void {
  const ritual = program
    .command("ritual")
    .summary("list the rituals the config defines")
    .description("Show the start and stop rituals and the tmux templates of the config.");
  addHelp(ritual, {
    examples: [["rune ritual list", "every ritual and template"]],
    env: CONFIG_ENV,
  });

  const list = ritual
    .command("list")
    .summary("list commands per ritual and project, and the templates")
    .description(
      "For the start and stop rituals: the global commands and each project's per_project " +
        "commands, marked optional, background, interactive, with the template or session they " +
        "open; then the tmux templates with their windows, panes and layouts. With a project, " +
        "only that project's commands (and the global ones) and the templates they use.",
    )
    .argument("[project]", "show only what concerns this project")
    .option("--json", "print the listing as JSON")
    .action(async (project, options, cmd) => {
      const { runRitualList } = await import("../actions/ritual_list.ts");
      exit.code = await runRitualList(
        project,
        { json: options.json === true },
        toGlobals(cmd.optsWithGlobals()),
      );
    });
  addHelp(list, {
    examples: [
      ["rune ritual list", "all rituals, projects and templates"],
      ["rune ritual list web", "what runs for project web"],
      ["rune ritual list --json", "the same as JSON, for scripts"],
    ],
    env: CONFIG_ENV,
  });
}
