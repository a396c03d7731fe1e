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
    ["working_directory", undefined], // no such key among these
    ["tmux_sess", "tmux_session"],
    ["backgrnd", "background"],
  ];
  for (const [word, want] of cases) {
    await t.step(`${word} → ${want}`, () => strictEqual(suggest(word, keys), want));
  }
});

Deno.test("suggest() offers only close names: short words keep their first letter", async (t) => {
  const variables = ["Project", "ProjectDir", "Command", "Home", "User", "Date"];
  const cases: [string, string | undefined][] = [
    ["rate", undefined],
    ["Data", "Date"],
    ["Hoem", "Home"],
    ["usr", "User"],
    ["ProjectDirectory", "ProjectDir"],
    ["project_directory", "ProjectDir"],
    ["Proj", "Project"],
    ["Projcet", "Project"],
    ["Names", undefined],
    ["directory", undefined],
    ["x".repeat(10_000), undefined],
  ];
  for (const [word, want] of cases) {
    await t.step(
      `${word.slice(0, 20)} → ${want}`,
      () => strictEqual(suggest(word, variables), want),
    );
  }
  await t.step("a shortened word of a key", () => {
    strictEqual(suggest("working_directory", ["working_dir", "env"]), "working_dir");
    strictEqual(suggest("env_vars", ["env"]), undefined, "another word is not a shortening");
  });
});
