/**
 * awaitMarkers() on a real directory with a fake clock-free "tmux": retype() stands in for the
 * retyping call, and the test decides which markers a pane's shell "runs".
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { awaitMarkers } from "../../src/tmux/handshake.ts";

function withDir(fn: (dir: string) => Promise<void>) {
  return async () => {
    const dir = Deno.makeTempDirSync({ prefix: "rune-hs-" });
    try {
      await fn(dir);
    } finally {
      Deno.removeSync(dir, { recursive: true });
    }
  };
}

Deno.test(
  "markers that arrive need no retype: the common case costs no tmux call",
  withDir(async (dir) => {
    const retyped: string[][] = [];
    setTimeout(() => Deno.writeTextFileSync(`${dir}/w1p1`, ""), 20);
    Deno.writeTextFileSync(`${dir}/w1p2`, "");
    const r = await awaitMarkers(dir, ["w1p1", "w1p2"], {
      retype: (keys) => Promise.resolve(void retyped.push(keys)),
      retypeEveryMs: 5_000,
    });
    deepStrictEqual(r, { ready: ["w1p1", "w1p2"], silent: [], retypes: 0 });
    deepStrictEqual(retyped, []);
  }),
);

Deno.test(
  "a lost marker is retyped for that pane only, until its shell runs it",
  withDir(async (dir) => {
    Deno.writeTextFileSync(`${dir}/w1p1`, "");
    const retyped: string[][] = [];
    const r = await awaitMarkers(dir, ["w1p1", "w2p1"], {
      // The first retype is drained too; the second reaches the shell.
      retype: (keys) => {
        retyped.push(keys);
        if (retyped.length === 2) Deno.writeTextFileSync(`${dir}/w2p1`, "");
        return Promise.resolve();
      },
      retypeEveryMs: 30,
    });
    deepStrictEqual(retyped, [["w2p1"], ["w2p1"]]);
    deepStrictEqual(r, { ready: ["w1p1", "w2p1"], silent: [], retypes: 2 });
  }),
);

Deno.test(
  "a pane that never answers is reported silent at the deadline; Ctrl-C stops the wait",
  withDir(async (dir) => {
    const r = await awaitMarkers(dir, ["w1p1"], {
      retype: () => Promise.resolve(),
      retypeEveryMs: 20,
      deadlineMs: 100,
    });
    deepStrictEqual(r.silent, ["w1p1"]);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 20);
    const started = Date.now();
    const stopped = await awaitMarkers(dir, ["w1p1"], {
      retype: () => Promise.resolve(),
      deadlineMs: 60_000,
      signal: abort.signal,
    });
    deepStrictEqual(stopped.silent, ["w1p1"]);
    strictEqual(Date.now() - started < 30_000, true);
  }),
);
