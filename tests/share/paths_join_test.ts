import { deepStrictEqual, ok as assertOk } from "node:assert/strict";
import { pathsIn, shareBase, shareRoot, shareSlug } from "../../src/share/paths.ts";
import { parseJoinTarget } from "../../src/share/join.ts";

Deno.test("shareRoot()/shareBase(): /tmp unless RUNE_SHARE_DIR is an absolute path", () => {
  deepStrictEqual(shareRoot({}), "/tmp");
  deepStrictEqual(shareRoot({ RUNE_SHARE_DIR: "relative/dir" }), "/tmp");
  deepStrictEqual(shareRoot({ RUNE_SHARE_DIR: "/srv/share/" }), "/srv/share");
  deepStrictEqual(shareBase({}, 1000), "/tmp/rune-share-1000");
});

Deno.test("shareSlug(): safe ASCII, short, and different names never share a directory", async () => {
  const a = await shareSlug("a/b");
  const b = await shareSlug("a_b");
  const c = await shareSlug("a-b");
  assertOk(a !== b && b !== c && a !== c, `${a} ${b} ${c}`);
  for (const name of ["../..", "#(touch /tmp/p)", "ünï/../x", "x".repeat(300), ";", "-rf"]) {
    const slug = await shareSlug(name);
    assertOk(/^[A-Za-z0-9_][A-Za-z0-9_-]*-[0-9a-f]{8}$/.test(slug), slug);
    assertOk(slug.length <= 49, slug);
  }
  deepStrictEqual(await shareSlug("dev-web"), await shareSlug("dev-web"));
});

Deno.test("pathsIn() refuses a socket path longer than a Unix socket may be", () => {
  const good = pathsIn("/tmp/rune-share-0", "dev-1a2b3c4d");
  deepStrictEqual(good.ok && good.value.socket, "/tmp/rune-share-0/dev-1a2b3c4d/sock");
  const bad = pathsIn(`/${"d".repeat(90)}/rune-share-0`, "dev-1a2b3c4d");
  assertOk(
    !bad.ok && /at most 104/.test(bad.error.problem) && /RUNE_SHARE_DIR/.test(bad.error.hint!),
  );
});

Deno.test("parseJoinTarget() splits OWNER/SESSION at the first slash", () => {
  const r = parseJoinTarget("alice/a/b c");
  deepStrictEqual(r.ok && r.value, { owner: "alice", session: "a/b c" });
  for (const bad of ["alice", "/dev", "alice/", "#(id)/dev", "Alice Smith/dev"]) {
    const got = parseJoinTarget(bad);
    assertOk(!got.ok && got.error.exit === "usage", bad);
  }
});
