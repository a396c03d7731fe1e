/**
 * A current directory whose path is not UTF-8, which Deno cannot name: every command that needs
 * it says so in one line and exits 2; one that does not works on. Entered the way a person
 * does, with `cd` in a shell (a Deno string cannot hold the bytes).
 */
import { deepStrictEqual, doesNotMatch, match, strictEqual } from "node:assert/strict";
import { runeArgv } from "../helpers/run_rune.ts";
import { withProject } from "../helpers/temp_home.ts";

const q = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
const BYTES = String.raw`p\377\376`;

async function runIn(home: string, args: string[], env: Record<string, string>) {
  const rune = runeArgv(args).map(q).join(" ");
  const out = await new Deno.Command("sh", {
    args: ["-c", `mkdir -p "$(printf '${BYTES}')" && cd "$(printf '${BYTES}')" && exec ${rune}`],
    cwd: home,
    clearEnv: true,
    env,
    stdout: "piped",
    stderr: "piped",
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("a non-UTF-8 current directory: one line and exit 2, never Deno's stack", async (t) => {
  await withProject("rituals: {start: {global: [{name: a, command: 'true'}]}}\n", async (home) => {
    const env = { ...home.env, ...denoDir() };
    const commands = [
      ["config", "validate"],
      ["config", "path"],
      ["start"],
      ["start", "--dry-run"],
      ["stop", "web"],
      ["doctor"],
      ["session", "ls"],
    ];
    for (const args of commands) {
      await t.step(`rune ${args.join(" ")}`, async () => {
        const r = await runIn(home.dir, args, env);
        strictEqual(r.code, 2, r.stderr);
        deepStrictEqual(r.stderr.split("\n"), [
          String.raw`rune: cannot work in "${home.dir}/p\xFF\xFE": its path is not valid UTF-8`,
          "  hint: run rune from another directory (name the project: rune start NAME), or " +
          "rename this one",
          "",
        ]);
        doesNotMatch(r.stderr + r.stdout, /Uncaught|InvalidData|\u001b/);
      });
    }
    await t.step("rune config schema needs no directory and works on", async () => {
      const r = await runIn(home.dir, ["config", "schema"], env);
      strictEqual(r.code, 0, r.stderr);
      match(r.stdout, /"\$schema"/);
    });
    await new Deno.Command("sh", { args: ["-c", `rmdir "$(printf '${BYTES}')"`], cwd: home.dir })
      .output();
  });
});

function denoDir(): Record<string, string> {
  const d = Deno.env.get("DENO_DIR");
  return d ? { DENO_DIR: d } : {};
}
