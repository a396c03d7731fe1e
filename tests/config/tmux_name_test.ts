import { strictEqual } from "node:assert/strict";
import { sanitizeTmuxName, TMUX_NAME_MAX } from "../../src/config/tmux_name.ts";

Deno.test("sanitizeTmuxName() makes names tmux reads back exactly", async (t) => {
  const cases: [string, string][] = [
    ["dev-web", "dev-web"],
    ["home.arpa:lab", "home_arpa_lab"],
    ["a.b:c", "a_b_c"],
    ["..", "__"],
    ["sess#(touch /tmp/p)#{pane_id}", "sess_(touch /tmp/p)_{pane_id}"],
    ["x; rm -rf ~", "x; rm -rf ~"],
    ["tab\there\nnewline\x1b[31mred\x7f", "tabherenewline[31mred"],
    ["bidi \u202egnp.exe", "bidi gnp_exe"],
    ["  padded  ", "padded"],
    ["$1", "_1"],
    ["@2", "_2"],
    ["%3", "_3"],
    ["=exact", "_exact"],
    ["-dash", "_dash"],
    ["{last}", "_last}"],
    ["a-$1", "a-$1"],
    ["ünïcödé 🎉", "ünïcödé 🎉"],
    ["", "rune"],
    ["\n\t", "rune"],
  ];
  for (const [name, want] of cases) {
    await t.step(JSON.stringify(name), () => strictEqual(sanitizeTmuxName(name), want));
  }
  await t.step("a fallback of the caller's choosing", () => {
    strictEqual(sanitizeTmuxName("", "dev"), "dev");
  });
});

Deno.test("sanitizeTmuxName() cuts long names by characters, never inside one", () => {
  const long = "é".repeat(TMUX_NAME_MAX - 1) + "🎉🎉";
  const got = sanitizeTmuxName(long);
  strictEqual(Array.from(got).length, TMUX_NAME_MAX);
  strictEqual(got, "é".repeat(TMUX_NAME_MAX - 1) + "🎉");
  strictEqual(
    sanitizeTmuxName("x".repeat(TMUX_NAME_MAX - 1) + " y"),
    "x".repeat(TMUX_NAME_MAX - 1),
  );
});
