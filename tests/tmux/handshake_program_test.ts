/**
 * awaitPanes() for panes that run a program instead of a shell (a template's `shell:`): the
 * marker is shell text, so they never get it; they are ready when the program says it reads
 * (bracketed paste) or has printed and gone quiet.
 */
import { deepStrictEqual } from "node:assert/strict";
import { awaitPanes, fileSource, READING } from "../../src/tmux/handshake.ts";
import type { ReadyPane } from "../../src/tmux/handshake.ts";

async function run(setup: (dir: string) => void, programs: string[], keys: string[]) {
  const dir = Deno.makeTempDirSync({ prefix: "rune-hsp-" });
  try {
    setup(dir);
    const ready: ReadyPane[] = [];
    const markers: string[][] = [];
    const r = await awaitPanes(fileSource(dir), keys, {
      programs: new Set(programs),
      // The shells that get the marker run it.
      typeMarkers: (k) => {
        markers.push(k);
        for (const key of k) Deno.writeTextFileSync(`${dir}/${key}`, "");
        return Promise.resolve();
      },
      ready: (panes) => Promise.resolve(void ready.push(...panes)),
      quietMs: { prompt: 50, line: 100 },
      noPipeMs: 100,
      deadlineMs: 3000,
    });
    deepStrictEqual(r.untyped, []);
    return { ready, markers };
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
}

Deno.test("a program that printed its prompt and went quiet is ready, and gets no marker", async () => {
  const { ready, markers } = await run(
    (dir) => Deno.writeTextFileSync(`${dir}/w1p1.out`, "Python 3.11\r\n>>> "),
    ["w1p1"],
    ["w1p1"],
  );
  deepStrictEqual(ready, [{ key: "w1p1", piped: true, how: "quiet" }]);
  deepStrictEqual(markers, []);
});

Deno.test("a program that turns on bracketed paste (vim) is ready at once", async () => {
  const { ready } = await run(
    (dir) => Deno.writeTextFileSync(`${dir}/w1p1.out`, `\x1b[?1049h${READING}`),
    ["w1p1"],
    ["w1p1"],
  );
  deepStrictEqual(ready, [{ key: "w1p1", piped: true, how: "editor" }]);
});

Deno.test("only the shell pane beside a program pane gets the marker", async () => {
  const { ready, markers } = await run(
    (dir) => {
      Deno.writeTextFileSync(`${dir}/w1p1.out`, "$ ");
      Deno.writeTextFileSync(`${dir}/w1p2.out`, "top - 10:00:00 up 1 day\r\n");
    },
    ["w1p2"],
    ["w1p1", "w1p2"],
  );
  deepStrictEqual(markers, [["w1p1"]]);
  deepStrictEqual(ready.map((p) => [p.key, p.how]).sort(), [["w1p1", "marker"], ["w1p2", "quiet"]]);
});
