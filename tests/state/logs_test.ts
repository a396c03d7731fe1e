/** rune's logs directory: listing, the last lines, what was appended since. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { lastLines, listLogs, readSince } from "../../src/state/mod.ts";

function value<T>(r: { ok: true; value: T } | { ok: false; error: { problem: string } }): T {
  if (!r.ok) throw new Error(r.error.problem);
  return r.value;
}

Deno.test("listLogs() finds *.log files one level down, newest first; none without a dir", () => {
  const dir = Deno.makeTempDirSync();
  try {
    deepStrictEqual(value(listLogs(`${dir}/missing`)), []);
    Deno.mkdirSync(`${dir}/web`);
    Deno.writeTextFileSync(`${dir}/web/dev-1.log`, "a\n");
    Deno.writeTextFileSync(`${dir}/tmux-close-hook.log`, "b\n");
    Deno.writeTextFileSync(`${dir}/notes.txt`, "c\n");
    Deno.utimeSync(`${dir}/web/dev-1.log`, 1000, 1000);
    const names = value(listLogs(dir)).map((l) => [l.name, l.size]);
    deepStrictEqual(names, [["tmux-close-hook.log", 2], ["web/dev-1.log", 2]]);
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("lastLines() gives the last n lines, across read blocks, with or without a final newline", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/x.log`;
    const lines = Array.from({ length: 20_000 }, (_, i) => `line ${i}`);
    Deno.writeTextFileSync(path, lines.join("\n") + "\n");
    strictEqual(value(lastLines(path, 3)).text, "line 19997\nline 19998\nline 19999\n");
    strictEqual(value(lastLines(path, 20_000)).text.split("\n").length, 20_001);
    strictEqual(value(lastLines(path, 0)).text, "");
    Deno.writeTextFileSync(path, "one\ntwo\nthree");
    strictEqual(value(lastLines(path, 2)).text, "two\nthree");
    strictEqual(value(lastLines(path, 10)).text, "one\ntwo\nthree");
    const missing = lastLines(`${dir}/nope.log`, 1);
    strictEqual(
      !missing.ok && missing.error.problem,
      `Cannot read "${dir}/nope.log": it does not exist`,
    );
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});

Deno.test("readSince() reads what was appended, and from the start after a truncation", () => {
  const dir = Deno.makeTempDirSync();
  try {
    const path = `${dir}/x.log`;
    Deno.writeTextFileSync(path, "first\n");
    const a = value(readSince(path, 0));
    deepStrictEqual(a, { text: "first\n", size: 6 });
    Deno.writeTextFileSync(path, "second\n", { append: true });
    deepStrictEqual(value(readSince(path, a.size)), { text: "second\n", size: 13 });
    deepStrictEqual(value(readSince(path, 13)), { text: "", size: 13 });
    Deno.writeTextFileSync(path, "new\n");
    deepStrictEqual(value(readSince(path, 13)), { text: "new\n", size: 4 });
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
