/**
 * Every YAML example of the seed loads exactly as written. The fixtures are byte copies of the
 * seed's ```yaml blocks; when the seed is at hand, a test checks they still are.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parseConfig } from "../../src/config/load.ts";
import { findTemplate } from "../../src/planning/select.ts";
import { REPO_ROOT } from "../helpers/run_rune.ts";
import { sharedFiles } from "../helpers/shared.ts";

const FIXTURES = `${REPO_ROOT}/tests/fixtures/config`;
const fixture = (n: number) => Deno.readTextFileSync(`${FIXTURES}/seed-example-${n}.yaml`);

Deno.test("the seed's examples load; only what has no effect warns", async (t) => {
  for (const n of [2, 3]) {
    await t.step(`seed-example-${n}.yaml: no issue at all`, () => {
      const r = parseConfig(fixture(n), `seed-example-${n}.yaml`, { strict: true });
      ok(r.ok, JSON.stringify(!r.ok && r.error));
      deepStrictEqual(r.value.warnings, []);
    });
  }
  await t.step("seed-example-1.yaml: command and tmux_session next to tmux_template", () => {
    const r = parseConfig(fixture(1), "seed-example-1.yaml");
    ok(r.ok, JSON.stringify(!r.ok && r.error));
    deepStrictEqual(r.value.warnings.map((w) => [w.code, w.where?.line, w.where?.column]), [
      ["no-effect", 6, 9],
      ["no-effect", 8, 9],
    ]);
    deepStrictEqual(r.value.warnings.map((w) => w.problem), [
      'Ignoring the command of "Setup Development Environment": a tmux_template step opens ' +
      'template "development-layout", and the template does not use {{.Command}}, so the ' +
      "command never runs",
      'Ignoring tmux_session "dev-{{.Project}}" of "Setup Development Environment": a ' +
      "tmux_template step opens the session the template's session_name names",
    ]);
    const strict = parseConfig(fixture(1), "seed-example-1.yaml", { strict: true });
    deepStrictEqual(!strict.ok && strict.error.map((i) => i.severity), ["error", "error"]);
  });
});

Deno.test("seed example 1: templates under rituals.start.templates, pane objects", () => {
  const r = parseConfig(fixture(1), "seed-example-1.yaml");
  ok(r.ok);
  const cmd = r.value.config.rituals?.start?.global?.[0];
  deepStrictEqual(
    [cmd?.interactive, cmd?.tmux_session, cmd?.tmux_template],
    [true, "dev-{{.Project}}", "development-layout"],
  );
  const template = findTemplate(r.value.config, "development-layout");
  deepStrictEqual(template?.path, ["rituals", "start", "templates", "development-layout"]);
  deepStrictEqual(template?.spec.windows?.map((w) => [w.name, w.layout, w.panes]), [
    ["editor", "main-horizontal", [{ command: "vim ." }, { command: "git status" }]],
    ["server", undefined, [{ command: "npm run dev" }, { command: "tail -f logs/app.log" }]],
  ]);
});

Deno.test("seed example 2: per_project without projects, templates under rituals", () => {
  const r = parseConfig(fixture(2), "seed-example-2.yaml");
  ok(r.ok);
  strictEqual(findTemplate(r.value.config, "fullstack-dev")?.spec.windows?.length, 4);
  deepStrictEqual(Object.keys(r.value.config.rituals?.start?.per_project ?? {}), ["web-app"]);
});

const seed = sharedFiles("seed", ".txt");
Deno.test({
  name: "the fixtures are the seed's ```yaml blocks, byte for byte",
  ignore: seed.length === 0,
  fn() {
    const blocks = seed.flatMap((f) =>
      [...Deno.readTextFileSync(f).matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1])
    );
    deepStrictEqual(blocks, [1, 2, 3].map(fixture));
  },
});
