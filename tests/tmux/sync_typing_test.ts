/** SyncTyping: when a synchronized window's panes are typed and its synchronize-panes set. */
import { deepStrictEqual } from "node:assert/strict";
import { SyncTyping } from "../../src/tmux/sync_typing.ts";

const p = (key: string) => ({ key });
const keys = (panes: { key: string }[]) => panes.map((x) => x.key);

Deno.test("before: the window's panes wait for each other, then sync is set, then all are typed", () => {
  const s = new SyncTyping([{ panes: ["w1p1", "w1p2"], when: "before" }], [
    "w1p1",
    "w1p2",
    "w2p1",
  ]);
  const first = s.ready([p("w1p1"), p("w2p1")]);
  deepStrictEqual([keys(first.type), first.syncFirst], [["w2p1"], []]);
  deepStrictEqual(keys(s.held()), ["w1p1"]);
  const second = s.ready([p("w1p2")]);
  deepStrictEqual([keys(second.type), second.syncFirst], [["w1p1", "w1p2"], ["w1p1"]]);
  deepStrictEqual(s.held(), []);
  deepStrictEqual(s.typed(["w1p1", "w1p2"]), [], "a before window is not set again");
});

Deno.test("after: sync is set once every typed pane of the window has been typed", () => {
  const s = new SyncTyping([{ panes: ["w1p1", "w1p3"], when: "after" }], ["w1p1", "w1p3"]);
  const r = s.ready([p("w1p1")]);
  deepStrictEqual([keys(r.type), r.syncFirst], [["w1p1"], []]);
  deepStrictEqual(s.typed(["w1p1"]), []);
  deepStrictEqual(s.typed(["w1p3"]), ["w1p1"]);
  deepStrictEqual(s.typed(["w1p3"]), [], "once");
});

Deno.test("a window whose panes this phase does not type is left alone (--append)", () => {
  const s = new SyncTyping([
    { panes: ["w1p1"], when: "before" },
    { panes: ["w2p1"], when: "after" },
  ], ["w3p1"]);
  deepStrictEqual(keys(s.ready([p("w3p1")]).type), ["w3p1"]);
  deepStrictEqual(s.typed(["w3p1"]), []);
});
