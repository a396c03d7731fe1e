/**
 * `--help` text from the command tree, in one shape for every command: usage, what it does,
 * examples first, then arguments, options, subcommands, environment and exit codes. Pure.
 */
import { GLOBAL_OPTIONS } from "./parse.ts";
import type { CommandSpec, OptionSpec } from "./spec.ts";
import { EXIT_CODES_HELP } from "./exit_codes.ts";

export const CONFIG_ENV: [string, string][] = [
  ["RUNE_CONFIG", "config file to use (like --config)"],
  ["XDG_CONFIG_HOME", "config is read from $XDG_CONFIG_HOME/rune/config.yaml"],
  // Not imported from src/config: help must not load the config's modules.
  ["RUNE_CONFIG_MAX_BYTES", "the largest config rune reads, in bytes (raises the limit)"],
  ["NO_COLOR", "no colours in output"],
];

export function helpText(command: CommandSpec, path: readonly string[], columns = 80): string {
  const width = Math.max(60, Math.min(columns, 100));
  const name = ["rune", ...path].join(" ");
  const usage = [
    name,
    "[options]",
    ...(command.commands?.length ? ["[command]"] : []),
    ...(command.args ?? []).map((a) => {
      const n = `${a.name}${a.variadic ? "..." : ""}`;
      return a.required ? `<${n}>` : `[${n}]`;
    }),
  ];
  const out = [
    `Usage: ${usage.join(" ")}`,
    "",
    ...wrap(command.description ?? command.summary, width),
  ];
  const section = (title: string, rows: [string, string][]) => {
    if (!rows.length) return;
    const w = Math.min(32, Math.max(...rows.map(([l]) => l.length)));
    out.push("", `${title}:`);
    for (const [left, right] of rows) {
      const lines = wrap(right, width - w - 4);
      if (left.length > w) {
        out.push(`  ${left}`);
        for (const l of lines) out.push(`  ${" ".repeat(w)}  ${l}`);
      } else {
        lines.forEach((l, i) => out.push(`  ${(i ? "" : left).padEnd(w)}  ${l}`));
      }
    }
  };
  if (command.examples?.length) {
    const w = Math.max(...command.examples.map(([c]) => c.length));
    out.push("", "Examples:");
    for (const [cmd, what] of command.examples) out.push(`  ${cmd.padEnd(w)}  ${what}`);
  }
  section("Arguments", (command.args ?? []).map((a) => [a.name, a.description]));
  section("Options", (command.options ?? []).map(optionRow));
  section(
    "Commands",
    (command.commands ?? []).filter((c) => !c.hidden).map((c) => [commandUsage(c), c.summary]),
  );
  section(
    "Global options",
    GLOBAL_OPTIONS.filter((o) => path.length === 0 || !o.flags.includes("--version")).map(
      optionRow,
    ),
  );
  if (command.env?.length) {
    const w = Math.max(...command.env.map(([n]) => n.length));
    out.push("", "Environment:");
    for (const [envName, what] of command.env) out.push(`  ${envName.padEnd(w)}  ${what}`);
  }
  if (command.exitCodes !== false) out.push("", EXIT_CODES_HELP);
  return `${out.join("\n")}\n`;
}

function optionRow(o: OptionSpec): [string, string] {
  const left = o.flags.startsWith("--") ? o.flags : o.flags;
  const extra = o.default !== undefined ? ` (default: ${o.default})` : "";
  return [left, `${o.description}${extra}`];
}

function commandUsage(c: CommandSpec): string {
  const args = (c.args ?? []).map((a) => (a.required ? `<${a.name}>` : `[${a.name}]`));
  return [c.name, ...(c.options?.length ? ["[options]"] : []), ...args].join(" ");
}

/** Words into lines of at most `width` characters (a longer word gets a line of its own). */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.length ? lines : [""];
}
