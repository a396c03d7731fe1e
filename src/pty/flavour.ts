/**
 * Which `script` this machine has: util-linux (`script -c CMD FILE`, Linux) or BSD/macOS
 * (`script FILE CMD…`). Probed once per process with `script --version`: util-linux names
 * itself; BSD's script rejects the option and prints its usage. Needs --allow-run=script.
 */
import type { RunOutcome, Runtime, ScriptFlavour } from "../contract/mod.ts";

/** Reads a `script --version` run: null when `script` is not installed. Pure. */
export function scriptFlavourFrom(
  outcome: Pick<RunOutcome, "code" | "stdout" | "stderr">,
): ScriptFlavour | null {
  if (outcome.code === 127) return null;
  return /util-linux/.test(outcome.stdout + outcome.stderr) ? "util-linux" : "bsd";
}

let cached: Promise<ScriptFlavour | null> | undefined;

/**
 * The flavour of the `script` on PATH, or null when there is none. The first call runs
 * `script --version`; later calls share its answer (`rune doctor` reports the same probe).
 */
export function detectScriptFlavour(runtime: Runtime): Promise<ScriptFlavour | null> {
  cached ??= runtime
    .run(["script", "--version"], { env: { LC_ALL: "C" } })
    .then(scriptFlavourFrom)
    .catch((e) => {
      cached = undefined;
      throw e;
    });
  return cached;
}
