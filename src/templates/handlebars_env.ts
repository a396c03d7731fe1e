/**
 * rune's own Handlebars environment: strict mode, and every `{{value}}` passed through an
 * escape function chosen per render instead of Handlebars' HTML escaping (FACTS §8).
 * This is the only module that imports npm:handlebars; it is heavy, so only expansion loads it.
 */
import Handlebars from "handlebars";

export type TemplateAst = hbs.AST.Program;

/** Where Handlebars' parser stopped: 1-based line, 0-based column (of the rewritten text). */
export interface ParseFailure {
  message: string;
  line: number;
  column: number;
}

/** A compiled template; `escape` is called once per `{{value}}`, in the order they appear. */
export type RenderFn = (
  vars: Record<string, unknown>,
  escape: (value: unknown) => string,
) => string;

// deno-lint-ignore no-explicit-any
type Any = any;

let env: Any;

/**
 * A private environment (Handlebars.create()), so rune's escaping never leaks into the global
 * one. Handlebars copies its HTML escaper into every template, and its Utils are shared by all
 * environments, so the hook is the compiler: `appendEscaped` emits a call to our helper. The
 * helper gets a dummy second argument because Handlebars (4.6+) replaces a helper's last
 * argument with its options object.
 */
function handlebars(): Any {
  if (env) return env;
  const hb: Any = Handlebars.create();
  const Base = hb.JavaScriptCompiler;
  function Compiler(this: Any) {}
  Compiler.prototype = new Base();
  Compiler.prototype.compiler = Compiler;
  Compiler.prototype.appendEscaped = function (this: Any) {
    this.pushSource(
      this.appendToBuffer([this.aliasable("helpers.__escape"), "(", this.popStack(), ", null)"]),
    );
  };
  hb.JavaScriptCompiler = Compiler;
  env = hb;
  return hb;
}

/** Parses a template (whitespace control applied); a syntax error is returned, not thrown. */
export function parseTemplate(text: string): { ast: TemplateAst } | { failure: ParseFailure } {
  const hb = handlebars();
  try {
    return { ast: hb.parse(text) };
  } catch (e) {
    const loc = hb.Parser?.lexer?.yylloc;
    return {
      failure: {
        message: e instanceof Error ? e.message : String(e),
        line: typeof loc?.first_line === "number" ? loc.first_line : 1,
        column: typeof loc?.first_column === "number" ? loc.first_column : 0,
      },
    };
  }
}

/**
 * Compiles a parsed template in strict mode with no helpers: a name is only ever a lookup in
 * the variables, never a helper call. Compiling is lazy in Handlebars; the first render does it.
 */
export function compileTemplate(ast: TemplateAst): RenderFn {
  const template = handlebars().compile(ast, {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: {},
  });
  return (vars, escape) =>
    template({ ...vars }, { helpers: { __escape: (value: unknown) => escape(value) } });
}
