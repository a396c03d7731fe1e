/**
 * Template variables in config text: `{{.Project}}` (Go style, as in Rune and the seed) and
 * `{{Project}}`, rendered by Handlebars in strict mode with rune's escaping in place of HTML
 * escaping. How a value is inserted depends on the field:
 *
 * - "shell": each value is escaped for the quoting context its placeholder stands in, read
 *   from the command text before it (shell_context.ts, shell_quote.ts). Placements no escaping
 *   can make literal (right after `$` or `\`, inside `${…}`, `$((…))`, `$'…'`, here-documents…)
 *   are problems, found when the config is checked.
 * - "name": values inserted raw, then the whole result sanitized for tmux (tmux_name.ts).
 * - "text": values inserted as they are (paths, env values).
 *
 * Values are never rendered again, so a value holding `{{…}}` stays literal. Each template text
 * is parsed, checked and compiled once per context and cached.
 */
import { err, ok, sanitizeTmuxName } from "../base/mod.ts";
import type { Result } from "../base/mod.ts";
import { templateEngine } from "./engine.ts";
import type { RenderFn } from "./handlebars_env.ts";
import { escapeForPlacement, ShellLexer } from "../shell/mod.ts";
import { parseTemplateText, templateVariableNames } from "./parse.ts";
import type { TemplatePart } from "./parse.ts";
import { makeProblem } from "./vars.ts";
import { mapLookupProblems, renderContext } from "./map_vars.ts";
import type { MapLookup } from "./map_vars.ts";
import type { FieldContext, TemplateProblem, Variables } from "./vars.ts";

interface Compiled {
  problems: TemplateProblem[];
  render?: (vars: Variables) => string;
  /** Its {{.Var.x}} and {{.Env.X}}: checked against the variables before each render. */
  lookups: MapLookup[];
}

const CACHE_LIMIT = 1000;
const cache = new Map<string, Compiled>();

/**
 * Problems in a template text without expanding it: syntax errors, unsupported Handlebars
 * features, unknown variables, and (for "shell") placeholders no quoting can keep literal.
 */
export function checkTemplateText(text: string, context: FieldContext = "text"): TemplateProblem[] {
  return compiled(text, context).problems;
}

/** The text with every variable expanded for `context`, or every problem found. */
export function expandField(
  text: string,
  vars: Variables,
  context: FieldContext,
): Result<string, TemplateProblem[]> {
  const c = compiled(text, context);
  if (!c.render) return err(c.problems);
  const missing = mapLookupProblems(c.lookups, vars);
  return missing.length ? err(missing) : ok(c.render(vars));
}

/** The {{.Var.x}} and {{.Env.X}} of a text that has no other problem, where each stands. */
export function templateLookups(text: string, context: FieldContext = "text"): MapLookup[] {
  return text.includes("{{") ? compiled(text, context).lookups : [];
}

/** The variable names a template uses, in order of first use, found before rendering. */
export function templateVariables(text: string): string[] {
  return text.includes("{{") ? templateVariableNames(text) : [];
}

function compiled(text: string, context: FieldContext): Compiled {
  const key = `${context}\0${text}`;
  let c = cache.get(key);
  if (!c) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    c = compile(text, context);
    cache.set(key, c);
  }
  return c;
}

function compile(text: string, context: FieldContext): Compiled {
  const finish = context === "name" ? sanitizeTmuxName : (s: string) => s;
  const parsed = parseTemplateText(text);
  const placeholders = parsed.parts.filter((p) => p.kind !== "text");
  if (!placeholders.length) {
    if (parsed.problems.length) return { problems: parsed.problems, lookups: [] };
    const literal = finish(parsed.parts.map((p) => p.kind === "text" ? p.text : "").join(""));
    return { problems: [], render: () => literal, lookups: [] };
  }
  const lookups = parsed.parts.flatMap((p): MapLookup[] =>
    p.kind === "variable" && p.key !== undefined && (p.name === "Var" || p.name === "Env")
      ? [{ map: p.name, key: p.key, offset: p.offset, source: p.source }]
      : []
  );

  const escapers: ((value: string) => string)[] = [];
  const problems = [...parsed.problems];
  if (context === "shell") {
    problems.push(...shellEscapers(text, parsed.parts, escapers));
  } else {
    for (const _ of placeholders) escapers.push((value) => value);
  }
  if (problems.length) {
    return { problems: problems.sort((a, b) => a.offset - b.offset), lookups };
  }

  // A text of plain variables only has no AST: its parts are all there is to render.
  const render = parsed.ast
    ? templateEngine().compileTemplate(parsed.ast)
    : renderParts(parsed.parts);
  return {
    problems: [],
    lookups,
    render(vars) {
      let i = 0;
      const out = render(renderContext(vars, lookups), (value) => {
        const escape = escapers[i++];
        if (!escape) throw new Error(`template rendered more values than it has: ${text}`);
        return escape(value == null ? "" : String(value));
      });
      if (i !== escapers.length) throw new Error(`template rendered fewer values: ${text}`);
      return finish(out);
    },
  };
}

/**
 * Reads the command with the shell lexer, pushing one escaper per placeholder; returns the
 * problems of placements no quoting can make literal, and of quotes left open.
 */
function shellEscapers(
  text: string,
  parts: TemplatePart[],
  escapers: ((value: string) => string)[],
): TemplateProblem[] {
  const problems: TemplateProblem[] = [];
  const lexer = new ShellLexer();
  for (const part of parts) {
    if (part.kind === "text") {
      lexer.feed(part.text, part.offsetOf);
      continue;
    }
    const placement = lexer.placeholder();
    if (part.kind === "invalid") continue; // has its own problem already
    if (placement.kind === "unsupported") {
      problems.push(makeProblem(
        "template-context",
        part.source,
        `rune cannot quote its value there: ${placement.reason}`,
        part.offset,
        placement.hint ?? `Assign it first and use the shell variable: v=${part.source}; … "$v"`,
      ));
    }
    escapers.push((value) => escapeForPlacement(placement, value) ?? "");
  }
  const open = lexer.unclosed();
  if (open) {
    problems.push(makeProblem(
      "template-context",
      shorten(text),
      `${open.reason}, so rune cannot tell which quotes a value stands in`,
      open.offset,
      "Balance the quotes and substitutions in the command",
    ));
  }
  return problems;
}

function shorten(text: string): string {
  const line = text.split(/\r?\n|\r/)[0];
  return line.length > 60 ? `${line.slice(0, 59)}…` : line === text ? text : `${line}…`;
}

/** Renders plain parts as the engine would in strict mode: a variable that is not there throws. */
function renderParts(parts: TemplatePart[]): RenderFn {
  return (context, escape) =>
    parts.map((p) => {
      if (p.kind === "text") return p.text;
      if (p.kind !== "variable") throw new Error("an invalid placeholder was rendered");
      const scope = p.key === undefined ? context : context[p.name] as Record<string, unknown>;
      const name = p.key ?? p.name;
      if (scope === undefined || scope === null || !(name in scope)) {
        throw new Error(`"${name}" not defined in the template's variables`);
      }
      return escape(scope[name]);
    }).join("");
}
