/** `rune config path|show|validate|edit|schema`. */
import { importLazy, writeOrStop } from "../../base/mod.ts";
import { EXIT } from "../exit_codes.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandSpec } from "../spec.ts";

const JSON_OPTION = (what: string) => ({ flags: "--json", description: what });

export const CONFIG: CommandSpec = {
  name: "config",
  summary: "find, show, check the config, or print its JSON Schema",
  description: "Work with rune's config file: --config or RUNE_CONFIG, else " +
    "$XDG_CONFIG_HOME/rune/config.yaml, else ~/.rune/config.yaml (Rune's own place).",
  examples: [
    ["rune config path", "which file rune reads, and why"],
    ["rune config validate", "every problem, with file:line:col"],
    ["rune config edit", "open it in $VISUAL/$EDITOR, then check it"],
    ["rune config show --json", "the config as rune reads it, as JSON"],
    ["rune config schema > schema.json", "the JSON Schema, for editors"],
  ],
  env: CONFIG_ENV,
  commands: [
    {
      name: "path",
      summary: "print the path of the config rune reads, and why that one",
      description: "Print the config file rune reads on stdout, and on stderr why (--config, " +
        "RUNE_CONFIG, XDG_CONFIG_HOME or ~/.rune). With no config anywhere, print the path " +
        "where one belongs and exit 2.",
      options: [JSON_OPTION("print {path, source, exists, tried} as JSON")],
      examples: [
        ["rune config path", "the file, and why it is the one"],
        ['$EDITOR "$(rune config path)"', "open it"],
        ["RUNE_CONFIG=./t.yaml rune config path", "see the environment win"],
      ],
      env: CONFIG_ENV,
      run: async ({ opts, globals }) => {
        const { runConfigPath } = await importLazy<typeof import("../actions/config.ts")>(
          "src/cli/actions/config",
        );
        return await runConfigPath({ json: opts.json === true }, globals);
      },
    },
    {
      name: "show",
      summary: "print the config as rune reads it",
      description: "Print the config as rune reads it: merge keys and aliases resolved, keys " +
        "rune does not use left out. YAML by default.",
      options: [JSON_OPTION("print it as JSON")],
      examples: [
        ["rune config show", "the config as YAML"],
        ["rune config show --json | jq .rituals.start", "pick a part with jq"],
        ["rune --config ./other.yaml config show", "another file"],
      ],
      env: CONFIG_ENV,
      run: async ({ opts, globals }) => {
        const { runConfigShow } = await importLazy<typeof import("../actions/config.ts")>(
          "src/cli/actions/config",
        );
        return await runConfigShow({ json: opts.json === true }, globals);
      },
    },
    {
      name: "validate",
      summary: "check the config and list every problem",
      description: "Check the config: YAML syntax, duplicate keys, types, unknown or misspelt " +
        "keys, commands with nothing to run, templates, layouts, durations and template " +
        "variables. Every problem is listed with file:line:col and a fix; then a summary " +
        "`N errors, M warnings`. Warnings (keys rune ignores) do not fail the check unless " +
        "--strict is given.",
      options: [JSON_OPTION("print the problems as a JSON array on stdout")],
      examples: [
        ["rune config validate", "check the config rune would read"],
        ["rune config validate --strict", "warnings count as errors too"],
        ["rune --config ./new.yaml config validate", "check another file"],
        ["rune config validate --json", "the problems as JSON, for scripts and editors"],
      ],
      env: CONFIG_ENV,
      run: async ({ opts, globals }) => {
        const { runConfigValidate } = await importLazy<typeof import("../actions/config.ts")>(
          "src/cli/actions/config",
        );
        return await runConfigValidate({ json: opts.json === true }, globals);
      },
    },
    {
      name: "edit",
      summary: "open the config in your editor, then check it",
      description: "Open the config rune reads in $VISUAL, else $EDITOR, else vi, and check it " +
        "when the editor exits, as `rune config validate` does. In a terminal, a config with " +
        "errors can be reopened until it loads; without one, the problems are printed and the " +
        "exit code is 2. The editor is a command line run through `sh -c` (as git does), so " +
        '"code --wait" works and no editor needs its own Deno run permission.',
      examples: [
        ["rune config edit", "edit, then see every problem with file:line:col"],
        ["EDITOR=nano rune config edit", "with another editor this once"],
        ['VISUAL="code --wait" rune config edit', "a GUI editor: --wait makes it block"],
      ],
      env: [
        ["VISUAL", "the editor to open (a command line); wins over EDITOR"],
        ["EDITOR", "the editor when VISUAL is not set (default: vi)"],
        ...CONFIG_ENV,
      ],
      run: async ({ globals }) => {
        const { runConfigEdit } = await importLazy<typeof import("../actions/config_edit.ts")>(
          "src/cli/actions/config_edit",
        );
        return await runConfigEdit(globals);
      },
    },
    {
      name: "schema",
      summary: "print the config's JSON Schema",
      description: "Print the JSON Schema of the config (generated from rune's own schema). " +
        "Point an editor at it with a first line `# yaml-language-server: $schema=PATH` in " +
        "the config.",
      examples: [
        ["rune config schema", "print it"],
        ["rune config schema > ~/.config/rune/config.schema.json", "save it next to the config"],
      ],
      exitCodes: false,
      run: async () => {
        // Generated from the schema when rune may read its own modules; without any
        // permission, the committed copy a test keeps equal to it.
        if (Deno.permissions.querySync({ name: "read" }).state !== "granted") {
          const { COMMITTED_SCHEMA } = await import("../schema_text.ts");
          writeOrStop(Deno.stdout, COMMITTED_SCHEMA);
          return EXIT.ok;
        }
        const { runConfigSchema } = await importLazy<typeof import("../actions/config.ts")>(
          "src/cli/actions/config",
        );
        return await runConfigSchema();
      },
    },
  ],
};
