/** `rune doctor`: what rune needs, what it found, and what to do about the rest. */
import type { Command } from "@commander-js/extra-typings";
import { addHelp, CONFIG_ENV } from "../help.ts";
import { toGlobals } from "../globals.ts";
import type { ExitBox } from "../program.ts";

export function registerDoctor(program: Command, exit: ExitBox): void {
  const doctor = program
    .command("doctor")
    .summary("check tmux, script, Deno permissions and the config")
    .description(
      "Report rune's and Deno's versions, the config file in use and whether it loads, the " +
        "tmux version, the `script` flavour (util-linux or BSD), and which Deno permissions " +
        "are granted or missing, each with the fix.",
    )
    .option("--json", "print the report as JSON")
    .action(async (options, cmd) => {
      const { runDoctor } = await import("../actions/doctor.ts");
      exit.code = await runDoctor(
        { json: options.json === true },
        toGlobals(cmd.optsWithGlobals()),
      );
    });
  addHelp(doctor, {
    examples: [
      ["rune doctor", "check everything, with a fix for each problem"],
      ["rune doctor --json", "the same report for scripts"],
    ],
    env: CONFIG_ENV,
  });
}
