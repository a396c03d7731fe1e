import { deepStrictEqual, ok as assert, strictEqual } from "node:assert/strict";
import { parseDocument } from "yaml";
import { parseConfig } from "../../src/config/load.ts";
import { rawScalarReader } from "../../src/config/scalar_source.ts";
import { checkTemplateFields, templateFields } from "../../src/config/check_variables.ts";
import type { Issue } from "../../src/base/result.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const LIST = "Project, ProjectDir, Command, Home, User, Date, Var.NAME, Env.NAME";

/** Loads `yaml` and checks its template fields, with exact columns where possible. */
function check(yaml: string, file = "/cfg.yaml"): Issue[] {
  const loaded = parseConfig(yaml, file);
  if (!loaded.ok) throw new Error(`config did not load: ${JSON.stringify(loaded.error)}`);
  return checkTemplateFields(loaded.value.config, loaded.value.locate, {
    rawScalar: rawScalarReader(parseDocument(yaml), yaml),
  });
}

const where = (i: Issue) => i.where && [i.where.line, i.where.column];

Deno.test("checkTemplateFields() words a problem with its field's path", () => {
  const yaml = `
rituals:
  start:
    global:
      - name: a
        command: "echo {{project}}"
`;
  deepStrictEqual(check(yaml), [{
    severity: "error",
    code: "unknown-variable",
    problem:
      'Cannot expand "{{project}}" in rituals.start.global[0].command: there is no variable ' +
      '"project"',
    hint: `Use {{.Project}} (variables: ${LIST})`,
    where: { file: "/cfg.yaml", line: 6, column: 24 },
  }]);
});

Deno.test("checkTemplateFields() walks every field that may hold variables", () => {
  const yaml = `
rituals:
  start:
    global:
      - name: g
        command: "{{x1}}"
        working_dir: "{{x2}}"
        env: {A: "{{x3}}", N: 3}
        tmux_session: "{{x4}}"
    per_project:
      web:
        - {name: p, command: "{{x5}}"}
    templates:
      st:
        session_name: "{{x6}}"
        windows: [{name: w, panes: [x]}]
  stop:
    global:
      - {name: s, command: "{{x7}}"}
    templates:
      sp:
        session_name: s
        windows: [{name: w, panes: ["{{x8}}"]}]
  templates:
    t:
      session_name: "{{x9}}"
      dir: "{{x10}}"
      before: [ok, "{{x11}}"]
      pre_window: "{{x12}}"
      windows:
        - name: "{{x13}}"
          dir: "{{x14}}"
          pre: ["{{x15}}"]
          panes:
            - "{{x16}}"
            - null
            - {command: ["a", "{{x17}}"], dir: "{{x18}}"}
        - {name: w2, pre: "{{x19}}", panes: [{command: "{{x20}}"}]}
`;
  const paths = check(yaml).map((i) => /in (\S+):/.exec(i.problem)?.[1]);
  deepStrictEqual(paths, [
    "rituals.start.global[0].command",
    "rituals.start.global[0].working_dir",
    "rituals.start.global[0].env.A",
    "rituals.start.global[0].tmux_session",
    "rituals.start.per_project.web[0].command",
    "rituals.start.templates.st.session_name",
    "rituals.stop.global[0].command",
    "rituals.stop.templates.sp.windows[0].panes[0]",
    "rituals.templates.t.session_name",
    "rituals.templates.t.dir",
    "rituals.templates.t.before[1]",
    "rituals.templates.t.pre_window",
    "rituals.templates.t.windows[0].name",
    "rituals.templates.t.windows[0].dir",
    "rituals.templates.t.windows[0].pre[0]",
    "rituals.templates.t.windows[0].panes[0]",
    "rituals.templates.t.windows[0].panes[2].command[1]",
    "rituals.templates.t.windows[0].panes[2].dir",
    "rituals.templates.t.windows[1].pre",
    "rituals.templates.t.windows[1].panes[0].command",
  ]);
});

Deno.test("checkTemplateFields() checks each field in the context it expands in", () => {
  const loaded = parseConfig(
    `rituals: {templates: {t: {session_name: "s", dir: "d", windows: [{name: n, panes: [p]}]}}}`,
    "/c.yaml",
  );
  assert(loaded.ok);
  deepStrictEqual(
    templateFields(loaded.value.config).map((f) => [f.path.slice(3).join("."), f.context]),
    [["session_name", "name"], ["dir", "text"], ["windows.0.name", "name"], [
      "windows.0.panes.0",
      "shell",
    ]],
  );
  // "${{…}}" is refused in a command and fine in a path.
  const yaml = `
rituals:
  start:
    global:
      - {name: a, command: "echo \${{.Project}}", working_dir: "/x/\${{.Project}}"}
`;
  deepStrictEqual(check(yaml).map((i) => [i.code, /in (\S+):/.exec(i.problem)?.[1]]), [
    ["template-context", "rituals.start.global[0].command"],
  ]);
});

Deno.test("checkTemplateFields() points at the placeholder only when the column is exact", async (t) => {
  // The value starts at line 5, column 18.
  const cases: [string, string, [number, number]][] = [
    ["plain scalar", "echo {{nope}}", [5, 23]],
    ["double-quoted", '"echo {{nope}}"', [5, 24]],
    ["single-quoted", "'echo {{nope}}'", [5, 24]],
    ["double-quoted with an escape", '"echo \\t {{nope}}"', [5, 18]],
    ["single-quoted with ''", "'say ''hi'' {{nope}}'", [5, 18]],
    ["block scalar", "|\n          echo {{nope}}", [5, 18]],
    ["quoted over two lines", '"echo\n          {{nope}}"', [5, 18]],
  ];
  for (const [name, value, want] of cases) {
    await t.step(name, () => {
      const issues = check(
        `rituals:\n  start:\n    global:\n      - name: a\n        command: ${value}\n`,
      );
      strictEqual(issues.length, 1, JSON.stringify(issues));
      deepStrictEqual(where(issues[0]), want);
    });
  }
  await t.step("without the raw reader, the value's start", () => {
    const yaml =
      "rituals:\n  start:\n    global:\n      - name: a\n        command: echo {{nope}}\n";
    const loaded = parseConfig(yaml, "/c.yaml");
    assert(loaded.ok);
    deepStrictEqual(where(checkTemplateFields(loaded.value.config, loaded.value.locate)[0]), [
      5,
      18,
    ]);
  });
});

Deno.test("checkTemplateFields() finds nothing in fields without problems", () => {
  const yaml = `
rituals:
  start:
    global:
      - {name: a, command: "echo '{{.Project}}' \\"{{Home}}\\" {{.Date}}", tmux_session: "dev-{{.Project}}"}
  templates:
    t: {session_name: "dev.{{.Project}}", windows: [{name: "{{.Project}}", panes: ["vim {{.ProjectDir}}"]}]}
`;
  deepStrictEqual(check(yaml), []);
});

/** Rune's real configs, beside the repository (../shared, or ../../shared from a worktree). */
function compatDir(): string | undefined {
  const root = new URL("../../", import.meta.url).pathname;
  const candidates = [Deno.env.get("RUNE_SHARED_DIR"), `${root}../shared`, `${root}../../shared`];
  for (const dir of candidates) {
    try {
      if (dir && Deno.statSync(`${dir}/compat/rune`).isDirectory) return `${dir}/compat/rune`;
    } catch { /* not here */ }
  }
  return undefined;
}
const COMPAT = compatDir();

Deno.test({
  name: "compat: Rune's freelancer example names every placeholder that is no variable",
  ignore: !COMPAT, // ../shared/compat is reference data, absent outside the project machine
}, async () => {
  const file = `${COMPAT}/docs-site-examples-freelancer.yaml`;
  const issues = check(await Deno.readTextFile(file), file);
  deepStrictEqual(
    issues.map((
      i,
    ) => [i.code, i.where?.line, i.where?.column, /"(\{\{[^"]*)"/.exec(i.problem)?.[1]]),
    [
      ["unknown-variable", 27, 43, "{{project}}"],
      ["unknown-variable", 27, 59, "{{rate}}"],
      ["unknown-variable", 32, 49, "{{project}}"],
      ["unknown-variable", 32, 88, "{{client}}"],
    ],
  );
  for (const i of issues.filter((i) => i.problem.includes("{{project}}"))) {
    strictEqual(i.hint, `Use {{.Project}} (variables: ${LIST})`);
    assert(i.severity === "error");
  }
});

Deno.test({
  name: "compat: Rune's other configs have no template problems",
  ignore: !COMPAT,
}, async () => {
  const files: string[] = [];
  for (const sub of [COMPAT!, `${COMPAT}/examples`]) {
    for await (const e of Deno.readDir(sub)) {
      if (e.isFile && e.name.endsWith(".yaml") && !e.name.includes("freelancer")) {
        files.push(`${sub}/${e.name}`);
      }
    }
  }
  assert(files.length >= 15, `found ${files.length} compat files`);
  let checked = 0;
  for (const file of files) {
    const text = await Deno.readTextFile(file);
    const loaded = parseConfig(text, file);
    if (!loaded.ok) continue; // the loader's own tests cover loading; here only templates count
    deepStrictEqual(checkTemplateFields(loaded.value.config, loaded.value.locate), [], file);
    checked++;
  }
  assert(checked >= 15, `checked ${checked} of ${files.length}`);
});

Deno.test("checkTemplateFields() warns when {{.Command}} alone would be one quoted word", () => {
  const yaml = `
rituals:
  start:
    global:
      - {name: a, command: "npm run dev", interactive: true, tmux_template: t}
  templates:
    t:
      session_name: "{{.Command}}"
      windows: [{panes: ["{{.Command}}", "eval {{.Command}}", "echo '{{.Command}}'"]}]
`;
  deepStrictEqual(check(yaml).map((i) => [i.severity, i.code, where(i), i.hint]), [
    [
      "warning",
      "command-as-word",
      [9, 26],
      'Write "eval {{.Command}}" to run the step\'s command there',
    ],
  ]);
});

Deno.test("checkTemplateFields() locates Go's trim markers at their placeholder", () => {
  const yaml = `
rituals:
  start:
    global:
      - name: a
        command: echo {{- .Project -}} done
`;
  deepStrictEqual(check(yaml).map((i) => [i.code, where(i), i.problem]), [[
    "template-syntax",
    [6, 23],
    'Cannot expand "{{- .Project -}}" in rituals.start.global[0].command: Go\'s trim markers ' +
    "{{- and -}} are not supported: they would remove the blanks around the value",
  ]]);
});
