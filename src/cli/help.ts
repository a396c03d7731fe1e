/** Help text sections in one shape for every command: examples first, then env and exit codes. */
import type { Command } from "@commander-js/extra-typings";
import { EXIT_CODES_HELP } from "./exit_codes.ts";

export interface HelpExtras {
  /** [command line, what it does] */
  examples: [string, string][];
  /** [VARIABLE, what it changes] */
  env?: [string, string][];
  exitCodes?: boolean;
}

export function helpText(extras: HelpExtras): string {
  const width = Math.max(...extras.examples.map(([c]) => c.length));
  const lines = ["", "Examples:"];
  for (const [cmd, what] of extras.examples) lines.push(`  ${cmd.padEnd(width)}  ${what}`);
  if (extras.env?.length) {
    const w = Math.max(...extras.env.map(([n]) => n.length));
    lines.push("", "Environment:");
    for (const [name, what] of extras.env) lines.push(`  ${name.padEnd(w)}  ${what}`);
  }
  if (extras.exitCodes !== false) lines.push("", EXIT_CODES_HELP);
  return lines.join("\n");
}

// deno-lint-ignore no-explicit-any
export function addHelp(cmd: Command<any, any, any>, extras: HelpExtras): void {
  cmd.addHelpText("after", helpText(extras));
}

export const CONFIG_ENV: [string, string][] = [
  ["RUNE_CONFIG", "config file to use (like --config)"],
  ["XDG_CONFIG_HOME", "config is read from $XDG_CONFIG_HOME/rune/config.yaml"],
  ["NO_COLOR", "no colours in output"],
];
