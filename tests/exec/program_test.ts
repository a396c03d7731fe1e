/** Programs are found on rune's PATH as Deno found them when it granted the run permission. */
import { strictEqual } from "node:assert/strict";
import { findProgram, searchPath, spawnablePath } from "../../src/exec/program.ts";

Deno.test("searchPath() takes the first executable file, in PATH order", async (t) => {
  const dir = Deno.makeTempDirSync();
  try {
    for (const d of ["a", "b", "c", "cwd/rel"]) Deno.mkdirSync(`${dir}/${d}`, { recursive: true });
    const put = (path: string, mode: number) => {
      Deno.writeTextFileSync(`${dir}/${path}`, "#!/bin/sh\n");
      Deno.chmodSync(`${dir}/${path}`, mode);
    };
    put("a/tool", 0o644); // not executable: skipped, as the shell and Deno skip it
    put("b/tool", 0o755);
    put("c/tool", 0o755);
    Deno.mkdirSync(`${dir}/a/dir-tool`);
    put("c/dir-tool", 0o755);
    put("cwd/here", 0o755);
    put("cwd/rel/inner", 0o755);
    const cwd = () => `${dir}/cwd`;
    const rows: [string, string, string, string | undefined][] = [
      ["the first executable wins", "tool", `${dir}/a:${dir}/b:${dir}/c`, `${dir}/b/tool`],
      [
        "a directory of that name is not a program",
        "dir-tool",
        `${dir}/a:${dir}/c`,
        `${dir}/c/dir-tool`,
      ],
      ["an empty entry is the current directory", "here", `${dir}/a::${dir}/b`, `${dir}/cwd/here`],
      ["a relative entry is under the current directory", "inner", "rel", `${dir}/cwd/rel/inner`],
      ["a trailing slash is fine", "tool", `${dir}/c/`, `${dir}/c/tool`],
      ["nowhere on PATH", "nosuch", `${dir}/a:${dir}/b`, undefined],
      ["a missing PATH directory is skipped", "tool", `${dir}/gone:${dir}/c`, `${dir}/c/tool`],
    ];
    for (const [name, program, path, want] of rows) {
      await t.step(name, () => strictEqual(searchPath(program, path, cwd), want));
    }
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("findProgram() keeps a path as it is and finds sh on rune's own PATH", () => {
  strictEqual(findProgram("/bin/echo"), "/bin/echo");
  strictEqual(findProgram("sh"), searchPath("sh", Deno.env.get("PATH") ?? "", () => Deno.cwd()));
  strictEqual(findProgram("rune-test-no-such-program"), undefined);
});

Deno.test("spawnablePath(): an allowed program's path; nothing for one that is not installed", () => {
  // A denial (NotCapable, no prompt) needs a narrower permission set than the tests': see
  // tests/e2e/permission_prompt_test.ts.
  strictEqual(spawnablePath("sh"), findProgram("sh"));
  strictEqual(spawnablePath("rune-test-no-such-program"), undefined);
});
