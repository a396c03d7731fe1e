/**
 * awaitPanes() on a real directory: the test plays the panes, writing what each one's pipe
 * (DIR/KEY.out) and marker (DIR/KEY) would receive; typeMarkers() and ready() record the calls.
 */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { awaitPanes, fileSource, READING } from "../../src/tmux/handshake.ts";
import type { HandshakeOptions, ReadyPane } from "../../src/tmux/handshake.ts";

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

/** Records every call; `onMarker` plays the shells that receive a marker. */
function recorder(extra: Partial<HandshakeOptions> & { onMarker?: (keys: string[]) => void }) {
  const calls: { ready: ReadyPane[][]; markers: string[][] } = { ready: [], markers: [] };
  const options: HandshakeOptions = {
    typeMarkers: (keys) => {
      calls.markers.push(keys);
      extra.onMarker?.(keys);
      return Promise.resolve();
    },
    ready: (panes) => Promise.resolve(void calls.ready.push(panes)),
    ...extra,
  };
  return { calls, options };
}

const append = (path: string, text: string) => Deno.writeTextFileSync(path, text, { append: true });

Deno.test(
  "a pane is ready when its line editor starts reading, even with the sequence split",
  withDir(async (dir) => {
    append(`${dir}/w1p1.out`, `rc output\r\n${READING}bash$ `);
    append(`${dir}/w1p2.out`, "rc output\r\n\x1b[?20");
    setTimeout(() => append(`${dir}/w1p2.out`, "04hzsh% "), 30);
    const { calls, options } = recorder({});
    const r = await awaitPanes(fileSource(dir), ["w1p1", "w1p2"], options);
    // The first waits a little for the second, so both are typed in one tmux call.
    deepStrictEqual(calls.ready, [[
      { key: "w1p1", piped: true, how: "editor" },
      { key: "w1p2", piped: true, how: "editor" },
    ]]);
    deepStrictEqual(calls.markers, [], "nothing but the commands is typed");
    deepStrictEqual(r.untyped, []);
    strictEqual(r.markers, 0);
  }),
);

Deno.test(
  "a shell that prints a prompt and goes quiet without saying so gets the marker, then its commands",
  withDir(async (dir) => {
    append(`${dir}/w1p1.out`, "$ ");
    // An rc that printed a line and is still busy waits the longer quiet time.
    append(`${dir}/w1p2.out`, "rc output\r\n");
    setTimeout(() => append(`${dir}/w1p2.out`, `${READING}bash$ `), 200);
    const { calls, options } = recorder({
      quietMs: { prompt: 50, line: 10_000 },
      batchMs: 0,
      onMarker: () => Deno.writeTextFileSync(`${dir}/w1p1`, ""),
    });
    const r = await awaitPanes(fileSource(dir), ["w1p1", "w1p2"], options);
    deepStrictEqual(calls.markers, [["w1p1"]]);
    deepStrictEqual(calls.ready, [
      [{ key: "w1p1", piped: true, how: "marker" }],
      [{ key: "w1p2", piped: true, how: "editor" }],
    ]);
    strictEqual(r.markers, 1);
  }),
);

Deno.test(
  "without rune's pipe the marker is typed, and retyped while a draining rc eats it",
  withDir(async (dir) => {
    let typed = 0;
    const { calls, options } = recorder({
      noPipeMs: 10,
      retypeEveryMs: 30,
      // The first marker is drained; the second reaches the shell.
      onMarker: () => {
        if (++typed === 2) Deno.writeTextFileSync(`${dir}/w2p1`, "");
      },
    });
    const r = await awaitPanes(fileSource(dir), ["w2p1"], options);
    deepStrictEqual(calls.markers, [["w2p1"], ["w2p1"]]);
    deepStrictEqual(calls.ready, [[{ key: "w2p1", piped: false, how: "marker" }]]);
    strictEqual(r.markers, 2);
  }),
);

Deno.test(
  "a silent pane is typed anyway at the deadline; Ctrl-C leaves the rest untyped",
  withDir(async (dir) => {
    append(`${dir}/w1p1.out`, "");
    const { calls, options } = recorder({ deadlineMs: 80, silentMs: 60_000 });
    await awaitPanes(fileSource(dir), ["w1p1"], options);
    deepStrictEqual(calls.ready, [[{ key: "w1p1", piped: true, how: "deadline" }]]);
    const abort = new AbortController();
    setTimeout(() => abort.abort(), 20);
    const started = Date.now();
    const stopped = await awaitPanes(fileSource(dir), ["w1p1"], {
      ...recorder({}).options,
      deadlineMs: 60_000,
      silentMs: 60_000,
      signal: abort.signal,
    });
    deepStrictEqual(stopped.untyped, [{ key: "w1p1", piped: true, how: "deadline" }]);
    deepStrictEqual(stopped.ready, []);
    ok(Date.now() - started < 30_000);
  }),
);
