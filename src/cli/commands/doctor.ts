/** `rune doctor`: what rune needs, what it found, and what to do about the rest. */
import { CONFIG_ENV } from "../help.ts";
import type { CommandSpec } from "../spec.ts";

export const DOCTOR: CommandSpec = {
  name: "doctor",
  summary: "check tmux, script, Deno permissions and the config",
  description: "Report rune's and Deno's versions, the config file in use and whether it " +
    "loads, the tmux version, the `script` flavour (util-linux or BSD), and which Deno " +
    "permissions are granted or missing, each with the fix.",
  options: [{ flags: "--json", description: "print the report as JSON" }],
  examples: [
    ["rune doctor", "check everything, with a fix for each problem"],
    ["rune doctor --json", "the same report for scripts"],
  ],
  env: CONFIG_ENV,
  run: async ({ opts, globals }) => {
    const { runDoctor } = await import("../actions/doctor.ts");
    return await runDoctor({ json: opts.json === true }, globals);
  },
};
