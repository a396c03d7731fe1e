import { deepStrictEqual } from "node:assert/strict";
import { decideProject, UNCONFIGURED_ARGUMENT } from "../../src/project/decide.ts";
import type { DecideOptions } from "../../src/project/decide.ts";
import type { ProjectFacts } from "../../src/project/facts.ts";
import type { ProjectSpec } from "../../src/config/schema.ts";
import type { ProjectInfo } from "../../src/contract/plan.ts";
import { HOME, world } from "./world.ts";

interface Row {
  name: string;
  projects?: ProjectSpec[];
  facts: ProjectFacts;
  options?: DecideOptions;
  /** A ProjectInfo, or the codes of the error issues. */
  want: ProjectInfo | string[];
}

const WEB: ProjectSpec = { name: "Web", detect: ["package.json", "dir:~/code/web"] };
const DEV = { cwd: "/tmp/elsewhere" };

const rows: Row[] = [
  // the explicit argument
  {
    name: "argument: a configured project, any case; dir from its first literal dir: rule",
    projects: [WEB],
    facts: world(DEV),
    options: { argument: "WEB" },
    want: {
      name: "web",
      dir: `${HOME}/code/web`,
      detectedBy: 'argument; dir from detect rule "dir:~/code/web"',
    },
  },
  {
    name: "argument: a rule that holds here gives the dir (a clone elsewhere)",
    projects: [WEB],
    facts: world({
      cwd: `${HOME}/forks/web2`,
      entries: { [`${HOME}/forks/web2`]: { "package.json": "file" } },
    }),
    options: { argument: "web" },
    want: {
      name: "web",
      dir: `${HOME}/forks/web2`,
      detectedBy: 'argument; dir from detect rule "package.json"',
    },
  },
  {
    name: "argument: the dir key wins",
    projects: [{ ...WEB, dir: "~/src/web" }],
    facts: world(DEV),
    options: { argument: "web" },
    want: {
      name: "web",
      dir: `${HOME}/src/web`,
      detectedBy: "argument; dir from the project's dir key",
    },
  },
  {
    name: "argument: a relative dir key is relative to HOME",
    projects: [{ name: "web", dir: "src/web" }],
    facts: world(DEV),
    options: { argument: "web" },
    want: {
      name: "web",
      dir: `${HOME}/src/web`,
      detectedBy: "argument; dir from the project's dir key",
    },
  },
  {
    name: "argument: no rule and no dir: the cwd",
    projects: [{ name: "web", detect: ["git:web"] }],
    facts: world(DEV),
    options: { argument: "web" },
    want: { name: "web", dir: DEV.cwd, detectedBy: "argument; dir is the current directory" },
  },
  {
    name:
      "argument: matches a configured name once both are sanitized; the configured name is kept",
    projects: [{ name: "My App" }],
    facts: world(DEV),
    options: { argument: "my-app" },
    want: { name: "my app", dir: DEV.cwd, detectedBy: "argument; dir is the current directory" },
  },
  {
    name: "argument: a per_project key not under projects",
    facts: world(DEV),
    options: { argument: "API", knownNames: ["api"] },
    want: { name: "api", dir: DEV.cwd, detectedBy: "argument" },
  },
  {
    name: "argument: unknown names are allowed and sanitized, and say so",
    projects: [WEB],
    facts: world(DEV),
    options: { argument: "Shiny New!" },
    want: { name: "shiny-new", dir: DEV.cwd, detectedBy: UNCONFIGURED_ARGUMENT },
  },
  {
    name: "argument: tmux target syntax is sanitized",
    facts: world(DEV),
    options: { argument: "home.arpa:lab" },
    want: { name: "home-arpa-lab", dir: DEV.cwd, detectedBy: UNCONFIGURED_ARGUMENT },
  },
  {
    name: "argument: shell syntax is sanitized",
    facts: world(DEV),
    options: { argument: "x; rm -rf ~" },
    want: { name: "x-rm-rf", dir: DEV.cwd, detectedBy: UNCONFIGURED_ARGUMENT },
  },
  {
    name: "argument: a near miss of a configured project is refused",
    projects: [{ name: "webshop" }],
    facts: world(DEV),
    options: { argument: "webshp" },
    want: ["unknown-project"],
  },
  {
    name: "argument: a near miss of a per_project key is refused",
    facts: world(DEV),
    options: { argument: "ap1", knownNames: ["api"] },
    want: ["unknown-project"],
  },
  {
    name: "argument: a name far from every configured one still runs",
    projects: [{ name: "webshop" }],
    facts: world(DEV),
    options: { argument: "billing" },
    want: { name: "billing", dir: DEV.cwd, detectedBy: UNCONFIGURED_ARGUMENT },
  },
  {
    name: "argument: nothing usable is an error",
    facts: world(DEV),
    options: { argument: ".." },
    want: ["bad-project-name"],
  },
  {
    name: "argument: a configured name with no usable character is still found",
    projects: [{ name: "日本" }],
    facts: world(DEV),
    options: { argument: "日本" },
    want: { name: "日本", dir: DEV.cwd, detectedBy: "argument; dir is the current directory" },
  },
  {
    name: "argument: beats every rule",
    projects: [{ name: "web", detect: ["*"] }, { name: "other" }],
    facts: world({ cwd: "/w", entries: { "/w": { x: "file" } } }),
    options: { argument: "other" },
    want: { name: "other", dir: "/w", detectedBy: "argument; dir is the current directory" },
  },
  // detect rules
  {
    name: "rules: the first project in config order wins",
    projects: [{ name: "Docs", detect: ["*.md"] }, { name: "web", detect: ["package.json"] }],
    facts: world({ cwd: "/w", entries: { "/w": { "package.json": "file", "README.md": "file" } } }),
    want: { name: "docs", dir: "/w", detectedBy: 'detect rule "*.md"' },
  },
  {
    name: "rules: a later project when the first does not hold",
    projects: [{ name: "docs", detect: ["docs/"] }, { name: "web", detect: ["package.json"] }],
    facts: world({ cwd: "/w", entries: { "/w": { "package.json": "file" } } }),
    want: { name: "web", dir: "/w", detectedBy: 'detect rule "package.json"' },
  },
  {
    name: "rules: within a project the first rule that holds is named",
    projects: [{ name: "web", detect: ["yarn.lock", "git:web", "package.json"] }],
    facts: world({
      cwd: "/code/web/src",
      git: { root: "/code/web" },
      entries: { "/code/web": { "package.json": "file" } },
    }),
    want: { name: "web", dir: "/code/web", detectedBy: 'detect rule "git:web"' },
  },
  {
    name: "rules: the dir key overrides where the rule matched",
    projects: [{ name: "web", detect: ["env:WEB"], dir: "/srv/web" }],
    facts: world({ cwd: "/tmp", env: { WEB: "1" } }),
    want: { name: "web", dir: "/srv/web", detectedBy: 'detect rule "env:WEB"' },
  },
  {
    name: "rules: a subdirectory of the project still gets the project",
    projects: [{ name: "web", detect: ["package.json"] }],
    facts: world({
      cwd: "/code/web/src/a/b",
      git: { root: "/code/web" },
      entries: { "/code/web": { "package.json": "file" } },
    }),
    want: { name: "web", dir: "/code/web", detectedBy: 'detect rule "package.json"' },
  },
  {
    name: "rules: the configured name is used lowercased",
    projects: [{ name: "Client-A", detect: ["dir:~/clients/a"] }],
    facts: world({ cwd: `${HOME}/clients/a` }),
    want: {
      name: "client-a",
      dir: `${HOME}/clients/a`,
      detectedBy: 'detect rule "dir:~/clients/a"',
    },
  },
  {
    name: "rules: a project without detect rules never matches by rules",
    projects: [{ name: "web" }],
    facts: world({ cwd: "/w/site" }),
    want: { name: "site", dir: "/w/site", detectedBy: "directory name" },
  },
  // manifests
  {
    name: "manifest: package.json name, npm scope stripped",
    facts: world({ cwd: "/w", manifests: { "/w/package.json": '{"name":"@acme/Web-UI"}' } }),
    want: { name: "web-ui", dir: "/w", detectedBy: "package.json name" },
  },
  {
    name: "manifest: deno.jsonc with comments",
    facts: world({
      cwd: "/w",
      manifests: { "/w/deno.jsonc": '// x\n{ "name": "@rune/cli", /* y */ }' },
    }),
    want: { name: "cli", dir: "/w", detectedBy: "deno.jsonc name" },
  },
  {
    name: "manifest: go.mod module's last element, major version dropped",
    facts: world({
      cwd: "/w",
      manifests: { "/w/go.mod": "module github.com/acme/Tool/v2\n\ngo 1.22\n" },
    }),
    want: { name: "tool", dir: "/w", detectedBy: "go.mod module" },
  },
  {
    name: "manifest: Cargo.toml [package] name",
    facts: world({
      cwd: "/w",
      manifests: { "/w/Cargo.toml": '[workspace]\n\n[package]\nname = "ripgrep_x"\n' },
    }),
    want: { name: "ripgrep_x", dir: "/w", detectedBy: "Cargo.toml package name" },
  },
  {
    name: "manifest: pyproject [tool.poetry] name when there is no [project]",
    facts: world({
      cwd: "/w",
      manifests: { "/w/pyproject.toml": '[tool.poetry]\nname = "My.Lib"\n' },
    }),
    want: { name: "my-lib", dir: "/w", detectedBy: "pyproject.toml tool.poetry name" },
  },
  {
    name: "manifest: the nearest one wins",
    facts: world({
      cwd: "/m/packages/ui/src",
      git: { root: "/m" },
      manifests: {
        "/m/package.json": '{"name":"mono"}',
        "/m/packages/ui/package.json": '{"name":"@m/ui"}',
      },
    }),
    want: { name: "ui", dir: "/m/packages/ui", detectedBy: "package.json name" },
  },
  {
    name: "manifest: one without a name is passed over for the next file",
    facts: world({
      cwd: "/w",
      manifests: { "/w/package.json": '{"private":true}', "/w/go.mod": "module x/tool\n" },
    }),
    want: { name: "tool", dir: "/w", detectedBy: "go.mod module" },
  },
  {
    name: "manifest: broken JSON is passed over",
    facts: world({ cwd: "/w", git: { root: "/w" }, manifests: { "/w/package.json": "{oops" } }),
    want: { name: "w", dir: "/w", detectedBy: "git root name" },
  },
  {
    name: "manifest: none above the git root",
    facts: world({
      cwd: "/c/web",
      git: { root: "/c/web" },
      manifests: { "/c/package.json": '{"name":"outer"}' },
    }),
    want: { name: "web", dir: "/c/web", detectedBy: "git root name" },
  },
  {
    name: "manifest: a detected name takes a configured project's spelling",
    projects: [{ name: "Web App" }],
    facts: world({ cwd: "/w", manifests: { "/w/package.json": '{"name":"web-app"}' } }),
    want: { name: "web app", dir: "/w", detectedBy: "package.json name" },
  },
  {
    name: "manifest: a name with no usable character falls through",
    facts: world({
      cwd: "/c/日本",
      git: { root: "/c/日本" },
      manifests: { "/c/日本/package.json": '{"name":"日本"}' },
    }),
    want: { name: "project", dir: "/c/日本", detectedBy: "directory name" },
  },
  // git root and directory name
  {
    name: "git root name from a subdirectory",
    facts: world({ cwd: "/code/My App!/src", git: { root: "/code/My App!" } }),
    want: { name: "my-app", dir: "/code/My App!", detectedBy: "git root name" },
  },
  {
    name: "directory name outside git",
    facts: world({ cwd: "/srv/home.arpa:lab" }),
    want: { name: "home-arpa-lab", dir: "/srv/home.arpa:lab", detectedBy: "directory name" },
  },
  {
    name: "directory name: accents are dropped",
    facts: world({ cwd: "/x/Café Ünïcödé" }),
    want: { name: "cafe-unicode", dir: "/x/Café Ünïcödé", detectedBy: "directory name" },
  },
  {
    name: 'directory name: the root directory falls back to "project"',
    facts: world({ cwd: "/" }),
    want: { name: "project", dir: "/", detectedBy: "directory name" },
  },
  {
    name: "directory name: at most 64 characters",
    facts: world({ cwd: `/x/${"a".repeat(63)}-bbbb` }),
    want: { name: "a".repeat(63), dir: `/x/${"a".repeat(63)}-bbbb`, detectedBy: "directory name" },
  },
];

Deno.test("decideProject() picks argument, then rules, then manifests, git root, directory", async (t) => {
  for (const row of rows) {
    await t.step(row.name, () => {
      const r = decideProject(row.facts, row.projects ?? [], row.options);
      const got = r.ok ? r.value.project : r.error.map((i) => i.code);
      deepStrictEqual(got, row.want);
    });
  }
});

Deno.test("decideProject() reports malformed rules as warnings and goes on", () => {
  const projects: ProjectSpec[] = [{
    name: "web",
    detect: [
      "env:",
      "env:1X",
      "bogus:x",
      "git:(",
      "",
      "../up",
      "*/*",
      "dir:",
      "git:",
      "git-remote:",
      "*/ok/*",
    ],
  }];
  const r = decideProject(world({ cwd: "/a/ok" }), projects);
  if (!r.ok) throw new Error("expected a project");
  deepStrictEqual(r.value.project, {
    name: "web",
    dir: "/a/ok",
    detectedBy: 'detect rule "*/ok/*"',
  });
  deepStrictEqual(r.value.warnings.map((w) => [w.severity, w.code, w.problem.split(": ")[1]]), [
    ["warning", "bad-detect-rule", "it names no variable"],
    ["warning", "bad-detect-rule", '"1X" is not a variable name'],
    ["warning", "bad-detect-rule", '"bogus:" is not a rule prefix'],
    [
      "warning",
      "bad-detect-rule",
      '"(" is not a valid regular expression (Invalid regular expression',
    ],
    ["warning", "bad-detect-rule", "it is empty"],
    ["warning", "bad-detect-rule", "it leaves the project directory"],
    ["warning", "bad-detect-rule", "it matches every directory"],
    ["warning", "bad-detect-rule", "it has no path"],
    ["warning", "bad-detect-rule", "it has no pattern"],
    ["warning", "bad-detect-rule", "it has no pattern"],
  ]);
  deepStrictEqual(
    r.value.warnings[0].problem,
    'Cannot use detect rule "env:" of project "web" (projects[0].detect[0]): it names no variable',
  );
});

Deno.test("decideProject() reports rule warnings with the argument error too", () => {
  const r = decideProject(world(DEV), [{ name: "w", detect: ["env:"] }], { argument: "!!" });
  deepStrictEqual(r.ok ? [] : r.error.map((i) => [i.severity, i.code]), [
    ["error", "bad-project-name"],
    ["warning", "bad-detect-rule"],
  ]);
});

Deno.test("decideProject() names the project a near miss meant", () => {
  const r = decideProject(world(DEV), [{ name: "webshop" }, { name: "api" }], {
    argument: "webshp",
  });
  deepStrictEqual(r.ok ? [] : r.error.map((i) => [i.problem, i.hint]), [[
    'Cannot use "webshp" as a project: no project of that name is configured, and it is close ' +
    'to "webshop"',
    'Did you mean "webshop"? Give its name as configured; to run only the global rituals for a ' +
    'project "webshp", add it under projects',
  ]]);
});
