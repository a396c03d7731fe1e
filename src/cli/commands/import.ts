/** `rune import tmuxinator|tmuxp|smug FILE`. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandSpec } from "../spec.ts";

export const IMPORT: CommandSpec = {
  name: "import",
  summary: "turn a tmuxinator, tmuxp or smug project file into a rune template and rituals",
  description: "Read a tmuxinator, tmuxp or smug project file (YAML or JSON) and print the " +
    "rune config it becomes: a template under rituals.templates.NAME, the step that opens it " +
    "(and the tool's hooks) under rituals.start.per_project.NAME, stop commands under " +
    "rituals.stop.per_project.NAME. Printing is the preview: nothing is written unless " +
    "--write is given. Every option without an equivalent is a warning on stderr with its " +
    "line:col (and a comment in the output). Nothing is evaluated: of tmuxinator's ERB only " +
    '<%= ENV["X"] %> and <%= @settings["x"] %> are kept (as {{.Env.X}} and {{.Var.x}}); any ' +
    "other tag is refused with its line:col.",
  args: [
    {
      name: "tool",
      required: true,
      description: "whose file it is: tmuxinator, tmuxp or smug",
      choices: ["tmuxinator", "tmuxp", "smug"],
    },
    {
      name: "file",
      required: true,
      description: "the project file (YAML or JSON)",
      complete: "file",
    },
  ],
  options: [
    {
      flags: "-w, --write",
      description: "merge it into the config rune reads (created, 0600, if missing), keeping " +
        "the config's comments",
    },
    {
      flags: "-f, --force",
      description: "with --write, replace a template of the same name",
    },
    {
      flags: "--name <name>",
      description: "the template and project name (default: the file's project name)",
    },
  ],
  examples: [
    ["rune import tmuxinator ~/.tmuxinator/web.yml", "print the rune config; write nothing"],
    ["rune import tmuxp ~/.tmuxp/api.yaml --write", "add it to your config"],
    ["rune import smug .smug.yml --write --name blog", "add it as template and project blog"],
    ["rune import tmuxinator web.yml --write --force", "import again, replacing template web"],
  ],
  env: CONFIG_ENV,
  run: async ({ args, opts, globals }) => {
    const { runImport } = await importLazy<typeof import("../actions/import.ts")>(
      "src/cli/actions/import",
    );
    return await runImport(args.tool!, args.file!, {
      write: opts.write === true,
      force: opts.force === true,
      name: typeof opts.name === "string" ? opts.name : undefined,
    }, globals);
  },
};
