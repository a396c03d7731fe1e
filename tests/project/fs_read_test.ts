/**
 * Detection's reads answer "not there" for whatever the OS refuses, a name too long for the
 * file system included (found by fuzzing a detect rule: Deno has no error class for
 * ENAMETOOLONG, and the plain Error it throws escaped as a stack trace).
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { listDir, readText, realPath, statId, statKind } from "../../src/project/fs_read.ts";

Deno.test("a name too long for the file system is simply not there", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const long = `${dir}/${"x".repeat(300)}`;
    strictEqual(await statKind(long), undefined);
    strictEqual(await statId(long), undefined);
    strictEqual(await readText(long), undefined);
    strictEqual(await realPath(long), undefined);
    deepStrictEqual(await listDir(long), []);
    strictEqual(await statKind(`${dir}/missing`), undefined);
    Deno.writeTextFileSync(`${dir}/f`, "");
    strictEqual(await statKind(`${dir}/f`), "file");
    strictEqual(await statKind(dir), "dir");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
