/**
 * What the build's control client makes of each pane's %output: the line editor's "reading"
 * sequence and rune's marker signal found even when tmux cuts them between two events, the
 * echo of a typed marker never taken for the signal, and the pane's lines for output conditions.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  CONTROL_MARKER_LINE,
  controlSource,
  MARKER_SIGNAL,
  PaneOutput,
  PaneOutputs,
} from "../../src/tmux/pane_output.ts";
import { READING } from "../../src/tmux/handshake.ts";

const bytes = (s: string) => new TextEncoder().encode(s);

Deno.test("the reading sequence is found when cut anywhere between two events", () => {
  const whole = `rc-output\r\n${READING}bash$ `;
  for (let cut = 1; cut < whole.length; cut++) {
    const p = new PaneOutput();
    p.feed(bytes(whole.slice(0, cut)), 1);
    p.feed(bytes(whole.slice(cut)), 2);
    strictEqual(p.reading, true, `cut at ${cut}`);
    strictEqual(p.marker, false);
  }
});

Deno.test("the marker's own echo is not its signal; running it is, even cut in two", () => {
  const p = new PaneOutput();
  // The tty and the line editor echo the typed text: backslashes and digits, no ESC.
  p.feed(bytes(`${CONTROL_MARKER_LINE}\r\n`), 1);
  strictEqual(p.marker, false);
  const ran = `\x1b[H\x1b[2J\x1b[3J${MARKER_SIGNAL}$ `;
  p.feed(bytes(ran.slice(0, 15)), 2);
  p.feed(bytes(ran.slice(15)), 3);
  strictEqual(p.marker, true);
});

Deno.test("lines: plain text since a line number, the unfinished one last; the last lines", () => {
  const p = new PaneOutput();
  const chunks = [
    "$ ./db\r\n\x1b[32mLOG:\x1b[0m starting\r\n",
    "LOG: ready to accept connections\r\nPassw",
    "ord: ",
  ];
  p.feed(bytes(chunks[0]), 1);
  const since = p.lineCount;
  p.feed(bytes(chunks[1]), 2);
  p.feed(bytes(chunks[2]), 3);
  deepStrictEqual(p.linesSince(since), ["LOG: ready to accept connections", "Password: "]);
  deepStrictEqual(p.lastLines(2), ["LOG: ready to accept connections", "Password: "]);
  strictEqual(p.lineEnded, false);
  strictEqual(p.bytes, bytes(chunks.join("")).length);
  strictEqual(p.lastOutput, 3);
});

Deno.test("controlSource(): the handshake's look at a pane, by key, before and after output", async () => {
  const outputs = new PaneOutputs(() => 5);
  const source = controlSource(outputs, (key) => (key === "w1p1" ? "%3" : "%4"));
  deepStrictEqual(source.look("w1p1"), {
    watched: true,
    bytes: 0,
    lineEnded: false,
    reading: false,
    marker: false,
  });
  const woke = source.wait!(60_000);
  outputs.feed("%3", bytes(`${READING}$ `));
  await woke; // output wakes the wait long before its time
  strictEqual(source.look("w1p1").reading, true);
  strictEqual(source.look("w1p2").reading, false, "another pane's output is its own");
});
