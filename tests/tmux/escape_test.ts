import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { chain, literalFormat, tmuxArg, unchain } from "../../src/tmux/escape.ts";
import { HASH_SEQUENCES } from "../helpers/hostile.ts";

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

Deno.test("unchain() gives back the commands chain() joined, every argument exact", () => {
  const commands = [
    ["new-session", "-d", "-s", "a;"],
    ["send-keys", "-l", "echo c \\;"],
    ["send-keys", "-l", ";"],
    ["send-keys", "-l", "d;;"],
    ["send-keys", "-l", "mid;dle", ""],
    ["select-layout", "tiled"],
  ];
  deepStrictEqual(unchain(chain(commands)), commands);
});
