/** Parsing `list-panes -a -F PANE_FORMAT`, on output captured from tmux 3.3a (capture.ts). */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import {
  groupBySession,
  parseEnvMark,
  parsePaneRows,
  readFields,
} from "../../src/tmux/snapshot_panes.ts";

const FIXTURE = new URL("../fixtures/tmux_snapshot/", import.meta.url).pathname;
const captured = Deno.readTextFileSync(`${FIXTURE}/list_panes.txt`);

Deno.test("parsePaneRows() reads every pane, whatever its names and directories hold", () => {
  const parsed = parsePaneRows(captured);
  if (!parsed.ok) throw new Error(`unreadable at ${parsed.offset}`);
  const { rows } = parsed;
  deepStrictEqual(rows.map((r) => `${r.session_name} ${r.window_id} ${r.pane_id}`), [
    "other @2 %3",
    "other @2 %4",
    "web @0 %0",
    "web @0 %1",
    "web @1 %2",
  ]);
  const dir = rows[0].session_path;
  strictEqual(dir.endsWith("/dir with spaces/é 中"), true);
  const base = dir.slice(0, -"/dir with spaces/é 中".length);
  // A raw tab in a directory, a raw unit separator and newline in a window name.
  strictEqual(rows[3].pane_current_path, `${base}/tab\there`);
  strictEqual(rows[4].window_name, "ctl\x1fname\nx");
  strictEqual(rows[2].pane_title, 'title: "q" $HOME #x');
  deepStrictEqual(
    [rows[2].window_layout, rows[2].window_zoomed_flag, rows[2].window_active],
    ["8b5f,160x48,0,0{80x48,0,0,0,79x48,81,0,1}", "1", "1"],
  );
  deepStrictEqual([rows[0]["@rune-project"], rows[2]["@rune-project"]], ["", "web"]);
  deepStrictEqual(parseEnvMark(rows[2]["@rune-env"]), {
    RUNE_PROJECT: "web",
    RUNE_PROJECT_DIR: "/p q",
  });
  deepStrictEqual(groupBySession(rows).map((g) => [g.id, g.rows.length]), [["$1", 2], ["$0", 3]]);
});

Deno.test("parsePaneRows() refuses output it cannot read exactly, and says where", async (t) => {
  const firstLine = captured.indexOf("\n") + 1;
  const cases: { name: string; text: string; offset: number }[] = [
    {
      name: "a length that runs past its value",
      text: captured.replace("5:other", "6:other"),
      offset: 0,
    },
    { name: "fields missing", text: "2:$0\t3:web\n", offset: 0 },
    { name: "a value that was not UTF-8 (decoded as U+FFFD)", text: "1:\ufffd\t", offset: 0 },
    {
      name: "a good row, then a bad one",
      text: captured.slice(0, firstLine) + "junk\n",
      offset: firstLine,
    },
  ];
  for (const c of cases) {
    await t.step(
      c.name,
      () => deepStrictEqual(parsePaneRows(c.text), { ok: false, offset: c.offset }),
    );
  }
});

Deno.test("readFields() counts bytes, not UTF-16 units", () => {
  const seps = { sep: "\t", end: "\n" };
  deepStrictEqual(readFields("5:é中\t2:ab\n", 0, 2, seps), { values: ["é中", "ab"], next: 10 });
  strictEqual(readFields("4:é中\t2:ab\n", 0, 2, seps), undefined);
  deepStrictEqual(readFields("4:😀\n", 0, 1, seps), { values: ["😀"], next: 5 });
});

Deno.test("parseEnvMark() takes only rune's JSON of strings", () => {
  deepStrictEqual(parseEnvMark(""), {});
  deepStrictEqual(parseEnvMark("not json"), {});
  deepStrictEqual(parseEnvMark('["a"]'), {});
  deepStrictEqual(parseEnvMark('{"A":"1","B":2}'), { A: "1" });
});
