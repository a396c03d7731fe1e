/**
 * Plain variables are read without the template engine (plainParts): the parts, offsets and
 * the rendered text must be exactly what Handlebars' parse and render give, and every other
 * form must still go to the engine.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import fc from "fast-check";
import { engineParse, needsTemplateEngine, plainParts } from "../../src/templates/parse.ts";
import type { TemplatePart } from "../../src/templates/parse.ts";
import { checkTemplateText, expandField, loadTemplateEngine } from "../../src/templates/mod.ts";
import { templateEngine } from "../../src/templates/engine.ts";
import { renderContext } from "../../src/templates/map_vars.ts";
import type { FieldContext, Variables } from "../../src/templates/mod.ts";

await loadTemplateEngine();

/** A part as data: where each character of a text part came from, not the function. */
const shape = (parts: TemplatePart[]) =>
  parts.map((p) =>
    p.kind === "text"
      ? { kind: p.kind, text: p.text, offsets: [...p.text].map((_, i) => p.offsetOf(i)) }
      : p
  );

const VARS: Variables = {
  Project: "web app",
  ProjectDir: "/home/me/web app",
  Command: 'say "hi" $(x)',
  Home: "/home/me",
  User: "it's me",
  Date: "2026-12-01",
  Var: { branch: "feat/x; rm -rf ~", empty: "" },
  Env: { HOME: "/home/me", EDITOR: "vi" },
} as unknown as Variables;

const PLAIN = [
  "{{.Project}}",
  "{{Project}}",
  "{{ .Project }}",
  "cd {{.ProjectDir}} && make",
  "echo '{{.Project}}' \"{{.User}}\" {{.Command}}",
  "{{.Project}}{{.Project}}",
  "{{.Var.branch}}/{{.Env.HOME}}",
  "x }} y {{.Project}}",
  "line one\n  {{.Project}}\nline three",
  "",
];

const NOT_PLAIN = [
  "\\{{.Project}}",
  "{{! a comment }}{{.Project}}",
  "{{~.Project~}}",
  "{{- .Project -}}",
  "{{#if x}}a{{/if}}",
  "{{{Project}}}",
  "{{Project}}}",
  "{{.Nope}}",
  "{{.Var.a.b}}",
  "{{.Project.x}}",
  "{{project}}",
  "{{.Project}} {{",
  "{{> partial}}",
  "{{Project x}}",
  // Keys Handlebars reads as literals or `this` (found by review), and a NUL its lexer refuses.
  "{{.Var.true}}",
  "{{.Var.false}}",
  "{{.Env.null}}",
  "{{.Var.undefined}}",
  "{{.Var.this}}",
  "a\0b {{.Project}}",
];

Deno.test("what the engine refuses stays refused: the same problems with or without plain parts", () => {
  for (const text of NOT_PLAIN.slice(-6)) {
    ok(engineParse(text).problems.length > 0, `the engine refuses ${JSON.stringify(text)}`);
    ok(checkTemplateText(text).length > 0, `checked: ${JSON.stringify(text)}`);
  }
});

Deno.test("plainParts() gives the parts Handlebars' parse gives, offsets included", () => {
  for (const text of PLAIN) {
    const plain = plainParts(text);
    ok(plain, `plain: ${JSON.stringify(text)}`);
    const engine = engineParse(text);
    deepStrictEqual(engine.problems, [], text);
    deepStrictEqual(shape(plain), shape(engine.parts), text);
  }
});

Deno.test("every other form goes to the engine", () => {
  for (const text of NOT_PLAIN) {
    strictEqual(plainParts(text), undefined, JSON.stringify(text));
    strictEqual(needsTemplateEngine({ a: [{ b: text }] }), true, JSON.stringify(text));
  }
  strictEqual(needsTemplateEngine({ a: PLAIN, n: 3, t: true, z: null }), false);
});

Deno.test("a plain text renders what the engine renders: its text, its values, in order", () => {
  for (const text of PLAIN) {
    strictEqual(partsRender(text), engineRender(text), JSON.stringify(text));
  }
});

Deno.test("plain texts expand in every context (the escaping downstream is shared)", () => {
  for (const context of ["shell", "name", "text"] as FieldContext[]) {
    const r = expandField("cd {{.ProjectDir}} && echo {{.Var.branch}}", VARS, context);
    ok(r.ok, context);
  }
  deepStrictEqual(
    expandField("cd {{.ProjectDir}} && echo {{.Var.branch}}", VARS, "shell"),
    { ok: true, value: "cd '/home/me/web app' && echo 'feat/x; rm -rf ~'" },
  );
});

Deno.test("random texts of plain variables: the same parts and text as the engine", () => {
  const names = [
    "Project",
    "ProjectDir",
    "Command",
    "Home",
    "User",
    "Var.branch",
    "Env.HOME",
    "Var.true",
    "Var.this",
    "Env.null",
  ];
  const piece = fc.oneof(
    fc.constantFrom(...names).chain((n) =>
      fc.tuple(fc.boolean(), fc.constantFrom("", " ")).map(([dot, sp]) =>
        `{{${sp}${dot ? "." : ""}${n}${sp}}}`
      )
    ),
    fc.string({ unit: fc.constantFrom("a", " ", "'", '"', "$", "\\", "}", "{", "\n", "-", "~") }),
  );
  let plainSeen = 0;
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 6 }), (pieces) => {
      const text = pieces.join("");
      const plain = plainParts(text);
      if (!plain) return;
      plainSeen++;
      const engine = engineParse(text);
      deepStrictEqual(engine.problems, []);
      deepStrictEqual(shape(plain), shape(engine.parts));
      strictEqual(partsRender(text), engineRender(text));
    }),
    { numRuns: 300 },
  );
  ok(plainSeen >= 50, `only ${plainSeen} of 300 texts were plain`);
});

/** Each value marked, so that text, values and their order all show. */
const mark = (v: unknown) => `<${v == null ? "" : String(v)}>`;

/** What Handlebars renders for `text`: its own parse, compiled, each value marked. */
function engineRender(text: string): string {
  const parsed = engineParse(text);
  if (!parsed.ast) return text;
  const lookups = parsed.parts.flatMap((p) =>
    p.kind === "variable" && p.key !== undefined
      ? [{ map: p.name as "Var" | "Env", key: p.key, offset: p.offset, source: p.source }]
      : []
  );
  return templateEngine().compileTemplate(parsed.ast)(renderContext(VARS, lookups), mark);
}

/** The plain parts joined, each value marked: what expandField's plain path renders. */
function partsRender(text: string): string {
  if (!text.includes("{{")) return text;
  const vars = VARS as unknown as Record<string, unknown>;
  return plainParts(text)!.map((p) =>
    p.kind === "text"
      ? p.text
      : p.kind === "variable"
      ? mark(p.key === undefined ? vars[p.name] : (vars[p.name] as Record<string, string>)[p.key])
      : ""
  ).join("");
}
