/**
 * The template engine (npm:handlebars, 316 KB with its source-map dependency), loaded only
 * when a config holds a template: most rituals are plain commands, and `rune start`, `stop`
 * and the shell hook should not pay for a parser they never use. Whoever hands text with `{{`
 * to this folder loads the engine first (`loadTemplateEngine`); the config loaders do it for
 * every config with a `{{` that is not a plain variable (`needsTemplateEngine`, parse.ts), and
 * the validator before it checks one. Plain variables (`{{.Project}}`) and text without `{{`
 * never need it.
 */
import { importLazy } from "../base/mod.ts";

type Engine = typeof import("./handlebars_env.ts");

let engine: Engine | undefined;

/** Loads the engine once; every later call returns at once. Needs read on rune's modules. */
export async function loadTemplateEngine(): Promise<void> {
  engine ??= await importLazy<Engine>("src/templates/handlebars_env");
}

/** The loaded engine. Reached before `loadTemplateEngine` only through a bug in rune. */
export function templateEngine(): Engine {
  if (!engine) {
    throw new Error(
      "rune bug: a template was expanded before the template engine was loaded " +
        "(await loadTemplateEngine() first)",
    );
  }
  return engine;
}
