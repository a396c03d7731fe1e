/**
 * completeWords(): what Tab offers, read off the real command tree — every command from its
 * parent, every option of each command, and values from choices, the config or the shell.
 */
import { deepStrictEqual } from "node:assert/strict";
import { completeWords, completionLines } from "../../src/cli/complete.ts";
import type { Completion } from "../../src/cli/complete.ts";
import { ROOT } from "../../src/cli/tree.ts";
import { GLOBAL_OPTIONS } from "../../src/cli/parse.ts";
import { optionShape } from "../../src/cli/spec.ts";
import type { CommandSpec } from "../../src/cli/spec.ts";

/** The words offered, or the kind of answer when it is not a list. */
function offered(words: string[]): string[] | string {
  const c: Completion = completeWords(ROOT, words).completion;
  switch (c.kind) {
    case "words":
      return c.candidates.map((x) => x.word);
    case "dynamic":
      return `dynamic:${c.source}:${c.prefix}`;
    case "files":
      return "files";
    case "none":
      return "none";
  }
}

Deno.test("completeWords() offers each kind of value", async (t) => {
  const cases: [string, string[], string[] | string][] = [
    ["commands starting with st", ["st"], ["start", "stop", "status"]],
    ["a group's commands", ["config", ""], ["path", "show", "validate", "edit", "schema"]],
    ["options of the command and the global ones", ["start", "--so"], [
      "--socket",
      "--socket-path",
    ]],
    ["a global option before the command", ["--no-c"], ["--no-color"]],
    ["a project name from the config", ["start", "w"], "dynamic:project:w"],
    ["after a value option's value", ["start", "--socket", "work", ""], "dynamic:project:"],
    ["a value option's value with no list", ["start", "--socket", ""], "none"],
    ["a session name", ["session", "attach", "dev"], "dynamic:session:dev"],
    [
      "a group's option before its command",
      ["session", "--socket", "w", "kill", ""],
      "dynamic:session:",
    ],
    ["an argument's choices", ["import", "tmux"], ["tmuxinator", "tmuxp"]],
    ["a file argument", ["import", "tmuxp", ""], "files"],
    ["nothing past the last argument", ["import", "tmuxp", "a.yaml", ""], "none"],
    ["the shells", ["completion", ""], ["bash", "zsh", "fish"]],
    ["an option's choices", ["init", "--template", "p"], ["python"]],
    ["a short option's value", ["init", "-t", ""], ["basic", "node", "python"]],
    ["--config takes a file", ["-c", ""], "files"],
    ["after --, a positional", ["start", "--", "-"], "dynamic:project:-"],
    ["an unknown command offers nothing", ["strat", ""], "none"],
    ["one project at most", ["start", "web", ""], "none"],
  ];
  for (const [name, words, want] of cases) {
    await t.step(name, () => deepStrictEqual(offered(words), want));
  }
});

Deno.test("completeWords() collects the value options given, for the dynamic lookups", () => {
  deepStrictEqual(
    completeWords(ROOT, ["-c", "a.yaml", "session", "--socket=w", "attach", ""]).given,
    {
      config: "a.yaml",
      socket: "w",
    },
  );
});

Deno.test("every command is offered from its parent, and every option on it", () => {
  const visit = (command: CommandSpec, path: string[], chain: CommandSpec[]) => {
    const subs = (command.commands ?? []).filter((c) => !c.hidden).map((c) => c.name);
    if (subs.length) deepStrictEqual(offered([...path, ""]), subs, path.join(" "));
    const longs = [...[...chain].reverse().flatMap((c) => c.options ?? []), ...GLOBAL_OPTIONS]
      .map((o) => `--${optionShape(o).long}`);
    deepStrictEqual(offered([...path, "--"]), [...new Set(longs)], `${path.join(" ")} --`);
    for (const sub of command.commands ?? []) visit(sub, [...path, sub.name], [...chain, sub]);
  };
  visit(ROOT, [], [ROOT]);
});

Deno.test("__complete is never offered, and the lines carry descriptions", () => {
  deepStrictEqual((offered(["__"]) as string[]).length, 0);
  deepStrictEqual(
    completionLines([{ word: "start", description: "run the\nstart ritual" }, { word: "x" }], true),
    "start\trun the start ritual\nx\n:files\n",
  );
});
