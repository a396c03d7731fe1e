/**
 * argv → exit code. The only place that turns failures into exit codes; expected failures
 * arrive as values, a missing Deno permission becomes one line naming the flag (exit 3).
 */
import { CommanderError } from "@commander-js/extra-typings";
import { buildProgram, type ExitBox } from "./program.ts";
import { EXIT } from "./exit_codes.ts";
import { describePermissionError, isPermissionError } from "./permission_error.ts";

export async function main(argv: string[]): Promise<number> {
  const exit: ExitBox = { code: EXIT.ok };
  const program = buildProgram(exit);
  try {
    await program.parseAsync(argv, { from: "user" });
    return exit.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version exit 0; every other commander error is a usage error.
      return e.exitCode === 0 ? EXIT.ok : EXIT.usage;
    }
    if (isPermissionError(e)) {
      console.error(describePermissionError(e.message));
      return EXIT.missing;
    }
    throw e;
  }
}
