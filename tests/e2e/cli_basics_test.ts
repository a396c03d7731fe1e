/** The bundle answers --version and --help under no Deno permissions at all. */
import { match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { VERSION } from "../../src/base/version.ts";

Deno.test("rune --version prints the version with no permissions", async () => {
  const r = await runRune(["--version"], { permissions: [] });
  strictEqual(r.stderr, "");
  strictEqual(r.stdout.trim(), VERSION);
  strictEqual(r.code, 0);
});

Deno.test("rune --help works with no permissions, on a pipe", async () => {
  const r = await runRune(["--help"], { permissions: [] });
  strictEqual(r.code, 0, r.stderr);
  match(r.stdout, /Usage: rune/);
  match(r.stdout, /Examples:/);
  match(r.stdout, /Exit codes:/);
});

Deno.test("rune completion prints each shell's script with no permissions", async () => {
  for (const shell of ["bash", "zsh", "fish"]) {
    const r = await runRune(["completion", shell], { permissions: [] });
    strictEqual(r.code, 0, r.stderr);
    match(r.stdout, /__complete --/);
  }
});

Deno.test("an unknown command is a usage error (exit 2) with a suggestion", async () => {
  const r = await runRune(["strat"], { permissions: [] });
  strictEqual(r.code, 2);
  match(r.stderr, /unknown command 'strat'/);
});

Deno.test("a missing Deno permission names the flag and exits 3, without a stack trace", async () => {
  const r = await runRune(["start", "--dry-run"], { permissions: ["--allow-read"] });
  strictEqual(r.code, 3);
  match(r.stderr, /the env permission is not granted/);
  match(r.stderr, /--allow-env/);
  strictEqual(/\n\s+at /.test(r.stderr), false, r.stderr);
});

Deno.test("rune --help into a closed pipe exits quietly", async () => {
  const argv = (await import("../helpers/run_rune.ts")).runeArgv(["--help"], []);
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  await child.stdout.cancel(); // the reader is gone before rune writes
  const out = await child.output().catch(() => undefined);
  const status = out ?? await child.status;
  strictEqual(status.code, 0);
  const stderr = out ? new TextDecoder().decode(out.stderr) : "";
  strictEqual(/EPIPE|Uncaught/.test(stderr), false, stderr);
});

Deno.test("every command's --help works with no permissions and shows examples", async (t) => {
  const commands = [
    ["start"],
    ["stop"],
    ["doctor"],
    ["config"],
    ["config", "validate"],
    ["config", "edit"],
    ["ritual", "list"],
    ["session"],
    ["audit"],
    ["import"],
    ["init"],
    ["ls"],
    ["completion"],
    ["pause"],
    ["resume"],
    ["status"],
    ["report"],
    ["migrate"],
    ["migrate", "rune"],
    ["migrate", "watson"],
    ["migrate", "timewarrior"],
    ["ritual", "run"],
    ["ritual", "test"],
    ["logs"],
  ];
  for (const cmd of commands) {
    await t.step(cmd.join(" "), async () => {
      const r = await runRune([...cmd, "--help"], { permissions: [] });
      strictEqual(r.code, 0, r.stderr);
      match(r.stdout, new RegExp(`Usage: rune ${cmd.join(" ")}`));
      match(r.stdout, /Examples:/);
    });
  }
});
