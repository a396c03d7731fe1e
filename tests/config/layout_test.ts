/** checkLayout(): presets, and layout strings checked the way tmux 3.3a checks them. */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { checkLayout, layoutChecksum } from "../../src/config/layout.ts";

Deno.test("layoutChecksum() matches tmux's own (from #{window_layout} on tmux 3.3a)", () => {
  // Printed by tmux 3.3a for a 200x50 window split -h then -v.
  strictEqual(
    layoutChecksum("200x50,0,0{100x50,0,0,0,99x50,101,0[99x25,101,0,1,99x24,101,26,2]}"),
    "21be",
  );
  // Accepted by select-layout on tmux 3.3a (rc 0); the same body with "a5e1" was rejected.
  strictEqual(layoutChecksum("200x50,0,0{100x50,0,0,0,99x50,101,0,1}"), "cf3a");
});

Deno.test("checkLayout() verdicts", async (t) => {
  const cases: [string, ReturnType<typeof checkLayout>][] = [
    ["tiled", { ok: true, kind: "preset" }],
    ["main-vertical", { ok: true, kind: "preset" }],
    ["cf3a,200x50,0,0{100x50,0,0,0,99x50,101,0,1}", { ok: true, kind: "custom", panes: 2 }],
    [
      "21be,200x50,0,0{100x50,0,0,0,99x50,101,0[99x25,101,0,1,99x24,101,26,2]}",
      { ok: true, kind: "custom", panes: 3 },
    ],
    // Pane ids are optional in tmux's grammar.
    [`${layoutChecksum("80x24,0,0")},80x24,0,0`, { ok: true, kind: "custom", panes: 1 }],
    ["main-horizonal", {
      ok: false,
      problem: "it is neither a tmux layout name nor a layout string",
      hint: 'Did you mean "main-horizontal"?',
    }],
    ["grid", {
      ok: false,
      problem: "it is neither a tmux layout name nor a layout string",
      hint: "Use one of even-horizontal, even-vertical, main-horizontal, main-vertical, tiled, " +
        "or a layout string from tmux display -p '#{window_layout}'",
    }],
    ["a5e1,200x50,0,0{100x50,0,0,0,99x50,101,0,1}", {
      ok: false,
      problem: 'tmux rejects its checksum "a5e1": the layout\'s checksum is "cf3a"',
      hint: 'Write "cf3a,200x50,0,0{100x50,0,0,0,99x50,101,0,1}", or copy the layout from ' +
        "tmux display -p '#{window_layout}'",
    }],
    ["cf3a,200x50,0,0{100x50,0,0,0", {
      ok: false,
      problem: "tmux cannot read it as a layout string",
      hint: "Copy the layout again from tmux display -p '#{window_layout}'",
    }],
  ];
  for (const [text, want] of cases) {
    await t.step(text, () => deepStrictEqual(checkLayout(text), want));
  }
});

Deno.test("checkLayout() accepts what tmux 3.3a accepts: sizes need not add up, ids optional", () => {
  // Both were accepted by select-layout on a 200x50 two-pane window (rc 0).
  for (
    const body of ["200x50,0,0{100x50,0,0,0,90x50,101,0,1}", "200x50,0,0{100x50,0,0,99x50,101,0}"]
  ) {
    deepStrictEqual(checkLayout(`${layoutChecksum(body)},${body}`), {
      ok: true,
      kind: "custom",
      panes: 2,
    });
  }
});
