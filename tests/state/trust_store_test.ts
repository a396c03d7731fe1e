/** The trust store: path + SHA-256 + text, 0600, atomic; a damaged store trusts nothing. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import {
  readTrustStore,
  trustState,
  trustStorePath,
  withTrusted,
  writeTrustStore,
} from "../../src/state/mod.ts";
import { sha256Hex } from "../../src/base/mod.ts";
import { firstNotice } from "../../src/state/mod.ts";

Deno.test("the trust store round-trips, 0600 in a 0700 dir, and tells trusted from changed", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const data = `${dir}/data/rune`;
    deepStrictEqual(readTrustStore(data), { ok: true, value: [] });
    const sha = await sha256Hex(new TextEncoder().encode("abc"));
    strictEqual(sha, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    const entry = {
      path: "/p/.rune.yaml",
      sha256: sha,
      project: "web",
      trusted_at: "t",
      content: "abc",
    };
    ok(writeTrustStore(data, withTrusted([], entry)).ok);
    strictEqual(Deno.statSync(trustStorePath(data)).mode! & 0o777, 0o600);
    strictEqual(Deno.statSync(data).mode! & 0o777, 0o700);
    const read = readTrustStore(data);
    ok(read.ok);
    deepStrictEqual(read.value, [entry]);
    strictEqual(trustState(read.value, "/p/.rune.yaml", sha).state, "trusted");
    strictEqual(trustState(read.value, "/p/.rune.yaml", "0".repeat(64)).state, "changed");
    strictEqual(trustState(read.value, "/q/.rune.yaml", sha).state, "new");
    Deno.writeTextFileSync(trustStorePath(data), "{ not json");
    const damaged = readTrustStore(data);
    ok(!damaged.ok && damaged.error.code === "trust-store");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("firstNotice() is true once per path and content", () => {
  const dir = Deno.makeTempDirSync();
  try {
    deepStrictEqual(
      [
        firstNotice(dir, "/p", "a"),
        firstNotice(dir, "/p", "a"),
        firstNotice(dir, "/p", "b"),
        firstNotice(dir, "/q", "b"),
        firstNotice(dir, "/p", "b"),
      ],
      [true, false, true, true, false],
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
