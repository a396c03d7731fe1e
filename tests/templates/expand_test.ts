import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  checkTemplateText,
  expandField,
  templateVariables,
  VARIABLE_NAMES,
} from "../../src/templates/mod.ts";
import type { FieldContext, TemplateProblem, Variables } from "../../src/templates/mod.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const VARS: Variables = {
  Project: "web",
  ProjectDir: "/code/web app",
  Command: "npm run dev",
  Home: "/home/u",
  User: "u",
  Date: "2026-01-02",
};

function expand(text: string, context: FieldContext, vars: Partial<Variables> = {}): string {
  const r = expandField(text, { ...VARS, ...vars }, context);
  if (!r.ok) throw new Error(`${text}: ${JSON.stringify(r.error)}`);
  return r.value;
}

function problems(
  text: string,
  context: FieldContext = "text",
): Omit<TemplateProblem, "problem">[] {
  const r = expandField(text, VARS, context);
  if (r.ok) throw new Error(`${text} expanded to ${JSON.stringify(r.value)}`);
  deepStrictEqual(r.error, checkTemplateText(text, context), "check and expand agree");
  for (const p of r.error) {
    strictEqual(p.problem, `Cannot expand ${JSON.stringify(p.source)}: ${p.reason}`);
  }
  return r.error.map(({ problem: _, ...rest }) => rest);
}

Deno.test("expandField() accepts Go style and Handlebars style alike", async (t) => {
  const cases: [string, string][] = [
    ["dev-{{.Project}}", "dev-web"],
    ["dev-{{Project}}", "dev-web"],
    ["{{ .Project }}/{{ Project }}", "web/web"],
    ["a {{~Project~}} b", "awebb"],
    [
      "{{.ProjectDir}}/{{.Home}}/{{.User}}/{{.Date}}/{{.Command}}",
      "/code/web app//home/u/u/2026-01-02/npm run dev",
    ],
    ["a{{! a comment }}b{{!-- {{.Nope}} --}}c", "abc"],
    ["literal \\{{.ID}} and \\{{Names}}", "literal {{.ID}} and {{Names}}"],
    ["no placeholders", "no placeholders"],
    ["", ""],
  ];
  for (const [text, want] of cases) {
    await t.step(text, () => strictEqual(expand(text, "text"), want));
  }
});

Deno.test("expandField(shell) escapes each value for its quoting context", async (t) => {
  const hostile = `it's "$(id)"`;
  const cases: [string, string, string][] = [
    ["bare", "echo {{.Project}}", `echo 'it'\\''s "$(id)"'`],
    [
      "author's single quotes",
      "echo 'Starting work on {{.Project}}'",
      `echo 'Starting work on it'\\''s "$(id)"'`,
    ],
    ["author's double quotes", 'echo "on {{.Project}}"', `echo "on it's \\"\\$(id)\\""`],
    ["inside $(…)", "x=$(basename {{.Project}})", `x=$(basename 'it'\\''s "$(id)"')`],
    ["inside backticks", "x=`basename {{.Project}}`", "x=`basename 'it'\\\\''s \"\\$(id)\"'`"],
    ["in a comment", "true # {{.Project}}", `true # 'it'\\''s "$(id)"'`],
    [
      "twice, two contexts",
      "echo {{.Project}} '{{.Project}}'",
      `echo 'it'\\''s "$(id)"' 'it'\\''s "$(id)"'`,
    ],
  ];
  for (const [name, text, want] of cases) {
    await t.step(name, () => strictEqual(expand(text, "shell", { Project: hostile }), want));
  }
  await t.step("a plain value stays as it is", () => {
    strictEqual(expand("cd {{.Project}}", "shell"), "cd web");
  });
  await t.step("the empty value stays an argument", () => {
    strictEqual(expand("ls {{.Project}} x", "shell", { Project: "" }), "ls '' x");
  });
  await t.step("ProjectDir with a space is one word", () => {
    strictEqual(expand("cd {{.ProjectDir}}/api", "shell"), "cd '/code/web app'/api");
  });
  await t.step("a value joined to $NAME or ~ is quoted even when plain", () => {
    strictEqual(expand("echo $PRE{{.Project}} ~{{.User}}", "shell"), "echo $PRE'web' ~'u'");
  });
});

Deno.test("expandField(name) sanitizes the whole result for tmux", async (t) => {
  const cases: [string, Partial<Variables>, string][] = [
    ["dev-{{.Project}}", {}, "dev-web"],
    ["dev.{{.Project}}:x", {}, "dev_web_x"],
    ["{{.Project}}", { Project: "home.arpa:lab" }, "home_arpa_lab"],
    ["s-{{.Project}}", { Project: "#(touch /tmp/p)" }, "s-_(touch /tmp/p)"],
    ["s-{{.Project}}", { Project: "a\nb\x1b" }, "s-ab"],
    ["{{.Project}}", { Project: "" }, "rune"],
    ["{{.Project}}", { Project: "x; rm -rf ~" }, "x; rm -rf ~"],
    ["{{.Project}}", { Project: "'\"=&<>`" }, "'\"=&<>`"],
  ];
  for (const [text, vars, want] of cases) {
    await t.step(
      `${text} with ${JSON.stringify(vars)}`,
      () => strictEqual(expand(text, "name", vars), want),
    );
  }
});

Deno.test("expandField(text) inserts values as they are, HTML-unescaped", () => {
  const value = `<b>&'"=\`</b> $(id) {{.Project}}`;
  strictEqual(
    expand("{{.Home}}/{{.Project}}", "text", { Home: "/h", Project: value }),
    `/h/${value}`,
  );
});

Deno.test("expandField() never renders a value again", () => {
  const sneaky = "{{constructor.constructor}} {{#each x}}{{/each}} {{.Home}}";
  strictEqual(expand("dev-{{.Project}}", "text", { Project: sneaky }), `dev-${sneaky}`);
  strictEqual(expand("dev-{{.Project}}", "name", { Project: "{{.Home}}" }), "dev-{{_Home}}");
});

Deno.test("expandField() reports an unknown variable with a did-you-mean", async (t) => {
  const list = `${VARIABLE_NAMES.join(", ")}, Var.NAME, Env.NAME`;
  await t.step("a case slip", () => {
    deepStrictEqual(problems("echo {{project}}"), [{
      code: "unknown-variable",
      source: "{{project}}",
      reason: 'there is no variable "project"',
      hint: `Use {{.Project}} (variables: ${list})`,
      offset: 5,
    }]);
  });
  await t.step("Go style, as written", () => {
    deepStrictEqual(problems("x {{ .projectdir }}")[0].source, "{{ .projectdir }}");
    deepStrictEqual(
      problems("x {{ .projectdir }}")[0].hint,
      `Use {{.ProjectDir}} (variables: ${list})`,
    );
    deepStrictEqual(problems("x {{ .projectdir }}")[0].offset, 2);
  });
  await t.step("a typo", () => {
    deepStrictEqual(
      problems("{{Projcet}}")[0].hint,
      `Did you mean {{.Project}}? (variables: ${list})`,
    );
  });
  await t.step("a longer spelling of a variable", () => {
    deepStrictEqual(
      problems("{{ProjectDirectory}}")[0].hint,
      `Did you mean {{.ProjectDir}}? (variables: ${list})`,
    );
  });
  await t.step("a short word one letter from a variable is not offered it", () => {
    deepStrictEqual(
      problems("rate={{rate}}")[0].hint,
      `Variables: ${list}; to keep "{{rate}}" as text, write "\\{{rate}}"`,
    );
  });
  await t.step("nothing close: how to keep it as text", () => {
    deepStrictEqual(
      problems("docker ps --format {{.Names}}")[0].hint,
      `Variables: ${list}; to keep "{{.Names}}" as text, write "\\{{.Names}}"`,
    );
  });
  await t.step("every occurrence, with its own offset", () => {
    deepStrictEqual(
      problems("{{a}} {{Project}} {{.b}} {{a}}").map((p) => [p.source, p.offset]),
      [["{{a}}", 0], ["{{.b}}", 18], ["{{a}}", 25]],
    );
  });
  await t.step("object internals are unknown, never silently empty", () => {
    deepStrictEqual(
      problems("{{constructor}}{{__proto__}}{{toString}}{{hasOwnProperty}}").map((p) => p.code),
      ["unknown-variable", "unknown-variable", "unknown-variable", "unknown-variable"],
    );
  });
});

const GO_ACTIONS =
  "Go template actions such as {{range}}, {{if}} and {{end}} are not supported, only variables";
const GO_TRIM =
  "Go's trim markers {{- and -}} are not supported: they would remove the blanks around the value";

Deno.test("expandField() refuses what it does not support, naming it", async (t) => {
  const cases: [string, string, string][] = [
    [
      "{{#if Project}}x{{/if}}",
      "{{#if Project}}x{{/if}}",
      "blocks such as {{#if}} and {{#each}} are not supported, only variables",
    ],
    [
      "{{#each x}}{{this}}{{/each}}",
      "{{#each x}}{{this}}{{/each}}",
      "blocks such as {{#if}} and {{#each}} are not supported, only variables",
    ],
    ["{{> partial}}", "{{> partial}}", "partials are not supported, only variables"],
    ["{{range .X}}", "{{range .X}}", GO_ACTIONS],
    ["{{- if .Project }}", "{{- if .Project }}", GO_ACTIONS],
    ["{{- .Project -}} b", "{{- .Project -}}", GO_TRIM],
    ["{{ .Project -}}", "{{ .Project -}}", GO_TRIM],
    ["{{- Project }}", "{{- Project }}", GO_TRIM],
    ["{{end}}", "{{end}}", GO_ACTIONS],
    [
      "{{{Project}}}",
      "{{{Project}}}",
      "rune escapes every value, and unescaped output is not supported",
    ],
    [
      "{{& Project}}",
      "{{& Project}}",
      "rune escapes every value, and unescaped output is not supported",
    ],
    ["{{log Project}}", "{{log Project}}", "helpers are not supported, only variables"],
    [
      "{{lookup . 'Project'}}",
      "{{lookup . 'Project'}}",
      "helpers are not supported, only variables",
    ],
    ["{{Project x=1}}", "{{Project x=1}}", "helpers are not supported, only variables"],
    [
      "{{Project.length}}",
      "{{Project.length}}",
      "only plain variables are supported (no fields, paths, literals or @data)",
    ],
    [
      "{{this}}",
      "{{this}}",
      "only plain variables are supported (no fields, paths, literals or @data)",
    ],
    [
      "{{@root}}",
      "{{@root}}",
      "only plain variables are supported (no fields, paths, literals or @data)",
    ],
    [
      "{{../Project}}",
      "{{../Project}}",
      "only plain variables are supported (no fields, paths, literals or @data)",
    ],
    [
      '{{"Project"}}',
      '{{"Project"}}',
      "only plain variables are supported (no fields, paths, literals or @data)",
    ],
  ];
  for (const [text, source, reason] of cases) {
    await t.step(text, () => {
      const [p] = problems(text);
      deepStrictEqual([p.code, p.source, p.reason, p.offset], [
        "template-syntax",
        source,
        reason,
        0,
      ]);
    });
  }
});

Deno.test("expandField() turns Handlebars syntax errors into problems at their {{", async (t) => {
  const cases: [string, string, string, number][] = [
    ["echo {{ b", "{{ b", `"{{" is never closed`, 5],
    ["echo {{", "{{", `"{{" is never closed`, 5],
    ["echo {{.a.b}}", "{{.a.b}}", `"{{" is not followed by a variable name`, 5],
    ["a {{Project", "{{Project", `"{{" is never closed`, 2],
    ["x {{#if a}} y", "{{#if a}} y", "a block is never closed", 2],
    ["x {{/if}}", "{{/if}}", "it closes a block that was never opened", 2],
    ["echo {{ %x }} y", "{{ %x }}", `"{{" is not followed by a variable name`, 5],
    ["a {{Project}}}", "{{Project}}", `"}}}" closes a "{{{" that was never opened`, 2],
    ["line one\n{{Project}} {{ b", "{{ b", `"{{" is never closed`, 21],
  ];
  for (const [text, source, reason, offset] of cases) {
    await t.step(JSON.stringify(text), () => {
      deepStrictEqual(problems(text), [{
        code: "template-syntax",
        source,
        reason,
        offset,
        hint: 'Write a variable as {{.Project}}; for a literal "{{" write "\\{{"',
      }]);
    });
  }
});

Deno.test("expandField(shell) refuses placements no quoting can make literal", async (t) => {
  const hint = (src: string) => `Assign it first and use the shell variable: v=${src}; … "$v"`;
  await t.step("right after $ (Rune's docs: ${{rate}})", () => {
    deepStrictEqual(problems("echo ${{.Project}}/hr", "shell"), [{
      code: "template-context",
      source: "{{.Project}}",
      reason:
        `rune cannot quote its value there: it follows "$", so the shell would read the value as a variable name`,
      hint: 'For a literal "$", write \\$ before it',
      offset: 6,
    }]);
    strictEqual(
      expand("echo \\${{.Project}}/hr", "shell", { Project: "5 EUR" }),
      "echo \\$'5 EUR'/hr",
    );
  });
  await t.step("the same text is fine as a name or text", () => {
    strictEqual(expand("echo ${{.Project}}/hr", "text"), "echo $web/hr");
  });
  await t.step("inside single quotes, $ is just a character", () => {
    strictEqual(expand("echo 'costs ${{.Project}}'", "shell"), "echo 'costs $web'");
  });
  await t.step("a here-document", () => {
    deepStrictEqual(
      problems("cat <<EOF\n{{.User}}\nEOF", "shell").map((p) => [p.reason, p.hint, p.offset]),
      [[
        "rune cannot quote its value there: it comes after a here-document (<<)",
        hint("{{.User}}"),
        10,
      ]],
    );
  });
  await t.step("bash arithmetic evaluates even quoted values: ((, [[ and let are refused", () => {
    for (
      const text of ["(( {{.Project}} > 1 ))", "[[ {{.Project}} -eq 1 ]]", "let n={{.Project}}"]
    ) {
      deepStrictEqual(problems(text, "shell").map((p) => p.reason), [
        "rune cannot quote its value there: it comes after ((, [[ or let, where bash " +
        "evaluates even quoted values as arithmetic (and a[$(cmd)] runs cmd)",
      ], text);
    }
    // A subshell and $(( … )) are not arithmetic on the value.
    strictEqual(expand("( echo {{.Project}} )", "shell"), "( echo web )");
    strictEqual(expand("echo $((1+1)) {{.Project}}", "shell"), "echo $((1+1)) web");
  });
  await t.step("an unclosed quote, located at the quote", () => {
    deepStrictEqual(problems("echo 'it's {{.Project}}'", "shell"), [{
      code: "template-context",
      source: "echo 'it's {{.Project}}'",
      reason:
        "a single-quoted string is never closed, so rune cannot tell which quotes a value stands in",
      hint: "Balance the quotes and substitutions in the command",
      offset: 23,
    }]);
  });
  await t.step("every problem of a field at once, in text order", () => {
    deepStrictEqual(
      problems("echo {{nope}} ${{.Project}} {{#if x}}'{{/if}} ${{.User}}", "shell").map((
        p,
      ) => [p.code, p.offset]),
      [
        ["unknown-variable", 5],
        ["template-context", 15],
        ["template-syntax", 28],
        ["template-context", 47],
      ],
    );
  });
  await t.step("an unclosed quote without placeholders is none of expansion's business", () => {
    strictEqual(expand("echo 'it's", "shell"), "echo 'it's");
  });
});

Deno.test("templateVariables() lists the names a template uses, before rendering", () => {
  deepStrictEqual(templateVariables("dev-{{.Project}}"), ["Project"]);
  deepStrictEqual(templateVariables("{{Home}}/{{.Project}}/{{Home}} {{nope}}"), [
    "Home",
    "Project",
    "nope",
  ]);
  deepStrictEqual(templateVariables("plain"), []);
  deepStrictEqual(templateVariables("{{ broken"), []);
});

Deno.test("expandField() gives the same answer from its cache", () => {
  const text = "echo '{{.Project}}' {{.User}}";
  const first = expand(text, "shell", { Project: "a'b" });
  strictEqual(expand(text, "shell", { Project: "a'b" }), first);
  strictEqual(expand(text, "shell", { Project: "c" }), "echo 'c' u");
  strictEqual(expand(text, "text", { Project: "a'b" }), "echo 'a'b' u");
});
