/** Every reader through planImport: a first import adds what was read, a second adds nothing. */
import { deepStrictEqual } from "node:assert/strict";
import {
  importKey,
  planImport,
  readRuneSessions,
  readTimewarrior,
  readWatson,
} from "../../src/migrate/mod.ts";
import type { HistoryRead, HistoryRecord } from "../../src/migrate/mod.ts";
import type { Result } from "../../src/base/mod.ts";

const FIXTURES = new URL("../fixtures/migrate/", import.meta.url);
const text = (path: string) => Deno.readTextFileSync(new URL(path, FIXTURES));

const sources: { name: string; read: () => Result<HistoryRead> }[] = [
  {
    name: "Go Rune",
    read: () => readRuneSessions(Deno.readFileSync(new URL("rune_running.db", FIXTURES))),
  },
  { name: "Watson frames", read: () => readWatson(text("watson/frames")) },
  { name: "Watson log", read: () => readWatson(text("watson/log.json")) },
  {
    name: "Timewarrior",
    read: () =>
      readTimewarrior(["2020-12.data", "2021-01.data"].map((n) => ({
        name: n,
        text: text(`timewarrior/data/${n}`),
      }))),
  },
];

Deno.test("a second import of the same data adds nothing", async (t) => {
  for (const source of sources) {
    await t.step(source.name, () => {
      const read = source.read();
      if (!read.ok) throw new Error(read.error[0].problem);
      const first = planImport(read.value, { keys: new Set() });
      const open = first.add.find((r: HistoryRecord) => r.end === undefined);
      const stored = {
        keys: new Set(first.add.map(importKey)),
        ...(open ? { open: { key: importKey(open), source: open.source, start: open.start } } : {}),
      };
      const second = planImport(read.value, stored);
      deepStrictEqual(second.add, []);
      deepStrictEqual(second.close, []);
      deepStrictEqual(second.summary.added + second.summary.closed, 0);
      deepStrictEqual(second.summary.read, first.summary.read);
    });
  }
});
