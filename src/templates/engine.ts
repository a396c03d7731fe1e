/**
 * The template engine (npm:handlebars, 316 KB with its source-map dependency), loaded only
 * when a config holds a template: most rituals are plain commands, and `rune start`, `stop`
 * and the shell hook should not pay for a parser they never use. Whoever hands text with `{{`
 * to this folder loads the engine first (`loadTemplateEngine`); the config loaders do it for
 * every config that has a `{{` anywhere, and the validator before it checks one. A text
 * without `{{` never needs it.
 */
import { importLazy } from "../base/mod.ts";

type Engine = typeof import("./handlebars_env.ts");

let engine: Engine | undefined;

/** Loads the engine once; every later call returns at once. Needs read on rune's modules. */
export async function loadTemplateEngine(): Promise<void> {
  engine ??= await importLazy<Engine>("src/templates/handlebars_env");
}

/** Whether `value` (a config, a template text) holds a placeholder, so needs the engine. */
export function usesTemplates(value: unknown): boolean {
  return (typeof value === "string" ? value : JSON.stringify(value) ?? "").includes("{{");
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
