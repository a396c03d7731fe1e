/** `rune config path|show|validate|schema`. Registration only: actions load lazily. */
import type { Command } from "@commander-js/extra-typings";
import { addHelp, CONFIG_ENV } from "../help.ts";
import { toGlobals } from "../globals.ts";
import type { ExitBox } from "../program.ts";

export function registerConfig(program: Command, exit: ExitBox): void {
  const config = program
    .command("config")
    .summary("find, show, check the config, or print its JSON Schema")
    .description(
      "Work with rune's config file: --config or RUNE_CONFIG, else " +
        "$XDG_CONFIG_HOME/rune/config.yaml, else ~/.rune/config.yaml (Rune's own place).",
    );
  addHelp(config, {
    examples: [
      ["rune config path", "which file rune reads, and why"],
      ["rune config validate", "every problem, with file:line:col"],
      ["rune config show --json", "the config as rune reads it, as JSON"],
      ["rune config schema > schema.json", "the JSON Schema, for editors"],
    ],
    env: CONFIG_ENV,
  });

  const path = config
    .command("path")
    .summary("print the path of the config rune reads, and why that one")
    .description(
      "Print the config file rune reads on stdout, and on stderr why (--config, RUNE_CONFIG, " +
        "XDG_CONFIG_HOME or ~/.rune). With no config anywhere, print the path `rune init` will " +
        "create and exit 2.",
    )
    .option("--json", "print {path, source, exists, tried} as JSON")
    .action(async (options, cmd) => {
      const { runConfigPath } = await import("../actions/config.ts");
      exit.code = await runConfigPath(
        { json: options.json === true },
        toGlobals(cmd.optsWithGlobals()),
      );
    });
  addHelp(path, {
    examples: [
      ["rune config path", "the file, and why it is the one"],
      ['$EDITOR "$(rune config path)"', "open it"],
      ["RUNE_CONFIG=./t.yaml rune config path", "see the environment win"],
    ],
    env: CONFIG_ENV,
  });

  const show = config
    .command("show")
    .summary("print the config as rune reads it")
    .description(
      "Print the config as rune reads it: merge keys and aliases resolved, keys rune does not " +
        "use left out. YAML by default.",
    )
    .option("--json", "print it as JSON")
    .action(async (options, cmd) => {
      const { runConfigShow } = await import("../actions/config.ts");
      exit.code = await runConfigShow(
        { json: options.json === true },
        toGlobals(cmd.optsWithGlobals()),
      );
    });
  addHelp(show, {
    examples: [
      ["rune config show", "the config as YAML"],
      ["rune config show --json | jq .rituals.start", "pick a part with jq"],
      ["rune --config ./other.yaml config show", "another file"],
    ],
    env: CONFIG_ENV,
  });

  const validate = config
    .command("validate")
    .summary("check the config and list every problem")
    .description(
      "Check the config: YAML syntax, duplicate keys, types, unknown or misspelt keys, commands " +
        "with nothing to run, templates, layouts, durations and template variables. Every " +
        "problem is listed with file:line:col and a fix; then a summary `N errors, M warnings`. " +
        "Warnings (keys rune ignores) do not fail the check unless --strict is given.",
    )
    .option("--json", "print the problems as a JSON array on stdout")
    .action(async (options, cmd) => {
      const { runConfigValidate } = await import("../actions/config.ts");
      exit.code = await runConfigValidate(
        { json: options.json === true },
        toGlobals(cmd.optsWithGlobals()),
      );
    });
  addHelp(validate, {
    examples: [
      ["rune config validate", "check the config rune would read"],
      ["rune config validate --strict", "warnings count as errors too"],
      ["rune --config ./new.yaml config validate", "check another file"],
      ["rune config validate --json", "the problems as JSON, for scripts and editors"],
    ],
    env: CONFIG_ENV,
  });

  const schema = config
    .command("schema")
    .summary("print the config's JSON Schema")
    .description(
      "Print the JSON Schema of the config (generated from rune's own schema). Point an editor " +
        "at it with a first line `# yaml-language-server: $schema=PATH` in the config.",
    )
    .action(async () => {
      const { runConfigSchema } = await import("../actions/config.ts");
      exit.code = runConfigSchema();
    });
  addHelp(schema, {
    examples: [
      ["rune config schema", "print it"],
      ["rune config schema > ~/.config/rune/config.schema.json", "save it next to the config"],
    ],
    exitCodes: false,
  });
}
