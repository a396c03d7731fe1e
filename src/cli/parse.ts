/**
 * argv → the chosen command, its arguments and options, or a usage error. Pure. Global options
 * are recognised anywhere before `--`; a value option takes the next word whatever it looks
 * like (`--at -20m`); short switches combine (`-qv`).
 */
import { suggest } from "../base/mod.ts";
import { optionShape } from "./spec.ts";
import type { CommandInput, CommandSpec, GlobalOptions, OptionShape, OptionSpec } from "./spec.ts";

export const GLOBAL_OPTIONS: OptionSpec[] = [
  {
    flags: "-c, --config <path>",
    description: "use this config file instead of the usual places",
    complete: "file",
  },
  { flags: "--strict", description: "treat config warnings as errors" },
  { flags: "--no-color", description: "no colours in output (also: NO_COLOR=1)" },
  { flags: "-q, --quiet", description: "print only errors and the final summary" },
  { flags: "-v, --verbose", description: "echo each child command before it runs" },
  { flags: "-h, --help", description: "show help for rune or a command" },
  { flags: "-V, --version", description: "print rune's version" },
];

export type Parsed =
  | { kind: "run"; command: CommandSpec; path: string[]; input: CommandInput }
  | { kind: "help"; command: CommandSpec; path: string[] }
  /** A command that only groups others, given without one: its help, as a usage error. */
  | { kind: "group"; command: CommandSpec; path: string[] }
  | { kind: "version" }
  | { kind: "error"; message: string; command: CommandSpec; path: string[] };

interface Known {
  shape: OptionShape;
  spec: OptionSpec;
  global: boolean;
}

export function parseArgv(root: CommandSpec, argv: readonly string[]): Parsed {
  let command = root;
  /** The commands chosen so far: a group's options hold for its subcommands too. */
  const chain: CommandSpec[] = [root];
  const path: string[] = [];
  const positionals: string[] = [];
  const values: Record<string, string | boolean | string[] | undefined> = {};
  let help = false;
  let version = false;
  let dashDash = false;
  const fail = (message: string): Parsed => ({ kind: "error", message, command, path });

  for (let i = 0; i < argv.length; i++) {
    const token = argv[i];
    if (dashDash || token === "-" || !token.startsWith("-")) {
      if (!dashDash && command.commands?.length && positionals.length === 0) {
        const sub = command.commands.find((c) => c.name === token);
        if (!sub) {
          const meant = suggest(token, command.commands.map((c) => c.name));
          return fail(
            `unknown command '${token}'${meant ? `\n(Did you mean ${meant}?)` : ""}`,
          );
        }
        command = sub;
        chain.push(sub);
        path.push(sub.name);
        continue;
      }
      positionals.push(token);
      continue;
    }
    if (token === "--") {
      dashDash = true;
      continue;
    }
    const known = knownOptions(chain);
    const take = (opt: Known, inline: string | undefined): Parsed | undefined => {
      if (opt.shape.key === "help") help = true;
      else if (opt.shape.key === "version") version = true;
      else if (opt.shape.value === undefined) {
        if (inline !== undefined) return fail(`option '${opt.spec.flags}' takes no value`);
        values[opt.shape.key] = !opt.shape.negated;
      } else {
        const value = inline ?? argv[++i];
        if (value === undefined) return fail(`option '${opt.spec.flags}' argument missing`);
        if (opt.spec.repeat) {
          const list = values[opt.shape.key];
          values[opt.shape.key] = [...(Array.isArray(list) ? list : []), value];
        } else values[opt.shape.key] = value;
      }
      return undefined;
    };
    if (token.startsWith("--")) {
      const eq = token.indexOf("=");
      const long = eq < 0 ? token.slice(2) : token.slice(2, eq);
      const opt = known.find((k) => k.shape.long === long);
      if (!opt) {
        const meant = suggest(`--${long}`, known.map((k) => `--${k.shape.long}`));
        return fail(`unknown option '--${long}'${meant ? `\n(Did you mean ${meant}?)` : ""}`);
      }
      const bad = take(opt, eq < 0 ? undefined : token.slice(eq + 1));
      if (bad) return bad;
      continue;
    }
    // -abc: switches in a row; the first one that takes a value takes the rest of the word.
    for (let j = 1; j < token.length; j++) {
      const opt = known.find((k) => k.shape.short === token[j]);
      if (!opt) return fail(`unknown option '-${token[j]}'`);
      const rest = token.slice(j + 1);
      const takesValue = opt.shape.value !== undefined;
      const bad = take(opt, takesValue && rest ? rest : undefined);
      if (bad) return bad;
      if (takesValue) break;
    }
  }

  if (help) return { kind: "help", command, path };
  if (version) return { kind: "version" };
  if (!command.run) return { kind: "group", command, path };
  const specs = command.args ?? [];
  const args: Record<string, string | undefined> = {};
  let rest: string[] = [];
  for (const [n, spec] of specs.entries()) {
    if (spec.variadic) {
      rest = positionals.slice(n);
      args[spec.name] = rest[0];
      break;
    }
    args[spec.name] = positionals[n];
    if (spec.required && positionals[n] === undefined) {
      return fail(`missing required argument '${spec.name}'`);
    }
    if (spec.choices && positionals[n] !== undefined && !spec.choices.includes(positionals[n])) {
      const meant = suggest(positionals[n], spec.choices);
      return fail(
        `argument '${spec.name}' must be one of ${spec.choices.join(", ")}, got '${
          positionals[n]
        }'${meant ? `\n(Did you mean ${meant}?)` : ""}`,
      );
    }
  }
  if (!specs.some((s) => s.variadic) && positionals.length > specs.length) {
    const n = specs.length;
    return fail(
      `too many arguments for '${path.join(" ") || root.name}'. Expected ${n} argument${
        n === 1 ? "" : "s"
      } but got ${positionals.length}: ${positionals.join(", ")}.`,
    );
  }
  for (const k of knownOptions(chain)) {
    if (k.global || values[k.shape.key] !== undefined) continue;
    if (k.shape.negated) values[k.shape.key] = true;
    else if (k.spec.default !== undefined) values[k.shape.key] = k.spec.default;
  }
  return {
    kind: "run",
    command,
    path,
    input: { args, rest, opts: values, globals: globalsFrom(values), root },
  };
}

/** The chosen command's options, its groups' options, then the global ones. */
function knownOptions(chain: readonly CommandSpec[]): Known[] {
  return [
    ...[...chain].reverse().flatMap((c) =>
      (c.options ?? []).map((spec) => ({ spec, shape: optionShape(spec), global: false }))
    ),
    ...GLOBAL_OPTIONS.map((spec) => ({ spec, shape: optionShape(spec), global: true })),
  ];
}

function globalsFrom(values: Record<string, unknown>): GlobalOptions {
  return {
    config: typeof values.config === "string" ? values.config : undefined,
    strict: values.strict === true,
    color: values.color !== false,
    quiet: values.quiet === true,
    verbose: values.verbose === true,
  };
}
