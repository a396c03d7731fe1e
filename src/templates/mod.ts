/**
 * @module
 * Template variables (`{{.Project}}`, `{{Project}}`) in config text, expanded for where each
 * value lands: escaped for its shell quoting context, sanitized into a tmux name, or inserted
 * as text. Pure once the template engine (Handlebars) is loaded: `loadTemplateEngine()` loads
 * it, and only a `{{` that is not a plain variable needs it (engine.ts).
 */
export { loadTemplateEngine } from "./engine.ts";
export { needsTemplateEngine } from "./parse.ts";
export { checkTemplateText, expandField, templateLookups, templateVariables } from "./expand.ts";
export { withheldProblem } from "./map_vars.ts";
export type { MapLookup } from "./map_vars.ts";
export { MAP_KEY, VARIABLE_MAPS, VARIABLE_NAMES } from "./vars.ts";
export type {
  FieldContext,
  TemplateProblem,
  TemplateProblemCode,
  VariableMap,
  VariableName,
  Variables,
} from "./vars.ts";
