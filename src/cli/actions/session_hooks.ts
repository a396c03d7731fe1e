/**
 * What a session build needs from rune's environment besides the world, for `rune start` and
 * `rune session restore` alike: where its panes report readiness, and settings.tmux.autosave.
 */
import { parseDuration } from "../../base/mod.ts";
import type { Config } from "../../config/mod.ts";
import { carriedEnv, currentRuneArgv } from "../../tmux/mod.ts";
import type { AutosaveSpec } from "../../tmux/mod.ts";

/** settings.tmux.autosave as the build's spec; undefined when it is off (absent or 0). */
export function autosaveFor(
  config: Config | undefined,
  env: Record<string, string>,
  stateDir: string,
): AutosaveSpec | undefined {
  const every = config?.settings?.tmux?.autosave;
  const ms = every === undefined ? 0 : parseDuration(every) ?? 0;
  if (ms <= 0) return undefined;
  return {
    seconds: Math.max(1, Math.ceil(ms / 1000)),
    runeArgv: currentRuneArgv(),
    stateDir,
    env: carriedEnv(env),
  };
}

/** This run's pane-marker base: unguessable, so nobody can make it first. */
export function markerDirFor(env: Record<string, string>): string {
  const tmp = (env.TMPDIR || "/tmp").replace(/\/+$/, "") || "/tmp";
  const id = [...crypto.getRandomValues(new Uint8Array(8))]
    .map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${tmp}/rune-panes-${id}`;
}
