/** detectFormat() names the tool a file belongs to, with evidence; foreignFileIssue() says what to run. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { parse } from "yaml";
import { detectFormat, foreignFileIssue } from "../../src/import/mod.ts";
import { sharedDir, sharedFiles } from "../helpers/shared.ts";

const yaml = (...lines: string[]) => parse(lines.join("\n"));

Deno.test("detectFormat() tells the four formats apart", async (t) => {
  const cases: { name: string; data: unknown; kind: string; evidence?: string[] }[] = [
    {
      name: "tmuxinator: one-key windows and its own keys",
      data: yaml("name: p", "root: ~/p", "pre_window: nvm use", "windows:", "  - editor: vim"),
      kind: "tmuxinator",
      evidence: ["name", "root", "pre_window", "windows[0] is a one-key map (editor)"],
    },
    {
      name: "tmuxinator with only name and windows",
      data: yaml("name: p", "windows:", "  - editor: vim", "  - logs:"),
      kind: "tmuxinator",
    },
    {
      name: "tmuxp: session_name and window_name",
      data: yaml(
        "session_name: s",
        "windows:",
        "  - window_name: w",
        "    panes: [{shell_command: [ls]}]",
      ),
      kind: "tmuxp",
      evidence: ["session_name", "windows[0].window_name", "windows[0].panes[0].shell_command"],
    },
    {
      name: "smug: session, commands",
      data: yaml("session: s", "root: ~/s", "windows:", "  - name: w", "    commands: [ls]"),
      kind: "smug",
      evidence: ["session", "root", "windows[0].commands"],
    },
    {
      name: "rune: rituals",
      data: yaml("version: 1", "rituals:", "  start: {global: [{name: a, command: b}]}"),
      kind: "rune",
      evidence: ["version", "rituals"],
    },
    { name: "a list is nobody's", data: [1, 2], kind: "unknown" },
    { name: "an empty map is nobody's", data: {}, kind: "unknown" },
    {
      name: "Maps work as well as objects",
      data: new Map<string, unknown>([["session_name", "s"], ["windows", []]]),
      kind: "tmuxp",
    },
  ];
  for (const c of cases) {
    await t.step(c.name, () => {
      const d = detectFormat(c.data);
      strictEqual(d.kind, c.kind);
      if (c.evidence) deepStrictEqual(d.evidence, c.evidence);
    });
  }
});

Deno.test("foreignFileIssue() gives the import command, and nothing for rune's own files", () => {
  const issue = foreignFileIssue(detectFormat(yaml("session_name: s", "windows: []")), "w.yaml");
  strictEqual(issue?.code, "foreign-config");
  strictEqual(issue?.severity, "error");
  ok(issue?.problem.startsWith("Cannot use w.yaml as a rune config: it is a tmuxp workspace file"));
  strictEqual(
    issue?.hint,
    "Run `rune import tmuxp w.yaml` to turn it into a rune template and rituals",
  );
  strictEqual(foreignFileIssue({ kind: "rune", evidence: [] }, "c.yaml"), undefined);
});

Deno.test({
  name: "detectFormat() recognises every compat file as its own tool's",
  ignore: !sharedDir(),
  fn() {
    const cases = [
      ...sharedFiles("compat/tmuxinator", ".yml").map((f) => [f, "tmuxinator"]),
      ...sharedFiles("compat/tmuxinator/derived", ".yml").map((f) => [f, "tmuxinator"]),
      ...sharedFiles("compat/tmuxp", ".yaml").map((f) => [f, "tmuxp"]),
      ...sharedFiles("compat/tmuxp", ".json").map((f) => [f, "tmuxp"]),
      ...sharedFiles("compat/rune", ".yaml").map((f) => [f, "rune"]),
      ...sharedFiles("compat/rune/examples", ".yaml").map((f) => [f, "rune"]),
    ];
    ok(cases.length >= 20);
    for (const [file, kind] of cases) {
      // The ERB files still parse as YAML: their tags are plain text to a YAML parser.
      const data = parse(Deno.readTextFileSync(file), { merge: true });
      strictEqual(detectFormat(data).kind, kind, file);
    }
  },
});
