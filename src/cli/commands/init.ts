/** `rune init [--template NAME] [--guided] [--project] [--force]`. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandSpec } from "../spec.ts";
import { STARTER_NAMES } from "../starter_names.ts";

export const INIT: CommandSpec = {
  name: "init",
  summary: "write a starter config (or a project's .rune.yaml)",
  description: "Write a commented starter config where rune reads it (--config, RUNE_CONFIG, " +
    "else $XDG_CONFIG_HOME/rune/config.yaml), with config.schema.json beside it for editors " +
    "(its first line points yaml-language-server at it). An existing config is never " +
    "overwritten without --force (then the old one is kept as FILE.bak). --guided asks for the " +
    "project's name, how to recognise it and a starter, in a terminal only. --project writes " +
    "a starter .rune.yaml into the current directory instead.",
  options: [
    {
      flags: "-t, --template <name>",
      description: `the starter to write: ${STARTER_NAMES.join(", ")} (default: basic)`,
      choices: STARTER_NAMES,
    },
    { flags: "-g, --guided", description: "ask a few questions first (needs a terminal)" },
    {
      flags: "--project",
      description: "write .rune.yaml in the current directory (rune reads it once trusted)",
    },
    { flags: "-f, --force", description: "replace an existing file (kept as FILE.bak)" },
  ],
  examples: [
    ["rune init", "write the basic starter to ~/.config/rune/config.yaml"],
    ["rune init --template node", "a starter for a Node.js project"],
    ["rune init --guided", "answer three questions, then write it"],
    ["rune init --project", "a .rune.yaml for the project in this directory"],
    ["rune --config ./try.yaml init", "write it somewhere else"],
  ],
  env: CONFIG_ENV,
  run: async ({ opts, globals }) => {
    const { runInit } = await importLazy<typeof import("../actions/init.ts")>(
      "src/cli/actions/init",
    );
    return await runInit({
      template: typeof opts.template === "string" ? opts.template : undefined,
      guided: opts.guided === true,
      project: opts.project === true,
      force: opts.force === true,
    }, globals);
  },
};
