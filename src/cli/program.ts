/**
 * The command tree. Registration is cheap (commander only); each command's action imports its
 * implementation lazily, so `rune --help` never loads YAML, zod or handlebars.
 */
import { Command, Option } from "@commander-js/extra-typings";
import { VERSION } from "../base/version.ts";
import { CONFIG_ENV, helpText } from "./help.ts";
import { registerStartStop } from "./commands/start_stop.ts";
import { registerDoctor } from "./commands/doctor.ts";
import { registerConfig } from "./commands/config.ts";
import { registerRitual } from "./commands/ritual.ts";
import { registerSession } from "./commands/session.ts";
import { registerAudit } from "./commands/audit.ts";

/** Set by the action that ran; read by main() after parsing. */
export interface ExitBox {
  code: number;
}

export function buildProgram(exit: ExitBox): Command {
  const program = new Command()
    .name("rune")
    .description(
      "Run a project's rituals: the commands that start and stop work, in tmux or a terminal.",
    )
    .version(VERSION, "-V, --version", "print rune's version")
    .helpOption("-h, --help", "show help for rune or a command")
    .addOption(
      new Option("-c, --config <path>", "use this config file instead of the usual locations"),
    )
    .option("--strict", "treat config warnings as errors")
    .option("--no-color", "no colours in output (also: NO_COLOR=1)")
    .option("-q, --quiet", "print only errors and the final summary")
    .option("-v, --verbose", "echo each child command before it runs")
    .showSuggestionAfterError(true)
    .configureOutput({
      // Synchronous writes that shrug off a closed pipe (`rune --help | head`): commander's
      // default goes through Node's stream and dies with a raw EPIPE trace.
      writeOut: (text) => writeQuietly(Deno.stdout, text),
      writeErr: (text) => writeQuietly(Deno.stderr, text),
      // commander's own colour probe reads variables that need an env permission (FACTS §9).
      getOutHasColors: () => Deno.stdout.isTerminal() && !Deno.env.get("NO_COLOR"),
      getErrHasColors: () => Deno.stderr.isTerminal() && !Deno.env.get("NO_COLOR"),
    })
    .exitOverride();

  program.addHelpText(
    "after",
    helpText({
      examples: [
        ["rune start", "run the start ritual of the project in this directory"],
        ["rune start web --dry-run", "show what would run for project web; run nothing"],
        ["rune stop", "run the stop ritual"],
        ["rune ritual list", "list the rituals the config defines"],
        ["rune config validate", "check the config; every problem with file:line:col"],
        ["rune doctor", "check tmux, script, permissions and the config"],
      ],
      env: CONFIG_ENV,
    }),
  );

  registerStartStop(program, exit);
  registerDoctor(program, exit);
  registerConfig(program, exit);
  registerRitual(program, exit);
  registerSession(program, exit);
  registerAudit(program, exit);
  return program;
}

function writeQuietly(stream: { writeSync(p: Uint8Array): number }, text: string): void {
  const bytes = new TextEncoder().encode(text);
  try {
    let off = 0;
    while (off < bytes.length) off += stream.writeSync(bytes.subarray(off));
  } catch (e) {
    if (!(e instanceof Deno.errors.BrokenPipe)) throw e;
  }
}
