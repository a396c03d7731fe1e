/**
 * argv → exit code. The only place that turns failures into exit codes: usage errors exit 2,
 * a missing Deno permission becomes one line naming the flag (exit 3), a current directory
 * Deno cannot name one line (exit 2); every expected failure arrives from the commands as a
 * value.
 */
import { VERSION, visible, writeOrStop } from "../base/mod.ts";
import { helpText } from "./help.ts";
import { parseArgv } from "./parse.ts";
import { ROOT } from "./tree.ts";
import { EXIT } from "./exit_codes.ts";
import { describePermissionError, isPermissionError, requireGranted } from "./permission_error.ts";
import { UnusableDirectory } from "./cwd.ts";

/** Commands that work with no permission at all (doctor reports what is granted itself). */
const NEEDS_NOTHING = new Set(["completion", "config schema"]);

export async function main(argv: string[]): Promise<number> {
  const parsed = parseArgv(ROOT, argv);
  switch (parsed.kind) {
    case "version":
      writeOrStop(Deno.stdout, `${VERSION}\n`);
      return EXIT.ok;
    case "help":
      writeOrStop(Deno.stdout, helpText(parsed.command, parsed.path, columns()));
      return EXIT.ok;
    case "group":
      writeOrStop(Deno.stderr, helpText(parsed.command, parsed.path, columns()));
      return EXIT.usage;
    case "error": {
      const where = ["rune", ...parsed.path].join(" ");
      writeOrStop(
        Deno.stderr,
        `error: ${visible(parsed.message)}\n(see: ${visible(where)} --help)\n`,
      );
      return EXIT.usage;
    }
    case "run":
      try {
        // Every command but these reads the environment and files at once: a missing env or
        // read permission is rune's one line before Deno could ask for it in a terminal.
        if (!NEEDS_NOTHING.has(parsed.path.join(" ")) && parsed.path[0] !== "doctor") {
          requireGranted({ name: "env" }, { name: "read" });
        }
        return await parsed.command.run!(parsed.input);
      } catch (e) {
        if (isPermissionError(e)) {
          console.error(visible(describePermissionError(e.message), { keepNewlines: true }));
          return EXIT.missing;
        }
        if (e instanceof UnusableDirectory) {
          writeOrStop(Deno.stderr, `${visible(e.message)}\n  hint: ${visible(e.hint)}\n`);
          return EXIT.usage;
        }
        throw e;
      }
  }
}

function columns(): number {
  try {
    return Deno.consoleSize().columns;
  } catch {
    return 80;
  }
}
