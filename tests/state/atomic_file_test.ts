/** writeFileAtomic(): the whole text or the old file, mode 0600, no temporary file left. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { writeFileAtomic } from "../../src/state/mod.ts";

Deno.test("writeFileAtomic() replaces the file whole, mode 0600, leaving nothing beside it", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/report.csv`;
    Deno.writeTextFileSync(path, "old", { mode: 0o644 });
    const r = writeFileAtomic(path, ["a,b\n", "1,2\n"]);
    strictEqual(r.ok, true);
    strictEqual(Deno.readTextFileSync(path), "a,b\n1,2\n");
    strictEqual(Deno.statSync(path).mode! & 0o777, 0o600);
    deepStrictEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["report.csv"]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("writeFileAtomic() says why it cannot write, and leaves the old file", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const missing = writeFileAtomic(`${dir}/no/such/r.csv`, ["x"]);
    deepStrictEqual(!missing.ok && [missing.error.problem, missing.error.hint], [
      `Cannot write "${dir}/no/such/r.csv": the directory "${dir}/no/such" does not exist`,
      `Create it first (mkdir -p ${dir}/no/such), or give another --output`,
    ]);
    Deno.mkdirSync(`${dir}/sub`);
    const onDir = writeFileAtomic(`${dir}/sub`, ["x"]);
    strictEqual(onDir.ok, false);
    strictEqual(Deno.statSync(`${dir}/sub`).isDirectory, true);
    deepStrictEqual([...Deno.readDirSync(dir)].map((e) => e.name), ["sub"]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
