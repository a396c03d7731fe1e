import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { chain, literalFormat, tmuxArg } from "../../src/tmux/escape.ts";

Deno.test("tmuxArg() escapes a trailing ; and nothing else (FACTS §2 round trip)", async (t) => {
  const cases: [string, string][] = [
    ["echo trailing-semi;", "echo trailing-semi\\;"],
    ["echo c \\;", "echo c \\\\;"],
    ["d;;", "d;\\;"],
    [";", "\\;"],
    ["echo mid;dle", "echo mid;dle"],
    ["plain", "plain"],
    ["", ""],
  ];
  for (const [input, want] of cases) {
    await t.step(JSON.stringify(input), () => strictEqual(tmuxArg(input), want));
  }
});

Deno.test("literalFormat() doubles # so #(cmd) and #{…} stay text", () => {
  strictEqual(literalFormat("S#(touch /tmp/x)#{pane_id}"), "S##(touch /tmp/x)##{pane_id}");
  strictEqual(literalFormat("/tmp/d#(x);"), "/tmp/d##(x);");
});

Deno.test("chain() joins commands with separate ; elements and escapes their arguments", () => {
  deepStrictEqual(
    chain([["new-session", "-d", "-s", "a;"], ["send-keys", "-l", "x;"], ["send-keys", "Enter"]]),
    ["new-session", "-d", "-s", "a\\;", ";", "send-keys", "-l", "x\\;", ";", "send-keys", "Enter"],
  );
});
