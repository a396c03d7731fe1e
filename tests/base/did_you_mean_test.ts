import { strictEqual } from "node:assert/strict";
import { editDistance, suggest } from "../../src/base/did_you_mean.ts";

Deno.test("editDistance() counts a transposition as one edit", () => {
  strictEqual(editDistance("ab", "ba"), 1);
  strictEqual(editDistance("kitten", "sitting"), 3);
  strictEqual(editDistance("", "abc"), 3);
});

Deno.test("suggest() finds the key a typo meant, and nothing for unrelated words", async (t) => {
  const keys = ["interactive", "tmux_template", "tmux_session", "optional", "background", "name"];
  const cases: [string, string | undefined][] = [
    ["interactve", "interactive"],
    ["tmux_templte", "tmux_template"],
    ["tmux-session", "tmux_session"],
    ["Optional", "optional"],
    ["nmae", "name"],
    ["description", undefined],
    ["when", undefined],
  ];
  for (const [word, want] of cases) {
    await t.step(`${word} → ${want}`, () => strictEqual(suggest(word, keys), want));
  }
});
