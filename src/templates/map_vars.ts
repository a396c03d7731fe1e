/**
 * `{{.Var.name}}` and `{{.Env.NAME}}`: the values a template looks up in this run's `--var`s
 * and in rune's environment. Pure. A missing one is a problem, never an empty value, and an
 * environment variable the env filter withholds is refused, so a template cannot put a secret
 * into a command line (where `ps`, shell history and tmux's scrollback would show it).
 */
import { makeProblem } from "./vars.ts";
import type { TemplateProblem, VariableMap, Variables } from "./vars.ts";

/** One `{{.Var.x}}` / `{{.Env.X}}` of a template text, where it stands. */
export interface MapLookup {
  map: VariableMap;
  key: string;
  offset: number;
  source: string;
}

/** The problems of `lookups` with these variables: missing values and withheld names. */
export function mapLookupProblems(
  lookups: readonly MapLookup[],
  vars: Variables,
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  for (const l of lookups) {
    if (l.map === "Env" && vars.withheld?.(l.key)) {
      problems.push(withheldProblem(l));
    } else if (!Object.hasOwn(vars[l.map] ?? {}, l.key)) {
      problems.push(
        l.map === "Var"
          ? makeProblem(
            "missing-variable",
            l.source,
            `no --var ${l.key} was given`,
            l.offset,
            `Run it with --var ${l.key}=VALUE (rune start NAME --var ${l.key}=VALUE)`,
          )
          : makeProblem(
            "missing-variable",
            l.source,
            `there is no environment variable ${JSON.stringify(l.key)}`,
            l.offset,
            `Set ${l.key} in the environment rune starts in, or write the value itself`,
          ),
      );
    }
  }
  return problems;
}

/** `{{.Env.NAME}}` of a name the env filter withholds: refused whatever its value. */
export function withheldProblem(l: MapLookup): TemplateProblem {
  return makeProblem(
    "withheld-variable",
    l.source,
    `rune withholds ${JSON.stringify(l.key)} from every command (it looks like a secret), ` +
      "so it does not put its value into one",
    l.offset,
    `Use $${l.key} in the command instead, and pass it with settings.env.allow: ` +
      `[${l.key}] (the value then reaches the environment, never the command line)`,
  );
}

/**
 * The Handlebars context of a render: the plain variables, and Var/Env holding only the keys
 * looked up, as objects without a prototype (so `constructor` or `__proto__` are only ever
 * the user's own values). Call after {@link mapLookupProblems} found none.
 */
export function renderContext(
  vars: Variables,
  lookups: readonly MapLookup[],
): Record<string, unknown> {
  const { Var, Env, withheld: _, ...plain } = vars;
  const context: Record<string, unknown> = { ...plain };
  const maps = { Var, Env };
  for (const l of lookups) {
    const target = (context[l.map] ??= Object.create(null)) as Record<string, string>;
    if (Object.hasOwn(target, l.key)) continue;
    Object.defineProperty(target, l.key, { value: maps[l.map]![l.key], enumerable: true });
  }
  return context;
}
