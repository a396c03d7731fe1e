/** `{{.Var.x}}` and `{{.Env.X}}`: escaped like every value, missing or withheld ones refused. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { checkTemplateText, expandField, templateVariables } from "../../src/templates/mod.ts";
import type { FieldContext, Variables } from "../../src/templates/mod.ts";
import { rewriteGoStyle } from "../../src/templates/go_style.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const BASE: Variables = {
  Project: "web",
  ProjectDir: "/code/web",
  Command: "",
  Home: "/home/u",
  User: "u",
  Date: "2026-01-02",
};
const VARS: Variables = {
  ...BASE,
  Var: { branch: "it's $(id)", empty: "" },
  Env: { HOME: "/home/u", GITHUB_TOKEN: "ghp_secret", PORT: "8009" },
  withheld: (name) => name.endsWith("_TOKEN"),
};

function expand(text: string, context: FieldContext, vars = VARS): string | unknown[][] {
  const r = expandField(text, vars, context);
  return r.ok ? r.value : r.error.map((p) => [p.code, p.source, p.offset, p.reason, p.hint]);
}

/** The problem codes of a text that must not expand. */
function codes(text: string, vars = VARS): string[] {
  const r = expandField(text, vars, "text");
  return r.ok ? [`expanded to ${r.value}`] : r.error.map((p) => p.code);
}

Deno.test("{{.Var.x}} and {{.Env.X}} expand in both styles, escaped for where they land", async (t) => {
  const cases: [string, FieldContext, string][] = [
    ["git checkout {{.Var.branch}}", "shell", `git checkout 'it'\\''s $(id)'`],
    ["git checkout {{Var.branch}}", "shell", `git checkout 'it'\\''s $(id)'`],
    ['echo "on {{.Var.branch}}"', "shell", `echo "on it's \\$(id)"`],
    ["echo {{ .Env.PORT }}", "shell", "echo 8009"],
    ["x{{.Var.empty}}y", "shell", "x''y"],
    ["{{.Env.HOME}}/src", "text", "/home/u/src"],
    ["dev-{{.Var.branch}}", "name", "dev-it's _(id)"],
  ];
  for (const [text, context, want] of cases) {
    await t.step(`${context}: ${text}`, () => strictEqual(expand(text, context), want));
  }
});

Deno.test("a --var that was not given is a problem at its placeholder, never an empty value", () => {
  deepStrictEqual(expand("make {{.Var.target}} {{.Var.branch}}", "shell"), [[
    "missing-variable",
    "{{.Var.target}}",
    5,
    "no --var target was given",
    "Run it with --var target=VALUE (rune start NAME --var target=VALUE)",
  ]]);
  deepStrictEqual(expand("{{.Var.branch}}", "shell", BASE), [[
    "missing-variable",
    "{{.Var.branch}}",
    0,
    "no --var branch was given",
    "Run it with --var branch=VALUE (rune start NAME --var branch=VALUE)",
  ]]);
});

Deno.test("an unset environment variable is a problem, not an empty value", () => {
  deepStrictEqual(expand("port {{.Env.NOPE}}", "text"), [[
    "missing-variable",
    "{{.Env.NOPE}}",
    5,
    'there is no environment variable "NOPE"',
    "Set NOPE in the environment rune starts in, or write the value itself",
  ]]);
});

Deno.test("{{.Env.X}} of a name the env filter withholds is refused: no secret in a command", () => {
  const r = expandField("gh auth {{.Env.GITHUB_TOKEN}}", VARS, "shell");
  strictEqual(r.ok, false);
  if (r.ok) return;
  deepStrictEqual(r.error.map((p) => [p.code, p.offset]), [["withheld-variable", 8]]);
  strictEqual(
    r.error[0].problem,
    'Cannot expand "{{.Env.GITHUB_TOKEN}}": rune withholds "GITHUB_TOKEN" from every command ' +
      "(it looks like a secret), so it does not put its value into one",
  );
  strictEqual(
    r.error[0].hint,
    "Use $GITHUB_TOKEN in the command instead, and pass it with settings.env.allow: " +
      "[GITHUB_TOKEN] (the value then reaches the environment, never the command line)",
  );
  strictEqual(JSON.stringify(r.error).includes("ghp_secret"), false);
});

Deno.test("prototype names are only the user's own values", () => {
  deepStrictEqual(codes("{{.Var.constructor}}"), ["missing-variable"]);
  deepStrictEqual(codes("{{.Env.__proto__}}"), ["missing-variable"]);
  const own: Variables = {
    ...BASE,
    Var: Object.fromEntries([["constructor", "c"], ["__proto__", "p"]]),
  };
  strictEqual(expand("{{.Var.constructor}}-{{.Var.__proto__}}", "text", own), "c-p");
});

Deno.test("a map lookup that is no variable name, or deeper, is a syntax problem", () => {
  deepStrictEqual(codes("{{Var.[a b]}}"), ["template-syntax"]);
  deepStrictEqual(codes("{{Var.a.b}}"), ["template-syntax"]);
  deepStrictEqual(codes("{{.Foo.a}}"), ["template-syntax"]);
});

Deno.test("checking a text offline accepts any Var and Env name (their values come at start)", () => {
  deepStrictEqual(checkTemplateText("x {{.Var.b}} {{.Env.X}}", "shell"), []);
  deepStrictEqual(templateVariables("{{.Var.b}} {{Env.X}} {{.Project}}"), [
    "Var.b",
    "Env.X",
    "Project",
  ]);
});

Deno.test("rewriteGoStyle() rewrites {{.Var.x}} and {{.Env.X}}, and only those paths", () => {
  strictEqual(
    rewriteGoStyle("{{.Var.branch}}-{{ .Env.HOME }}").text,
    "{{Var.branch}}-{{ Env.HOME }}",
  );
  strictEqual(rewriteGoStyle("{{.a.b}}").text, "{{.a.b}}");
  strictEqual(rewriteGoStyle("{{.Var.a.b}}").text, "{{.Var.a.b}}");
});
