/**
 * The shape of rune's command tree: plain data, so one definition serves parsing, `--help` and
 * completions. A command's `run` loads its implementation only when it is chosen.
 */

/** Options every command accepts, before or after the command's name. */
export interface GlobalOptions {
  /** --config PATH (else RUNE_CONFIG, else the XDG/legacy locations). */
  config?: string;
  /** --strict: config warnings are errors. */
  strict: boolean;
  /** false with --no-color. */
  color: boolean;
  quiet: boolean;
  verbose: boolean;
}

export interface OptionSpec {
  /**
   * As in help: "-n, --dry-run" (a switch), "--socket <name>" (takes a value), "--no-tmux"
   * (a switch that is on by default; its key is `tmux`, false when given).
   */
  flags: string;
  description: string;
  /** A value option's value when not given, shown in help. */
  default?: string;
  /** Values a completion may offer. */
  choices?: readonly string[];
  /** What a completion offers for its value when there are no choices. */
  complete?: ArgSpec["complete"];
  /** May be given more than once (`--user a --user b`): the key holds every value. */
  repeat?: boolean;
}

export interface ArgSpec {
  name: string;
  required: boolean;
  description: string;
  /** Takes every remaining argument. */
  variadic?: boolean;
  /**
   * What a completion offers for it: names from the config or the tmux server, the shells
   * `rune completion` knows, or file names.
   */
  complete?: "project" | "template" | "session" | "shell" | "file";
  /** The only values it takes (checked by the parser, offered by completion). */
  choices?: readonly string[];
}

/** What a chosen command's implementation gets. */
export interface CommandInput {
  /** Arguments by name; a variadic one is joined in `rest`. */
  args: Record<string, string | undefined>;
  rest: string[];
  /** Options by key (`dryRun`, `socketPath`, `tmux`): string, boolean, or string[] if repeated. */
  opts: Record<string, string | boolean | string[] | undefined>;
  globals: GlobalOptions;
  /** The tree this was parsed from (completion reads it without importing tree.ts). */
  root: CommandSpec;
}

export interface CommandSpec {
  name: string;
  /** One line, shown in the parent's list of commands. */
  summary: string;
  /** A paragraph for this command's own help (default: the summary). */
  description?: string;
  args?: ArgSpec[];
  options?: OptionSpec[];
  /** [command line, what it does] — shown first in help, as STYLE.md asks. */
  examples?: [string, string][];
  /** [VARIABLE, what it changes] */
  env?: [string, string][];
  /** Show the exit codes in help (default true). */
  exitCodes?: boolean;
  /** Left out of help and completion (`rune __complete`, which the completion scripts call). */
  hidden?: boolean;
  commands?: CommandSpec[];
  /** The exit code; loads the implementation lazily. */
  run?: (input: CommandInput) => Promise<number>;
}

/** An option's parsed flags: `-n, --dry-run` → { short: "n", long: "dry-run", key: "dryRun" }. */
export interface OptionShape {
  short?: string;
  long: string;
  key: string;
  /** The value's name (`<name>`), or undefined for a switch. */
  value?: string;
  /** `--no-x`: on unless given. */
  negated: boolean;
}

export function optionShape(spec: OptionSpec): OptionShape {
  const m = spec.flags.match(/^(?:-(\w),\s*)?--([\w-]+)(?:\s+<([\w=-]+)>)?$/);
  if (!m) throw new Error(`malformed option flags: ${spec.flags}`);
  const [, short, long, value] = m;
  const negated = long.startsWith("no-") && value === undefined;
  const name = negated ? long.slice(3) : long;
  const key = name.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
  return { short, long, key, value, negated };
}
