/**
 * The bbolt reader against files the real bbolt library wrote (tests/fixtures/migrate, made by
 * gen_bbolt/main.go), compared with what that library reads back from them (NAME.dump.json).
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { createHash } from "node:crypto";
import { findBucket, readBolt } from "../../src/migrate/bbolt.ts";
import type { BoltBucket } from "../../src/migrate/bbolt.ts";
import { buildBolt, resum, writeMeta } from "./bolt_builder.ts";

const FIXTURES = new URL("../fixtures/migrate/", import.meta.url);
const NAMES = ["rune_running", "rune_paused", "rune_empty", "rune_many", "bolt_shapes"];

function fixture(name: string): Uint8Array {
  return Deno.readFileSync(new URL(`${name}.db`, FIXTURES));
}

function expectedDump(name: string) {
  return JSON.parse(Deno.readTextFileSync(new URL(`${name}.dump.json`, FIXTURES)));
}

const hex = (b: Uint8Array) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");

/** The dump gen_bbolt writes, computed from rune's reader instead of from bbolt. */
function dumpOf(bucket: BoltBucket): unknown {
  const hash = createHash("sha256");
  const len = new Uint8Array(4);
  let small = true;
  for (const { key, value } of bucket.pairs) {
    for (const part of [key, value]) {
      new DataView(len.buffer).setUint32(0, part.length, false);
      hash.update(len);
      hash.update(part);
    }
    if (key.length > 1024 || value.length > 1024) small = false;
  }
  return {
    count: bucket.pairs.length,
    sha256: hash.digest("hex"),
    ...(small && bucket.pairs.length > 0 && bucket.pairs.length <= 50
      ? { pairs: bucket.pairs.map((p) => ({ k: hex(p.key), v: hex(p.value) })) }
      : {}),
    buckets: bucket.buckets.map((c) => ({ key: hex(c.name), bucket: dumpOf(c.bucket) })),
  };
}

function mustRead(bytes: Uint8Array) {
  const result = readBolt(bytes);
  if (!result.ok) throw new Error(result.error[0].problem);
  return result.value;
}

Deno.test("readBolt() reads what the real bbolt library reads back", async (t) => {
  for (const name of NAMES) {
    await t.step(name, () => {
      const file = mustRead(fixture(name));
      deepStrictEqual(
        { pageSize: file.pageSize, txid: file.txid, root: dumpOf(file.root) },
        expectedDump(name),
      );
    });
  }
});

Deno.test("readBolt() handles 1 KiB, 4 KiB and 16 KiB pages", () => {
  const sizes = ["rune_many", "rune_running", "bolt_shapes"].map((n) =>
    mustRead(fixture(n)).pageSize
  );
  deepStrictEqual(sizes, [1024, 4096, 16384]);
});

Deno.test("readBolt() reads values and keys that span overflow pages", () => {
  const file = mustRead(fixture("bolt_shapes"));
  const big = findBucket(file.root, "big");
  ok(big);
  const sizes = big.pairs.map((p) => [p.key.length, p.value.length]);
  deepStrictEqual(sizes.sort((a, b) => a[0] - b[0]), [[4, 100_000], [6, 20_000], [600, 30]]);
  const many = findBucket(mustRead(fixture("rune_many")).root, "sessions");
  ok(many);
  strictEqual(many.pairs.length, 1201);
  ok(many.pairs.some((p) => p.value.length > 2000));
});

Deno.test("findBucket() finds nested and inline buckets by name", () => {
  const root = mustRead(fixture("bolt_shapes")).root;
  const l2 = findBucket(findBucket(findBucket(root, "nest")!, "l1")!, "l2");
  deepStrictEqual(
    l2?.pairs.map((p) => new TextDecoder().decode(p.value)),
    ["three levels down"],
  );
  const inner = findBucket(findBucket(root, "alpha")!, "inner");
  strictEqual(inner?.pairs.length, 2);
  deepStrictEqual(findBucket(root, "empty"), { pairs: [], buckets: [] });
  strictEqual(findBucket(root, "doomed"), undefined);
  strictEqual(findBucket(root, "ключи ✓")?.pairs.length, 1);
});

Deno.test("readBolt() falls back to the older meta page when the newer one is damaged", () => {
  const bytes = fixture("bolt_shapes").slice();
  const want = expectedDump("bolt_shapes");
  const newer = want.txid % 2; // bbolt writes txid N to meta page N % 2
  bytes[newer * 16384 + 16 + 20] ^= 0xff; // a byte of the root field: checksum now fails
  const file = mustRead(bytes);
  strictEqual(file.txid, want.txid - 1);
  const marker = hex(new TextEncoder().encode("marker"));
  deepStrictEqual(dumpOf(file.root), {
    ...want.root,
    buckets: want.root.buckets.filter((c: { key: string }) => c.key !== marker),
  });
});

Deno.test("readBolt() finds the page size from meta 1 when meta 0 is damaged", () => {
  for (const name of ["rune_many", "rune_running", "bolt_shapes"]) {
    const bytes = fixture(name).slice();
    bytes.fill(0, 0, 64);
    const file = mustRead(bytes);
    strictEqual(file.pageSize, expectedDump(name).pageSize);
  }
});

const damageCases: { name: string; bytes: () => Uint8Array; code: string; problem: string }[] = [
  {
    name: "an empty file",
    bytes: () => new Uint8Array(0),
    code: "bbolt-not-bbolt",
    problem: "the file has 0 bytes, too few for a meta page",
  },
  {
    name: "a JSON file",
    bytes: () => new TextEncoder().encode(JSON.stringify({ sessions: [] }).repeat(100)),
    code: "bbolt-not-bbolt",
    problem: "meta page 0: no bbolt magic number",
  },
  {
    name: "both meta pages damaged",
    bytes: () => {
      const b = fixture("rune_running").slice();
      b[16 + 60] ^= 1;
      b[4096 + 16 + 60] ^= 1;
      return b;
    },
    code: "bbolt-damaged",
    problem: "meta page 0: checksum mismatch",
  },
  {
    name: "another format version",
    bytes: () => {
      const b = buildBolt(4096, [{ kind: "leaf", pairs: [] }]);
      const view = new DataView(b.buffer);
      for (const at of [0, 4096]) {
        view.setUint32(at + 20, 1, true);
        resum(view, at);
      }
      return b;
    },
    code: "bbolt-damaged",
    problem: "meta page 0: format version 1, rune reads version 2",
  },
  {
    name: "a truncated copy",
    bytes: () => fixture("rune_many").slice(0, 64 * 1024),
    code: "bbolt-damaged",
    problem: "", // checked by prefix below
  },
  {
    name: "a branch page that points to itself",
    bytes: () => buildBolt(4096, [{ kind: "branch", children: [2] }]),
    code: "bbolt-damaged",
    problem: "page 2 is referenced twice",
  },
  {
    name: "a branch that points past the high-water mark",
    bytes: () => buildBolt(4096, [{ kind: "branch", children: [9] }]),
    code: "bbolt-damaged",
    problem: "a reference to page 9, outside 2..2",
  },
  {
    name: "a root that is a freelist page",
    bytes: () => buildBolt(4096, [{ kind: "raw", flags: 0x10, count: 0 }]),
    code: "bbolt-damaged",
    problem: "page 2 has flags 0x10, neither branch nor leaf",
  },
  {
    name: "a leaf with more elements than fit",
    bytes: () => buildBolt(1024, [{ kind: "raw", flags: 0x02, count: 4000 }]),
    code: "bbolt-damaged",
    problem: "page 2 has more elements than fit in it",
  },
  {
    name: "a page whose header names another page",
    bytes: () => {
      const b = buildBolt(4096, [{ kind: "leaf", pairs: [] }]);
      new DataView(b.buffer).setUint32(2 * 4096, 7, true);
      return b;
    },
    code: "bbolt-damaged",
    problem: "page 2 has the header of page 7",
  },
];

Deno.test("readBolt() returns damaged or foreign input as an issue", async (t) => {
  for (const c of damageCases) {
    await t.step(c.name, () => {
      const result = readBolt(c.bytes());
      ok(!result.ok);
      strictEqual(result.error.length, 1);
      const [issue] = result.error;
      strictEqual(issue.code, c.code);
      strictEqual(issue.severity, "error");
      ok(issue.problem.startsWith("Cannot read the bbolt file: "), issue.problem);
      if (c.problem) strictEqual(issue.problem, `Cannot read the bbolt file: ${c.problem}`);
      ok(issue.hint);
    });
  }
});

Deno.test("readBolt() reads a hand-built file and picks the meta with the higher txid", () => {
  const bytes = buildBolt(4096, [{ kind: "leaf", pairs: [["a", "1"]] }, {
    kind: "leaf",
    pairs: [["b", "2"]],
  }]);
  const view = new DataView(bytes.buffer);
  writeMeta(view, 4096, { pageSize: 4096, root: 3, highWater: 4, txid: 8 });
  const file = mustRead(bytes);
  deepStrictEqual([file.txid, hex(file.root.pairs[0].key)], [
    8,
    hex(new TextEncoder().encode("b")),
  ]);
});

Deno.test("readBolt() never throws on randomly damaged pages", () => {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (const name of ["rune_running", "bolt_shapes", "rune_many"]) {
    const original = fixture(name);
    const pageSize = mustRead(original).pageSize;
    const used = Math.min(original.length, 200 * pageSize);
    for (let round = 0; round < 100; round++) {
      const bytes = original.slice();
      for (let i = 0; i < 1 + Math.floor(random() * 8); i++) {
        const at = 2 * pageSize + Math.floor(random() * (used - 2 * pageSize));
        bytes[at] = Math.floor(random() * 256);
      }
      const result = readBolt(bytes);
      ok(result.ok || result.error[0].code === "bbolt-damaged");
    }
  }
});
