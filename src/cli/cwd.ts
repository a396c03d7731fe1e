/**
 * The current directory, the one way the CLI reads it. Deno cannot name a directory whose path
 * is not UTF-8 (`Deno.cwd()` and `$PWD` both throw InvalidData) nor one that was removed under
 * rune (NotFound); a command that needs it then ends with one line, exit 2 (cli/main.ts), and
 * a command that does not (`config schema`, `--help`) works anywhere.
 */

/** Thrown by currentDir(); cli/main.ts turns it into its message and exit 2. */
export class UnusableDirectory extends Error {
  readonly hint: string;

  constructor(problem: string, hint: string) {
    super(problem);
    this.name = "UnusableDirectory";
    this.hint = hint;
  }
}

let cached: string | undefined;

/** The current directory. Needs --allow-read. Throws UnusableDirectory when Deno cannot say. */
export function currentDir(): string {
  if (cached !== undefined) return cached;
  try {
    cached = Deno.cwd();
  } catch (e) {
    if (e instanceof Deno.errors.InvalidData) {
      // Deno's message shows the bytes escaped (`p\xFF\xFE`): never the raw bytes.
      const shown = (e as Error).message.match(/"(.*)"/)?.[1];
      throw new UnusableDirectory(
        `rune: cannot work in ${shown ? `"${shown}"` : "the current directory"}: ` +
          "its path is not valid UTF-8",
        "run rune from another directory (name the project: rune start NAME), or rename this one",
      );
    }
    if (e instanceof Deno.errors.NotFound) {
      throw new UnusableDirectory(
        "rune: cannot work in the current directory: it no longer exists",
        "cd to a directory that exists, then run rune again",
      );
    }
    throw e;
  }
  return cached;
}
