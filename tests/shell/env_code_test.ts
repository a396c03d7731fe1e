/** envCode(): the hook's shell code, evaluated by real bash, zsh and fish, keeps values data. */
import { deepStrictEqual, strictEqual, throws } from "node:assert/strict";
import { envCode, type HookShell, quoteForShell } from "../../src/shell/mod.ts";

const VALUES = [
  "plain",
  "",
  "it's",
  "a'b'c''",
  '"double" $HOME ${HOME} $(touch /tmp/rune-env-code-pwned) `touch /tmp/rune-env-code-pwned`',
  "back\\slash \\' \\\\ end\\",
  "new\nline\n",
  "tab\there; semi; | & > < * ? [a] ~ # !x !! {a,b}",
  "\x1b[2J ctrl \x07 \x7f",
  "ünïcödé ✓ 日本",
];

const SHELL_ARGV: Record<HookShell, string[]> = {
  bash: ["bash", "--noprofile", "--norc", "-c"],
  zsh: ["zsh", "-f", "-c"],
  fish: ["fish", "--no-config", "-c"],
};

/** What `shell` holds in V after evaluating the code for `value`, read back exactly. */
async function roundTrip(shell: HookShell, value: string): Promise<string> {
  const code = envCode(shell, [["V", value]]);
  const read = shell === "fish" ? `printf '%s' "$V"` : `printf '%s' "$V"`;
  const script = shell === "fish"
    ? `${code}\n${read}`
    : `eval ${quoteForShell(shell, code)}\n${read}`;
  const [cmd, ...args] = SHELL_ARGV[shell];
  const out = await new Deno.Command(cmd, { args: [...args, script], stdout: "piped" }).output();
  strictEqual(out.code, 0);
  return new TextDecoder().decode(out.stdout);
}

for (const shell of ["bash", "zsh", "fish"] as HookShell[]) {
  Deno.test(`envCode(${shell}): every value comes back exactly, nothing in it runs`, async () => {
    for (const value of VALUES) strictEqual(await roundTrip(shell, value), value);
    let pwned = false;
    try {
      Deno.statSync("/tmp/rune-env-code-pwned");
      pwned = true;
    } catch { /* not made: good */ }
    strictEqual(pwned, false);
  });
}

Deno.test("envCode(): export / unset for bash and zsh, set -gx / set -eg for fish", () => {
  deepStrictEqual(envCode("bash", [["A", "x y"], ["B", undefined]]).split("\n"), [
    "export A='x y'",
    "unset B",
    "",
  ]);
  deepStrictEqual(envCode("fish", [["A", "it's \\"], ["B", undefined]]).split("\n"), [
    "set -gx A 'it\\'s \\\\'",
    "set -eg B",
    "",
  ]);
  strictEqual(quoteForShell("zsh", "a\0b"), "'ab'");
  throws(() => envCode("bash", [["X; rm", "v"]]), /not a variable name/);
});
