/** `rune trust [PATH] [--yes] [--list [--json]]`, `rune untrust [PATH]`. */
import { importLazy } from "../../base/mod.ts";
import { CONFIG_ENV } from "../help.ts";
import type { CommandSpec } from "../spec.ts";

const PATH_ARG = {
  name: "path",
  required: false,
  description: "the .rune.yaml (or its directory); default: the nearest one, from here up to " +
    "the git root",
  complete: "file",
} as const;

const TRUST_ENV: [string, string][] = [
  ["XDG_DATA_HOME", "trusted files are kept in $XDG_DATA_HOME/rune/trusted_files.json"],
  ...CONFIG_ENV,
];

export const TRUST: CommandSpec = {
  name: "trust",
  summary: "review a project's .rune.yaml and allow rune to use it",
  description: "Show what a project's .rune.yaml would add (its rituals, as --dry-run shows " +
    "them, and its templates) and, when it changed since you trusted it, what changed; then " +
    "ask, and record its path and the SHA-256 of its exact content. rune merges a local file " +
    "over your config only while it is byte for byte what you trusted: any edit, a move or a " +
    "symbolic link makes it untrusted again, and it is never run until you trust it anew. " +
    "Without a terminal, --yes is needed.",
  args: [PATH_ARG],
  options: [
    { flags: "-y, --yes", description: "trust it without asking (after showing it)" },
    { flags: "--list", description: "list the trusted files and whether each is unchanged" },
    { flags: "--json", description: "with --list: print the list as JSON" },
  ],
  examples: [
    ["rune trust", "review ./.rune.yaml (or the nearest above) and trust it"],
    ["rune trust --yes ~/code/web", "trust ~/code/web/.rune.yaml without asking"],
    ["rune trust --list", "every trusted file: trusted, changed or missing"],
  ],
  env: TRUST_ENV,
  run: async ({ args, opts, globals }) => {
    const { runTrust, runTrustList } = await importLazy<typeof import("../actions/trust.ts")>(
      "src/cli/actions/trust",
    );
    if (opts.list === true) return runTrustList({ json: opts.json === true });
    return await runTrust(args.path, { yes: opts.yes === true }, globals);
  },
};

export const UNTRUST: CommandSpec = {
  name: "untrust",
  summary: "stop using a project's .rune.yaml",
  description: "Remove a project's .rune.yaml from the trusted files: rune ignores it from " +
    "now on, until `rune trust` again.",
  args: [PATH_ARG],
  examples: [
    ["rune untrust", "forget ./.rune.yaml (or the nearest above)"],
    ["rune untrust ~/old/web/.rune.yaml", "forget a file that was moved or deleted"],
  ],
  env: TRUST_ENV,
  run: async ({ args }) => {
    const { runUntrust } = await importLazy<typeof import("../actions/trust.ts")>(
      "src/cli/actions/trust",
    );
    return await runUntrust(args.path);
  },
};
