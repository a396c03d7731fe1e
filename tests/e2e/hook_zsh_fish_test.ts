/**
 * rune's shell hook in a real interactive zsh and fish: entering and leaving a project, no rune
 * process for prompts in an unchanged directory (several `cd`s before one prompt cost one),
 * hostile directory names kept as data, zsh's `set -eu`, a broken or missing rune, direnv.
 */
import { ok, strictEqual } from "node:assert/strict";
import { brief, type Shell, UNSET, withHookHome } from "./hook_shells.ts";
import { exists } from "../helpers/files.ts";
import { HOSTILE_DIR, writeProjectConfig } from "./hook_fixtures.ts";

for (const shell of ["zsh", "fish"] as Shell[]) {
  Deno.test(`${shell}: cd in sets RUNE_PROJECT(_DIR), prompts start no rune, cd out unsets`, async () => {
    await withHookHome(async (h) => {
      const proj = writeProjectConfig(h, "web");
      const run = await h.run(shell, [
        `cd ${proj}`,
        "rec in",
        "true",
        "true",
        "rec still",
        "cd /; cd /tmp; cd ..",
        "rec out",
      ]);
      strictEqual(brief(run.records.get("in")), `web|${proj}|2`);
      strictEqual(brief(run.records.get("still")), `web|${proj}|2`);
      strictEqual(brief(run.records.get("out")), `${UNSET}|${UNSET}|3`);
    });
  });

  Deno.test(`${shell}: a hostile directory name reaches RUNE_PROJECT_DIR as data`, async () => {
    await withHookHome(async (h) => {
      const proj = writeProjectConfig(h, "web", HOSTILE_DIR);
      const run = await h.run(shell, ['cd "$HOSTILE"', "rec in"], { env: { HOSTILE: proj } });
      const rec = run.records.get("in");
      strictEqual(rec?.project, "web");
      strictEqual(rec?.dir, proj);
      ok(!exists(`${h.home.home}/PWNED`) && !exists(`${proj}/PWNED`), "a value ran as code");
    });
  });

  Deno.test(`${shell}: a broken rune costs a line per change, a missing one a line`, async () => {
    await withHookHome(async (h) => {
      const proj = writeProjectConfig(h, "web");
      const broken = await h.run(shell, [`cd ${proj}`, "rec in", "cd /", "rec out"], {
        rune: "broken",
      });
      strictEqual(brief(broken.records.get("out")), `${UNSET}|${UNSET}|3`);
      ok(!exists(`${h.home.home}/BROKEN_RUNE_OUTPUT_RAN`), "a failing rune's output ran");
      strictEqual(count(broken.term, "rune: the shell hook failed (exit 3)"), 3);
      const missing = await h.run(shell, [`cd ${proj}`, "rec in", "cd /", "rec out"], {
        rune: "missing",
      });
      strictEqual(brief(missing.records.get("out")), `${UNSET}|${UNSET}|0`);
      strictEqual(count(missing.term, "rune: the shell hook finds no rune on PATH"), 1);
    });
  });
}

Deno.test("zsh: set -eu (ERR_EXIT, NO_UNSET) survives the hook", async () => {
  await withHookHome(async (h) => {
    const proj = writeProjectConfig(h, "web");
    const run = await h.run("zsh", [`cd ${proj}`, "! true", "rec in", "cd /", "rec out"], {
      before: "set -eu",
    });
    strictEqual(brief(run.records.get("in")), `web|${proj}|2`);
    strictEqual(brief(run.records.get("out")), `${UNSET}|${UNSET}|3`);
  });
});

for (const shell of ["zsh", "fish"] as Shell[]) {
  Deno.test(`${shell}: direnv's hook and rune's work side by side`, async () => {
    await withHookHome(async (h) => {
      const proj = writeProjectConfig(h, "web");
      Deno.writeTextFileSync(`${proj}/.envrc`, "export FROM_DIRENV=yes\n");
      const allow = await new Deno.Command("direnv", {
        args: ["allow", proj],
        env: h.home.env,
        clearEnv: true,
      }).output();
      strictEqual(allow.code, 0, new TextDecoder().decode(allow.stderr));
      const direnv = shell === "fish" ? "direnv hook fish | source" : 'eval "$(direnv hook zsh)"';
      const run = await h.run(shell, [`cd ${proj}`, "rec in", "cd ..", "rec out"], {
        before: direnv,
      });
      const inside = run.records.get("in");
      strictEqual(`${inside?.project}|${inside?.direnv}`, "web|yes");
      const outside = run.records.get("out");
      strictEqual(`${outside?.project}|${outside?.direnv}`, `${UNSET}|${UNSET}`);
    });
  });
}

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
