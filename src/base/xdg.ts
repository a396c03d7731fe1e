/**
 * Where rune keeps its files, by the XDG Base Directory rules. Pure: takes the environment.
 */

export interface RunePaths {
  /** $XDG_CONFIG_HOME/rune */
  configDir: string;
  /** $XDG_STATE_HOME/rune: logs, background pids, audit log. */
  stateDir: string;
  /** $XDG_STATE_HOME/rune/logs: background command output. */
  logDir: string;
  /** $XDG_CACHE_HOME/rune */
  cacheDir: string;
  /** $XDG_DATA_HOME/rune: what must never be lost (work sessions, trust, saved sessions). */
  dataDir: string;
  /** ~/.rune: Rune's own directory, the last config location. */
  legacyDir: string;
}

/** Resolves rune's directories; an XDG variable that is empty or relative is ignored (spec). */
export function runePaths(env: Readonly<Record<string, string | undefined>>): RunePaths {
  const home = env.HOME ?? "/";
  const xdg = (name: string, fallback: string) => {
    const value = env[name];
    return value && value.startsWith("/") ? value : `${home}/${fallback}`;
  };
  const stateDir = `${xdg("XDG_STATE_HOME", ".local/state")}/rune`;
  return {
    configDir: `${xdg("XDG_CONFIG_HOME", ".config")}/rune`,
    stateDir,
    logDir: `${stateDir}/logs`,
    cacheDir: `${xdg("XDG_CACHE_HOME", ".cache")}/rune`,
    dataDir: `${xdg("XDG_DATA_HOME", ".local/share")}/rune`,
    legacyDir: `${home}/.rune`,
  };
}

/** `~` and `~/x` → $HOME; other paths unchanged. */
export function expandHome(path: string, env: Readonly<Record<string, string | undefined>>) {
  if (path === "~") return env.HOME ?? path;
  if (path.startsWith("~/")) return `${env.HOME ?? ""}${path.slice(1)}`;
  return path;
}
