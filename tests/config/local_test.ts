/** parseLocalConfig() and mergeLocalConfig(): what a project's .rune.yaml may add, and where. */
import { deepStrictEqual, ok, strictEqual } from "node:assert/strict";
import { mergeLocalConfig, parseConfig, parseLocalConfig } from "../../src/config/mod.ts";

const LOCAL = `projects: [{ name: Web, detect: [".rune.yaml"] }]
rituals:
  start:
    per_project:
      web:
        - { name: local-one, command: "make dev" }
  templates:
    web-ws: { session_name: web, windows: [{ panes: [vim] }] }
`;

Deno.test("a local file names one project and adds its commands and templates", () => {
  const parsed = parseLocalConfig(LOCAL, "/p/.rune.yaml", { dir: "/p" });
  ok(parsed.ok);
  strictEqual(parsed.value.project, "Web");
  const user = parseConfig(
    `projects: [{ name: web, dir: /elsewhere, detect: ["dir:~/web"] }, { name: api }]
rituals:
  start:
    per_project:
      web: [{ name: mine, command: "echo mine" }]
`,
    "/home/me/config.yaml",
  );
  ok(user.ok);
  const merged = mergeLocalConfig(user.value, parsed.value);
  deepStrictEqual(merged.config.projects, [
    { name: "web", dir: "/p", detect: ["dir:~/web"] },
    { name: "api" },
  ]);
  deepStrictEqual(
    merged.config.rituals?.start?.per_project?.web?.map((c) => c.name),
    ["mine", "local-one"],
  );
  ok(merged.config.rituals?.templates?.["web-ws"]);
  // Each command and template still locates in its own file.
  deepStrictEqual(
    merged.locate(["rituals", "start", "per_project", "web", 0])?.file,
    "/home/me/config.yaml",
  );
  deepStrictEqual(merged.locate(["rituals", "start", "per_project", "web", 1]), {
    file: "/p/.rune.yaml",
    line: 6,
    column: 11,
  });
  strictEqual(
    merged.locate(["rituals", "templates", "web-ws", "session_name"])?.file,
    "/p/.rune.yaml",
  );
  deepStrictEqual(merged.local, { file: "/p/.rune.yaml", dir: "/p", project: "Web" });
});

Deno.test("without a user config, the local file alone is the config", () => {
  const parsed = parseLocalConfig(LOCAL, "/p/.rune.yaml", { dir: "/p" });
  ok(parsed.ok);
  const merged = mergeLocalConfig(undefined, parsed.value);
  strictEqual(merged.file, "/p/.rune.yaml");
  deepStrictEqual(merged.config.projects, [{ name: "Web", dir: "/p" }]);
});

Deno.test("what a local file cannot hold is an error located in it", () => {
  const parsed = parseLocalConfig(
    `settings: { audit: { transcripts: false } }
user_id: x
projects: [{ name: web, dir: /tmp }, { name: two }]
rituals:
  stop:
    global: [{ name: g, command: "true" }]
    per_project: { bank: [{ name: b, command: "true" }] }
  templates: { mine: { session_name: m, windows: [{ panes: [vim] }] } }
`,
    "/p/.rune.yaml",
    { dir: "/p", userTemplates: new Set(["mine"]) },
  );
  ok(!parsed.ok);
  deepStrictEqual(
    parsed.error.filter((i) => i.severity === "error").map((i) =>
      `${i.code} ${i.where?.line}:${i.where?.column}`
    ),
    [
      "local-forbidden 1:1",
      "local-forbidden 2:1",
      "local-project 3:1",
      "local-forbidden 3:25",
      "local-forbidden 6:5",
      "local-other-project 7:20",
      "local-template-taken 8:16",
    ],
  );
});
