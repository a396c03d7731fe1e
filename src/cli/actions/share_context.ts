/** What `rune session share|join|unshare` run with, and how their failures are printed. */
import { runePaths, visible } from "../../base/mod.ts";
import { filterEnv } from "../../env/mod.ts";
import { denoRuntime } from "../../exec/mod.ts";
import type { ShareContext, ShareError } from "../../share/mod.ts";
import { tmuxClientEnv } from "../../tmux/mod.ts";
import { EXIT } from "../exit_codes.ts";

/** The context for a share command; `clientEnv` is the world's, when there is one. */
export function shareContext(clientEnv?: Record<string, string>): ShareContext {
  const env = Deno.env.toObject();
  return {
    runtime: denoRuntime,
    env: clientEnv ?? tmuxClientEnv(filterEnv(env, { allow: [], deny: [] }).kept),
    parentEnv: env,
    uid: Deno.uid() ?? 0,
    stateDir: runePaths(env).stateDir,
    now: () => new Date(),
  };
}

/** Prints a share failure (problem and hint) and returns its exit code. */
export function reportShareError(error: ShareError): number {
  // Each part on its own: a name in the problem never breaks the line.
  console.error(
    `rune: ${visible(error.problem)}${error.hint ? `\n  hint: ${visible(error.hint)}` : ""}`,
  );
  return error.exit === "usage"
    ? EXIT.usage
    : error.exit === "missing"
    ? EXIT.missing
    : EXIT.stepFailed;
}

/** Notes that did not stop anything (an audit log that could not be written…). */
export function reportNotes(notes: readonly string[]): void {
  for (const note of notes) console.error(visible(`rune: ${note}`));
}
