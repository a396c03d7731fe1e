/** Saved files on disk: the previous save kept, private modes, one writer at a time. */
import { deepStrictEqual, notStrictEqual, strictEqual } from "node:assert/strict";
import { listSaved, savedStem, withSaveLock, writeSaved } from "../../src/state/saved_store.ts";
import { waitFor } from "../helpers/wait_for.ts";

const text = (n: number) => `rune_saved_session: 1\nsaved_at: "t${n}"\nsession_name: "w${n}"\n`;

function inTemp(fn: (dir: string) => void | Promise<void>) {
  return async () => {
    const root = Deno.makeTempDirSync();
    try {
      await fn(`${root}/data/rune/saved`);
    } finally {
      Deno.removeSync(root, { recursive: true });
    }
  };
}

Deno.test(
  "writeSaved() keeps the save before it, and only when something changed",
  inTemp((dir) => {
    const first = writeSaved(dir, "web", text(1));
    deepStrictEqual(first, { ok: true, value: { path: `${dir}/web.yaml`, unchanged: false } });
    strictEqual(Deno.statSync(dir).mode! & 0o777, 0o700);
    strictEqual(Deno.statSync(`${dir}/web.yaml`).mode! & 0o777, 0o600);
    deepStrictEqual(listSaved(dir), [{ stem: "web", path: `${dir}/web.yaml` }]);

    writeSaved(dir, "web", text(2));
    strictEqual(Deno.readTextFileSync(`${dir}/web.yaml`), text(2));
    strictEqual(Deno.readTextFileSync(`${dir}/web.prev.yaml`), text(1));

    // The same state again (only the time differs): .prev stays the last different save.
    const again = writeSaved(dir, "web", text(2).replace('"t2"', '"t3"'));
    strictEqual(again.ok && again.value.unchanged, true);
    strictEqual(Deno.readTextFileSync(`${dir}/web.prev.yaml`), text(1));
    strictEqual(Deno.readTextFileSync(`${dir}/web.yaml`), text(2).replace('"t2"', '"t3"'));
    // Nothing else is left in the directory: no temporary or link files.
    deepStrictEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
      "web.prev.yaml",
      "web.yaml",
    ]);
    deepStrictEqual(listSaved(dir), [
      { stem: "web", path: `${dir}/web.yaml`, previous: `${dir}/web.prev.yaml` },
    ]);
  }),
);

Deno.test("savedStem() gives every name its own safe file name", () => {
  strictEqual(savedStem("dev-web"), "dev-web");
  const names = ["a b", "a-b", "a/b", "../x", ".hidden", "a\nb", "é 中", "x".repeat(300)];
  const stems = names.map(savedStem);
  strictEqual(new Set(stems).size, names.length);
  for (const s of stems) {
    strictEqual(/^[\p{L}\p{N}_+=@,][\p{L}\p{N}._+=@,-]*$/u.test(s), true, s);
    strictEqual(new TextEncoder().encode(s).length <= 110, true);
  }
  notStrictEqual(savedStem("a b"), savedStem("a-b"));
});

Deno.test(
  "writeSaved() fails as a value, and the earlier save stays",
  inTemp((dir) => {
    writeSaved(dir, "web", text(1));
    // .prev cannot be replaced (a directory with something in it): nothing is written.
    Deno.mkdirSync(`${dir}/web.prev.yaml/x`, { recursive: true });
    const r = writeSaved(dir, "web", text(2));
    strictEqual(r.ok ? "" : r.error.code, "save-write");
    strictEqual(Deno.readTextFileSync(`${dir}/web.yaml`), text(1));
    deepStrictEqual([...Deno.readDirSync(dir)].map((e) => e.name).sort(), [
      "web.prev.yaml",
      "web.yaml",
    ]);
    // A data directory that cannot exist (a file is in its place).
    Deno.writeTextFileSync(`${dir}/file`, "");
    const nowhere = writeSaved(`${dir}/file/saved`, "web", text(1));
    strictEqual(nowhere.ok ? "" : nowhere.error.code, "save-write");
  }),
);

Deno.test(
  "withSaveLock() lets one writer in at a time",
  inTemp(async (dir) => {
    const order: string[] = [];
    let release!: () => void;
    const held = new Promise<void>((r) => release = r);
    // The lock is an flock: a second process is what it keeps out.
    const first = withSaveLock(dir, 5_000, async () => {
      order.push("first in");
      await held;
      order.push("first out");
    });
    await waitFor(() => order.includes("first in"));
    const child = new Deno.Command(Deno.execPath(), {
      args: [
        "eval",
        `const f = Deno.openSync(${JSON.stringify(`${dir}/.lock`)}, { read: true, write: true });` +
        `const got = await Promise.race([f.lock(true).then(() => "locked"), ` +
        `new Promise((r) => setTimeout(() => r("waiting"), 300))]); console.log(got); Deno.exit(0);`,
      ],
      stdout: "piped",
    }).output();
    strictEqual(new TextDecoder().decode((await child).stdout).trim(), "waiting");
    release();
    await first;
    const second = await withSaveLock(dir, 100, () => Promise.resolve(order.push("second")));
    strictEqual(second.ok, true);
    deepStrictEqual(order, ["first in", "first out", "second"]);
  }),
);
