/**
 * completionAnswer(): the lines `rune __complete` prints, names filled from a real config file
 * (projects, per_project-only names, templates), nothing at all for a config that does not load.
 */
import { strictEqual } from "node:assert/strict";
import { completionAnswer } from "../../src/cli/actions/completion.ts";
import type { CommandSpec, GlobalOptions } from "../../src/cli/spec.ts";

const ROOT: CommandSpec = {
  name: "rune",
  summary: "test tree",
  commands: [
    {
      name: "go",
      summary: "a project",
      args: [{ name: "p", required: false, description: "", complete: "project" }],
    },
    {
      name: "open",
      summary: "a template",
      args: [{ name: "t", required: false, description: "", complete: "template" }],
    },
  ],
};

const CONFIG = `
projects: [{name: web, detect: ["git:web"]}]
rituals:
  start:
    per_project:
      ops: [{name: x, command: "true"}]
  templates:
    dev: {session_name: dev, windows: [{panes: [null]}]}
    docs: {session_name: d, windows: [{panes: [null]}]}
`;

function globals(config: string): GlobalOptions {
  return { config, strict: false, color: false, quiet: false, verbose: false };
}

Deno.test("completionAnswer() fills project and template names from the config", async () => {
  const dir = Deno.makeTempDirSync();
  try {
    const file = `${dir}/c.yaml`;
    Deno.writeTextFileSync(file, CONFIG);
    strictEqual(await completionAnswer(ROOT, ["go", ""], globals(file)), "web\tgit:web\nops\n");
    strictEqual(await completionAnswer(ROOT, ["open", "do"], globals(file)), "docs\tsession d\n");
    strictEqual(
      await completionAnswer(ROOT, ["-c", file, "open", "de"], globals("nope")),
      "dev\tsession dev\n",
    );
    Deno.writeTextFileSync(file, "rituals: [\n");
    strictEqual(await completionAnswer(ROOT, ["go", ""], globals(file)), "");
    strictEqual(await completionAnswer(ROOT, ["g"], globals(file)), "go\ta project\n");
  } finally {
    Deno.removeSync(dir, { recursive: true });
  }
});
