/**
 * The starter configs: embedded equal to templates/*.yaml, each one a valid config, and
 * personalize() renaming the project everywhere it is named while keeping every comment.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parse } from "yaml";
import {
  dirRule,
  guessStarter,
  personalize,
  PROJECT_STARTER,
  STARTERS,
} from "../../src/cli/starters.ts";
import { STARTER_NAMES } from "../../src/cli/starter_names.ts";
import { validateConfigText } from "../../src/config/mod.ts";
import { templateFieldCheck } from "../../src/config/mod.ts";

const TEMPLATES = new URL("../../templates/", import.meta.url);

Deno.test("every starter is templates/NAME.yaml, embedded as it is", () => {
  deepStrictEqual(STARTERS.map((s) => s.name), [...STARTER_NAMES]);
  for (const s of [...STARTERS, PROJECT_STARTER]) {
    strictEqual(s.text, Deno.readTextFileSync(new URL(`${s.name}.yaml`, TEMPLATES)), s.name);
  }
});

Deno.test("every starter validates with no issue at all, template variables included", async () => {
  const checkTemplates = await templateFieldCheck();
  for (const s of [...STARTERS, PROJECT_STARTER]) {
    deepStrictEqual(validateConfigText(s.text, `${s.name}.yaml`, { checkTemplates }).issues, []);
  }
});

Deno.test("the user's config starters point editors at the schema beside them", () => {
  for (const s of STARTERS) {
    strictEqual(s.text.split("\n")[0], "# yaml-language-server: $schema=./config.schema.json");
  }
  ok(PROJECT_STARTER.text.includes("`rune trust`"), "the .rune.yaml header says trust is needed");
});

Deno.test("personalize() renames the project and its per_project keys, keeping comments", () => {
  const basic = STARTERS[0].text;
  const out = personalize(basic, { project: "web", detect: "dir:~/src/web" });
  const data = parse(out);
  deepStrictEqual(data.projects, [{ name: "web", detect: ["dir:~/src/web"] }]);
  deepStrictEqual(Object.keys(data.rituals.start.per_project), ["web"]);
  deepStrictEqual(Object.keys(data.rituals.stop.per_project), ["web"]);
  const comments = (t: string) => t.split("\n").map((l) => l.replace(/^[^#]*/, ""));
  deepStrictEqual(comments(out), comments(basic), "every comment on its line");
  strictEqual(personalize(basic, {}), basic, "no answers, no change");
});

Deno.test("guessStarter() and dirRule() read the directory as init's defaults", () => {
  strictEqual(guessStarter(new Set(["package.json", "README.md"])), "node");
  strictEqual(guessStarter(new Set(["pyproject.toml"])), "python");
  strictEqual(guessStarter(new Set(["Makefile"])), "basic");
  strictEqual(dirRule("/home/u/code/web", "/home/u"), "dir:~/code/web");
  strictEqual(dirRule("/home/user2/x", "/home/u"), "dir:/home/user2/x");
  strictEqual(dirRule("/srv/app", undefined), "dir:/srv/app");
});
