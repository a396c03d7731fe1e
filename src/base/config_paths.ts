/**
 * Which config file rune reads, and what to tell a person who has none. Pure: takes the flag
 * value and the environment. Order: --config, RUNE_CONFIG, $XDG_CONFIG_HOME/rune/config.yaml,
 * ~/.rune/config.yaml. Here rather than in src/config so that finding the config (and its
 * cached validation) loads no YAML parser or schema: src/config re-exports both.
 */
import { expandHome, runePaths } from "./xdg.ts";

export interface ConfigCandidate {
  path: string;
  /** Why this path: "--config", "RUNE_CONFIG", "XDG_CONFIG_HOME", "~/.rune". */
  source: string;
  /** An explicit choice (--config / RUNE_CONFIG) must exist; the defaults are tried in turn. */
  explicit: boolean;
}

/** The paths to try, in order. The first explicit one is the only one when present. */
export function configCandidates(
  flag: string | undefined,
  env: Readonly<Record<string, string | undefined>>,
  cwd: string,
): ConfigCandidate[] {
  const absolute = (p: string) => (p.startsWith("/") ? p : `${cwd}/${p}`);
  if (flag) return [{ path: absolute(expandHome(flag, env)), source: "--config", explicit: true }];
  if (env.RUNE_CONFIG) {
    return [{
      path: absolute(expandHome(env.RUNE_CONFIG, env)),
      source: "RUNE_CONFIG",
      explicit: true,
    }];
  }
  const paths = runePaths(env);
  return [
    { path: `${paths.configDir}/config.yaml`, source: "XDG_CONFIG_HOME", explicit: false },
    { path: `${paths.legacyDir}/config.yaml`, source: "~/.rune", explicit: false },
  ];
}

/**
 * What to tell a person who has no config yet: the ONE text `rune doctor` and every command
 * print. `rune init` writes a starter config where rune will read it.
 * "run `rune init` to write a starter config to PATH (…), or pass --config PATH"
 */
export function noConfigHint(path: string): string {
  return `run \`rune init\` to write a starter config to ${path} ` +
    "(`rune init --guided` asks first), or pass --config PATH";
}

/** A project's own config file, looked for from the current directory up to the git root. */
export const LOCAL_CONFIG_NAME = ".rune.yaml";
