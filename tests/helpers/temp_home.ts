/**
 * A throwaway HOME with XDG dirs and a minimal environment, so e2e runs never see the
 * developer's own config, state or tmux server.
 */
export interface TempHome {
  dir: string;
  home: string;
  env: Record<string, string>;
  /** Writes `text` to `$XDG_CONFIG_HOME/rune/config.yaml` (or `relPath` under dir). */
  writeConfig(text: string, relPath?: string): string;
  cleanup(): void;
}

export function makeTempHome(extraEnv: Record<string, string> = {}): TempHome {
  const dir = Deno.makeTempDirSync({ prefix: "rune-test-" });
  const home = `${dir}/home`;
  for (const d of ["home", "config", "state", "cache", "data", "run"]) {
    Deno.mkdirSync(`${dir}/${d}`, { recursive: true });
  }
  Deno.chmodSync(`${dir}/run`, 0o700);
  const env: Record<string, string> = {
    HOME: home,
    USER: "tester",
    PATH: Deno.env.get("PATH") ?? "/usr/local/bin:/usr/bin:/bin",
    LANG: "C.UTF-8",
    TERM: "xterm-256color",
    XDG_CONFIG_HOME: `${dir}/config`,
    XDG_STATE_HOME: `${dir}/state`,
    XDG_CACHE_HOME: `${dir}/cache`,
    XDG_DATA_HOME: `${dir}/data`,
    XDG_RUNTIME_DIR: `${dir}/run`,
    TMUX_TMPDIR: `${dir}/run`,
    NO_COLOR: "1",
    ...extraEnv,
  };
  return {
    dir,
    home,
    env,
    writeConfig(text, relPath = "config/rune/config.yaml") {
      const path = `${dir}/${relPath}`;
      Deno.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
      Deno.writeTextFileSync(path, text);
      return path;
    },
    cleanup() {
      try {
        Deno.removeSync(dir, { recursive: true });
      } catch { /* cleanup must never mask the test's own failure */ }
    },
  };
}

/** A temp HOME with an empty project dir "app" and `config` as the user's config. */
export async function withProject(
  config: string,
  fn: (home: TempHome, dir: string) => Promise<void>,
  env: Record<string, string> = {},
): Promise<void> {
  const home = makeTempHome(env);
  try {
    const dir = `${home.dir}/app`;
    Deno.mkdirSync(dir);
    home.writeConfig(config);
    await fn(home, dir);
  } finally {
    home.cleanup();
  }
}
