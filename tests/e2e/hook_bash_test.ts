/**
 * rune's shell hook in a real interactive bash: variables set on entering a project and unset
 * on leaving it, no rune process for a prompt in an unchanged directory, hostile directory
 * names kept as data, `set -eu`, a broken or missing rune, PROMPT_COMMAND as an array next to
 * a hook that reads $?, and direnv's hook beside rune's.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { brief, UNSET, withHookHome } from "./hook_shells.ts";
import { exists } from "../helpers/files.ts";
import { HOSTILE_DIR, writeProjectConfig } from "./hook_fixtures.ts";

Deno.test("bash: cd in sets RUNE_PROJECT(_DIR), prompts start no rune, cd out unsets them", async () => {
  await withHookHome(async (h) => {
    const proj = writeProjectConfig(h, "web");
    const run = await h.run("bash", [
      `cd ${proj}`,
      "rec in",
      "true",
      "true",
      ":",
      "rec still",
      "cd ..",
      "rec out",
    ]);
    // 1: the first prompt; 2: after `cd proj`; 3: after `cd ..`.
    strictEqual(brief(run.records.get("in")), `web|${proj}|2`);
    strictEqual(brief(run.records.get("still")), `web|${proj}|2`);
    strictEqual(brief(run.records.get("out")), `${UNSET}|${UNSET}|3`);
  });
});

Deno.test("bash: a hostile directory name reaches RUNE_PROJECT_DIR as data", async () => {
  await withHookHome(async (h) => {
    const proj = writeProjectConfig(h, "web", HOSTILE_DIR);
    const run = await h.run("bash", ['cd "$HOSTILE"', "rec in"], { env: { HOSTILE: proj } });
    const rec = run.records.get("in");
    strictEqual(rec?.project, "web");
    strictEqual(rec?.dir, proj);
    ok(!exists(`${h.home.home}/PWNED`) && !exists(`${proj}/PWNED`), "a value ran as code");
  });
});

Deno.test("bash: set -eu survives the hook, `! true` included; $? is left as it was", async () => {
  await withHookHome(async (h) => {
    const proj = writeProjectConfig(h, "web");
    const run = await h.run("bash", [`cd ${proj}`, "! true", "rec in", "cd /", "rec out"], {
      before: "set -eu",
    });
    strictEqual(brief(run.records.get("in")), `web|${proj}|2`);
    strictEqual(brief(run.records.get("out")), `${UNSET}|${UNSET}|3`);
  });
});

Deno.test("bash: a broken rune costs one line per change, a missing one a line in all", async () => {
  await withHookHome(async (h) => {
    const proj = writeProjectConfig(h, "web");
    const broken = await h.run("bash", [`cd ${proj}`, "rec in", "cd /", "rec out"], {
      rune: "broken",
      before: "set -u",
    });
    strictEqual(brief(broken.records.get("out")), `${UNSET}|${UNSET}|3`);
    ok(!exists(`${h.home.home}/BROKEN_RUNE_OUTPUT_RAN`), "a failing rune's output was evaluated");
    strictEqual(count(broken.term, "rune: the shell hook failed (exit 3)"), 3);
    const missing = await h.run("bash", [`cd ${proj}`, "rec in", "cd /", "rec out"], {
      rune: "missing",
    });
    strictEqual(brief(missing.records.get("out")), `${UNSET}|${UNSET}|0`);
    strictEqual(count(missing.term, "rune: the shell hook finds no rune on PATH"), 1);
  });
});

Deno.test("bash: PROMPT_COMMAND as an array keeps its hook, which still sees $?", async () => {
  await withHookHome(async (h) => {
    const proj = writeProjectConfig(h, "web");
    const log = `${h.dir}/status.log`;
    const run = await h.run("bash", [`cd ${proj}`, "false", "rec in"], {
      before: `_other() { echo "$?" >> ${log}; }\nPROMPT_COMMAND=(_other)`,
      after: 'declare -p PROMPT_COMMAND > "$HOME/pc.txt"',
    });
    strictEqual(brief(run.records.get("in")), `web|${proj}|2`);
    const pc = Deno.readTextFileSync(`${h.home.home}/pc.txt`);
    ok(pc.includes('[0]="_rune_hook"') && pc.includes('[1]="_other"'), pc);
    // The prompts: the first, after cd (0), after false (1), after rec (0).
    deepStrictEqual(Deno.readTextFileSync(log).trim().split("\n"), ["0", "0", "1", "0"]);
  });
});

Deno.test("bash: direnv's hook and rune's work side by side, in either order", async () => {
  await withHookHome(async (h) => {
    const proj = writeProjectConfig(h, "web");
    Deno.writeTextFileSync(`${proj}/.envrc`, "export FROM_DIRENV=yes\n");
    const allow = await new Deno.Command("direnv", {
      args: ["allow", proj],
      env: h.home.env,
      clearEnv: true,
    }).output();
    strictEqual(allow.code, 0, new TextDecoder().decode(allow.stderr));
    for (
      const [before, after] of [['eval "$(direnv hook bash)"', ""], [
        "",
        'eval "$(direnv hook bash)"',
      ]]
    ) {
      const run = await h.run("bash", [`cd ${proj}`, "rec in", "cd ..", "rec out"], {
        before,
        after,
      });
      const inside = run.records.get("in");
      strictEqual(`${inside?.project}|${inside?.direnv}`, "web|yes");
      const outside = run.records.get("out");
      strictEqual(`${outside?.project}|${outside?.direnv}`, `${UNSET}|${UNSET}`);
    }
  });
});

function count(text: string, needle: string): number {
  return text.split(needle).length - 1;
}
