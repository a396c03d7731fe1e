/**
 * Rune's own configs (../shared/compat/rune, real files from Rune's repository) load, and rune
 * reads them as compat/README.md says. Skipped, visibly, where the corpus is absent.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { validateConfigText } from "../../src/config/validate.ts";
import { parseConfig } from "../../src/config/load.ts";
import { parseDuration } from "../../src/base/duration.ts";
import { checkTemplateFields } from "../../src/config/check_variables.ts";
import { listRituals } from "../../src/planning/listing.ts";
import type { RitualListing } from "../../src/planning/listing.ts";
import { sharedFiles } from "../helpers/shared.ts";
import {
  EXAMPLE_COUNTS,
  FREELANCER_VARIABLE_LINES,
  NON_TEMPLATE_CODES,
  SNIPPET_COUNTS,
} from "./rune_compat_expected.ts";
import type { CompatExpectation } from "./rune_compat_expected.ts";
import { loadTemplateEngine } from "../../src/templates/mod.ts";

// Templates here are expanded in process, not through a config loader: load the engine once.
await loadTemplateEngine();

const examples = sharedFiles("compat/rune/examples", ".yaml");
const snippets = sharedFiles("compat/rune", ".yaml");
const all = [...snippets, ...examples];
const base = (path: string) => path.slice(path.lastIndexOf("/") + 1);
const byName = new Map(all.map((p) => [base(p), p]));
const absent = all.length === 0;

/** A `command` next to `tmux_template` never runs (the template does not use {{.Command}}). */
const unusedCommand = (step: string, template: string) =>
  `Ignoring the command of "${step}": a tmux_template step opens template "${template}", and ` +
  "the template does not use {{.Command}}, so the command never runs";

/**
 * Warnings the README allows, per file: Rune's docs use keys Go Rune never read, and put a
 * `command` next to `tmux_template`, where it has no effect.
 */
const EXPECTED_WARNINGS: Record<string, string[]> = {
  "api-doc-complete-example.yaml": [unusedCommand("Full Environment", "fullstack")],
  "docs-interactive-complex-multipane.yaml": [unusedCommand("Full Stack Development", "fullstack")],
  "docs-interactive-template-command.yaml": [
    unusedCommand("Full Development Environment", "fullstack-dev"),
  ],
  "config-developer.yaml": [unusedCommand("Setup Development Environment", "fullstack-dev")],
  "docs-site-config-structure.yaml": [
    'Ignoring the key "timezone" in settings: rune does not use it',
  ],
  "docs-site-examples-freelancer.yaml": [0, 0, 1, 1].map((i, n) =>
    `Ignoring the key "${n % 2 ? "rate" : "client"}" in projects[${i}]: rune does not use it`
  ),
};

function load(name: string) {
  const path = byName.get(name);
  if (!path) throw new Error(`${name} is missing from the compat corpus`);
  const r = parseConfig(Deno.readTextFileSync(path), path);
  if (!r.ok) throw new Error(`${name}: ${JSON.stringify(r.error, null, 2)}`);
  return r.value;
}

function countsOf(listing: RitualListing): CompatExpectation {
  const ritual = (r: RitualListing["start"]) => ({
    global: r.global.length,
    per_project: Object.fromEntries(Object.entries(r.per_project).map(([k, v]) => [k, v.length])),
  });
  return { start: ritual(listing.start), stop: ritual(listing.stop) };
}

Deno.test({
  name: "every Rune config in compat/rune loads: no errors of rune's own checks, known warnings",
  ignore: absent,
  async fn(t) {
    strictEqual(examples.length, 10, "the README's table lists ten example files");
    for (const path of all) {
      await t.step(base(path), () => {
        const v = validateConfigText(Deno.readTextFileSync(path), path);
        const errors = v.issues.filter((i) => i.severity === "error");
        deepStrictEqual(errors.filter((i) => NON_TEMPLATE_CODES.has(i.code)), []);
        ok(v.config, "the schema accepts it");
        deepStrictEqual(
          v.issues.filter((i) => i.severity === "warning").map((i) => i.problem),
          EXPECTED_WARNINGS[base(path)] ?? [],
        );
      });
    }
  },
});

Deno.test({
  name: "ritual counts are those of compat/README.md",
  ignore: absent,
  async fn(t) {
    for (const [name, want] of Object.entries({ ...EXAMPLE_COUNTS, ...SNIPPET_COUNTS })) {
      await t.step(name, () => {
        const listing = listRituals(load(name).config);
        deepStrictEqual(countsOf(listing), { start: want.start, stop: want.stop });
        if (want.templates) {
          deepStrictEqual(
            Object.fromEntries(listing.templates.map((t) => [t.name, t.windows.length])),
            want.templates,
          );
        }
      });
    }
  },
});

Deno.test({
  name: "docs-interactive-complex-multipane.yaml: windows, layouts and panes as the README says",
  ignore: absent,
  fn() {
    const { templates } = listRituals(load("docs-interactive-complex-multipane.yaml").config);
    deepStrictEqual(
      templates.map((t) => [t.name, t.place, t.session_name]),
      [["fullstack", "rituals.templates", "fullstack-{{.Project}}"]],
    );
    deepStrictEqual(templates[0].windows.map((w) => [w.name, w.layout, w.panes.length]), [
      ["code", "main-vertical", 2],
      ["frontend", "even-horizontal", 3],
      ["backend", undefined, 2],
      ["monitoring", "tiled", 4],
    ]);
  },
});

Deno.test({
  name:
    "Rune's documented extras load: timeout 30s, git:/dir: detect rules, three interactive kinds",
  ignore: absent,
  fn() {
    const basic = load("docs-site-basic-ritual-structure.yaml").config;
    const timeout = basic.rituals?.start?.global?.[0].timeout;
    strictEqual(timeout, "30s");
    strictEqual(parseDuration(timeout ?? ""), 30_000);

    const readme = load("readme-config.yaml").config;
    deepStrictEqual(readme.projects?.[0].detect, ["git:main-app", "dir:~/projects/main-app"]);

    const api = load("api-doc-complete-example.yaml").config.rituals?.start?.global ?? [];
    deepStrictEqual(
      api.map((c) => [c.name, c.interactive, c.tmux_session, c.tmux_template]),
      [
        ["Interactive Shell", true, undefined, undefined],
        ["Development Session", true, "dev-{{.Project}}", undefined],
        ["Full Environment", true, undefined, "fullstack"],
      ],
    );
  },
});

const freelancer = byName.get("docs-site-examples-freelancer.yaml");
/** True while validate_templates.ts is still the placeholder that finds nothing. */
const variableCheckPending = (() => {
  const r = parseConfig(
    "rituals:\n  start:\n    global:\n      - {name: a, command: '{{nope}}'}\n",
    "t",
  );
  return !r.ok ? false : checkTemplateFields(r.value.config, r.value.locate).length === 0;
})();

Deno.test({
  name: "docs-site-examples-freelancer.yaml loads; its only errors would be template variables",
  ignore: !freelancer,
  fn() {
    const v = validateConfigText(Deno.readTextFileSync(freelancer!), freelancer!, {
      checkTemplates: () => [],
    });
    ok(v.config);
    deepStrictEqual(v.issues.filter((i) => i.severity === "error"), []);
  },
});

Deno.test({
  // Enables itself once src/config/validate_templates.ts reports unknown variables.
  name: "docs-site-examples-freelancer.yaml fails on {{project}}, {{rate}}, {{client}} " +
    "(pending: the template checker)",
  ignore: !freelancer || variableCheckPending,
  fn() {
    const v = validateConfigText(Deno.readTextFileSync(freelancer!), freelancer!, {
      checkTemplates: checkTemplateFields,
    });
    const errors = v.issues.filter((i) => i.severity === "error");
    ok(errors.length >= 3, JSON.stringify(errors, null, 2));
    deepStrictEqual(errors.filter((i) => NON_TEMPLATE_CODES.has(i.code)), []);
    deepStrictEqual(
      [...new Set(errors.map((i) => i.where?.line))].sort(),
      FREELANCER_VARIABLE_LINES,
    );
  },
});
