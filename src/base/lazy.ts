/**
 * rune's modules that load only when a command needs them, and the one way to load them.
 *
 * A string-literal `import("./x.ts")` would put x and everything it imports into Deno's module
 * graph up front: `rune --version` would read and parse every chunk of the bundle (1.7 MB; five
 * times an empty start on the first run after install). `importLazy` builds the specifier at run
 * time, so neither Deno's graph nor the bundler follows it, and the module is read when called.
 *
 * LAZY_MODULES is the one list: the Makefile passes each as a `deno bundle` entry point (so the
 * bundle keeps the source layout, dist/src/cli/actions/x.js beside dist/rune.js as
 * src/cli/actions/x.ts sits beside main.ts) and `deno compile --include`s them. A path missing
 * here does not type-check. Keep the format: one `"path",` per line.
 */
export const LAZY_MODULES = [
  "src/cli/actions/audit",
  "src/cli/actions/completion",
  "src/cli/actions/config",
  "src/cli/actions/config_edit",
  "src/cli/actions/hook_env",
  "src/cli/actions/hook_rituals",
  "src/cli/actions/import",
  "src/cli/actions/init",
  "src/cli/actions/logs",
  "src/cli/actions/ls",
  "src/cli/actions/migrate",
  "src/cli/actions/prompt_segment",
  "src/cli/actions/report",
  "src/cli/actions/ritual_list",
  "src/cli/actions/ritual_run",
  "src/cli/actions/session",
  "src/cli/actions/session_restore",
  "src/cli/actions/session_save",
  "src/cli/actions/session_saved",
  "src/cli/actions/session_status",
  "src/cli/actions/session_to_config",
  "src/cli/actions/share",
  "src/cli/actions/share_end",
  "src/cli/actions/share_join",
  "src/cli/actions/status",
  "src/cli/actions/track_event",
  "src/cli/actions/trust",
  "src/config/check_variables",
  "src/config/mod",
  "src/planning/mod",
  "src/templates/handlebars_env",
] as const;

export type LazyModule = typeof LAZY_MODULES[number];

// From source (deno run main.ts, deno test, deno compile) this file is src/base/lazy.ts; in the
// bundle it sits in a chunk, and esbuild writes every chunk at the top of dist/.
const FROM_SOURCE = import.meta.url.endsWith(".ts");
const ROOT = new URL(FROM_SOURCE ? "../../" : "./", import.meta.url);
const EXT = FROM_SOURCE ? ".ts" : ".js";

/** Where `path` is loaded from. */
export function lazyModuleUrl(path: LazyModule): URL {
  return new URL(path + EXT, ROOT);
}

/**
 * Loads `path` (one of LAZY_MODULES). Type it with the module's own type:
 * `await importLazy<typeof import("../actions/x.ts")>("src/cli/actions/x")`.
 * Needs read permission on the module file, as a computed import does; without it, throws
 * Deno.errors.NotCapable naming the file (rune's one-line permission message) before Deno could
 * show its prompt.
 */
export function importLazy<T>(path: LazyModule): Promise<T> {
  const url = lazyModuleUrl(path);
  if (url.protocol === "file:") {
    const file = decodeURIComponent(url.pathname);
    if (Deno.permissions.querySync({ name: "read", path: file }).state !== "granted") {
      const flag = "--allow-read";
      return Promise.reject(
        new Deno.errors.NotCapable(
          `Requires read access to "${file}", run again with the ${flag} flag`,
        ),
      );
    }
  }
  return import(url.href);
}
