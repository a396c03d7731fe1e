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

/** Every `#` sequence tmux 3.3a's format_expand treats specially (tmux_names.md N4). */
export const HASH_SEQUENCES: [string, string][] = [
  ["S#(touch /tmp/x)#{pane_id}", "S##(touch /tmp/x)##{pane_id}"],
  ["/tmp/d#(x);", "/tmp/d##(x);"],
  ["a#[fg=red]b##c", "a#[fg=red]b####c"],
  ["h#[x", "h#[x"],
  ["h##[x", "h##[x"],
  ["h###[x", "h###[x"],
  ["h#[", "h#["],
  ["#[#[", "#[#["],
  ["h#[#", "h#[##"],
  ["h#[#{x}", "h#[##{x}"],
  ["h##[##x##", "h##[####x####"],
  ["sub#[a/b##c/d#{e", "sub#[a/b####c/d##{e"],
  ["h#{x", "h##{x"],
  ["h#(x", "h##(x"],
  ["h#,x", "h##,x"],
  ["h#}x", "h##}x"],
  ["h#S", "h##S"],
  ["h#h", "h##h"],
  ["h##x", "h####x"],
  ["h###x", "h######x"],
  ["##", "####"],
  ["h#", "h##"],
  ["#", "##"],
  ["[#", "[##"],
  ["h%Y", "h%Y"],
  ["plain", "plain"],
];

Deno.test("literalFormat() doubles each run of # except one before [ (format_expand's rule)", async (t) => {
  for (const [value, want] of HASH_SEQUENCES) {
    await t.step(JSON.stringify(value), () => strictEqual(literalFormat(value), want));
  }
});

Deno.test("chain() joins commands with separate ; elements and escapes their arguments", () => {
  deepStrictEqual(
    chain([["new-session", "-d", "-s", "a;"], ["send-keys", "-l", "x;"], ["send-keys", "Enter"]]),
    ["new-session", "-d", "-s", "a\\;", ";", "send-keys", "-l", "x\\;", ";", "send-keys", "Enter"],
  );
});
