/** askGuided(): defaults on Enter, a wrong answer said back and asked again, Ctrl-D cancels. */
import { deepStrictEqual } from "node:assert/strict";
import { askGuided } from "../../src/cli/guided.ts";
import type { Prompter } from "../../src/cli/prompt.ts";
import { parseDetectRule } from "../../src/project/mod.ts";

function scripted(answers: (string | undefined)[]): Prompter & { transcript: string[] } {
  const transcript: string[] = [];
  return {
    transcript,
    ask(question) {
      const answer = answers.shift();
      transcript.push(`? ${question}${answer ?? "<EOF>"}`);
      return Promise.resolve(answer);
    },
    say(line) {
      transcript.push(line);
    },
  };
}

/** parseDetectRule's own words for a malformed rule, as the question says them back. */
function badRule(rule: string): string {
  const parsed = parseDetectRule(rule, "/home/u");
  return parsed.ok ? "(valid)" : `${parsed.problem}. ${parsed.hint}`;
}

const DEFAULTS = { project: "web", detect: "dir:~/code/web", starter: "node" };

Deno.test("Enter takes each default", async () => {
  const p = scripted(["", "", ""]);
  deepStrictEqual(await askGuided(p, DEFAULTS, "/home/u"), {
    project: "web",
    detect: "dir:~/code/web",
    starter: "node",
  });
});

Deno.test("a wrong answer is said back with what to write, and asked again", async () => {
  const p = scripted(["My App", "my-app", "env:", "git:my-app", "ruby", "python"]);
  deepStrictEqual(await askGuided(p, DEFAULTS, "/home/u"), {
    project: "my-app",
    detect: "git:my-app",
    starter: "python",
  });
  deepStrictEqual(p.transcript.filter((l) => l.startsWith("  ")), [
    '  Cannot use "My App" as a project name: use lowercase letters, digits, - and _ (e.g. my-app)',
    `  Cannot use the rule "env:": ${badRule("env:")}`,
    '  There is no starter "ruby": write basic, node, python',
  ]);
});

Deno.test("no starter question for --project; Ctrl-D cancels", async () => {
  const p = scripted(["api", ".rune.yaml"]);
  deepStrictEqual(
    await askGuided(p, { project: "x", detect: ".rune.yaml" }, "/home/u"),
    { project: "api", detect: ".rune.yaml" },
  );
  deepStrictEqual(await askGuided(scripted(["api", undefined]), DEFAULTS, "/home/u"), undefined);
});
