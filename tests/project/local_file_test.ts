/** findLocalFile(): the nearest .rune.yaml, up to the git root, keyed by its directory's real path. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { findLocalFile } from "../../src/project/mod.ts";

Deno.test("findLocalFile() looks up to the git root, and never past HOME", async () => {
  const root = Deno.realPathSync(Deno.makeTempDirSync());
  try {
    const repo = `${root}/home/repo`;
    Deno.mkdirSync(`${repo}/.git`, { recursive: true });
    Deno.mkdirSync(`${repo}/src/deep`, { recursive: true });
    Deno.writeTextFileSync(`${repo}/.rune.yaml`, "");
    Deno.writeTextFileSync(`${root}/home/.rune.yaml`, "");
    const env = { HOME: `${root}/home` };
    const found = await findLocalFile(`${repo}/src/deep`, env, ".rune.yaml");
    deepStrictEqual(found, {
      path: `${repo}/.rune.yaml`,
      dir: repo,
      key: `${repo}/.rune.yaml`,
      symlink: false,
    });
    // Outside a repository only the cwd is looked at; HOME's own file only from HOME.
    Deno.mkdirSync(`${root}/home/loose`);
    strictEqual(await findLocalFile(`${root}/home/loose`, env, ".rune.yaml"), undefined);
    strictEqual((await findLocalFile(`${root}/home`, env, ".rune.yaml"))?.dir, `${root}/home`);
    // Through a symlinked directory, the key is the real one; a linked file says so.
    Deno.symlinkSync(repo, `${root}/link`);
    strictEqual(
      (await findLocalFile(`${root}/link`, env, ".rune.yaml"))?.key,
      `${repo}/.rune.yaml`,
    );
    Deno.mkdirSync(`${root}/other/.git`, { recursive: true });
    Deno.symlinkSync(`${repo}/.rune.yaml`, `${root}/other/.rune.yaml`);
    strictEqual((await findLocalFile(`${root}/other`, env, ".rune.yaml"))?.symlink, true);
  } finally {
    Deno.removeSync(root, { recursive: true });
  }
});
