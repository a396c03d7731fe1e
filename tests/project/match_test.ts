import { deepStrictEqual, ok as assert } from "node:assert/strict";
import { matchRule } from "../../src/project/match.ts";
import { parseDetectRule } from "../../src/project/rules.ts";
import type { ProjectFacts } from "../../src/project/facts.ts";
import { HOME, world } from "./world.ts";

const GIT_WEB = { root: "/code/web" };

interface Row {
  name: string;
  rule: string;
  facts: ProjectFacts;
  /** The directory the rule points at, or undefined: it does not hold. */
  want: string | undefined;
}

const rows: Row[] = [
  // file names and globs
  {
    name: "a file in the cwd",
    rule: "package.json",
    facts: world({ cwd: "/code/web", entries: { "/code/web": { "package.json": "file" } } }),
    want: "/code/web",
  },
  {
    name: "a file in a parent inside the git root: the parent is the project dir",
    rule: "package.json",
    facts: world({
      cwd: "/code/web/src/lib",
      git: GIT_WEB,
      entries: { "/code/web": { "package.json": "file" } },
    }),
    want: "/code/web",
  },
  {
    name: "the nearest directory wins",
    rule: "package.json",
    facts: world({
      cwd: "/code/web/packages/ui",
      git: GIT_WEB,
      entries: {
        "/code/web": { "package.json": "file" },
        "/code/web/packages/ui": { "package.json": "file" },
      },
    }),
    want: "/code/web/packages/ui",
  },
  {
    name: "never above the git root",
    rule: "package.json",
    facts: world({
      cwd: "/code/web/src",
      git: GIT_WEB,
      entries: { "/code": { "package.json": "file" } },
    }),
    want: undefined,
  },
  {
    name: "outside git only the cwd itself is searched",
    rule: "package.json",
    facts: world({ cwd: "/code/web/src", entries: { "/code/web": { "package.json": "file" } } }),
    want: undefined,
  },
  {
    name: "HOME is not searched from below even when it is the git root (dotfiles repos)",
    rule: "package.json",
    facts: world({
      cwd: `${HOME}/notes`,
      git: { root: HOME },
      entries: { [HOME]: { "package.json": "file" } },
    }),
    want: undefined,
  },
  {
    name: "HOME is searched when it is the cwd",
    rule: "package.json",
    facts: world({ cwd: HOME, entries: { [HOME]: { "package.json": "file" } } }),
    want: HOME,
  },
  {
    name: "a plain name matches a directory too",
    rule: "docs",
    facts: world({ cwd: "/w", entries: { "/w": { docs: "dir" } } }),
    want: "/w",
  },
  {
    name: "ios/ wants a directory",
    rule: "ios/",
    facts: world({ cwd: "/w", entries: { "/w": { ios: "dir" } } }),
    want: "/w",
  },
  {
    name: "ios/ does not match a file named ios",
    rule: "ios/",
    facts: world({ cwd: "/w", entries: { "/w": { ios: "file" } } }),
    want: undefined,
  },
  {
    name: "*.md",
    rule: "*.md",
    facts: world({ cwd: "/w", entries: { "/w": { "notes.md": "file", "a.txt": "file" } } }),
    want: "/w",
  },
  {
    name: "*.md needs a .md",
    rule: "*.md",
    facts: world({ cwd: "/w", entries: { "/w": { "notes.mdx": "file" } } }),
    want: undefined,
  },
  {
    name: "README* matches README.md",
    rule: "README*",
    facts: world({ cwd: "/w", entries: { "/w": { "README.md": "file" } } }),
    want: "/w",
  },
  {
    name: "globs are case-sensitive, like the file system",
    rule: "README*",
    facts: world({ cwd: "/w", entries: { "/w": { "readme.md": "file" } } }),
    want: undefined,
  },
  {
    name: "* matches any visible entry",
    rule: "*",
    facts: world({ cwd: "/w", entries: { "/w": { "x": "file" } } }),
    want: "/w",
  },
  {
    name: "* skips dot entries, as sh does",
    rule: "*",
    facts: world({ cwd: "/w", entries: { "/w": { ".git": "dir", ".env": "file" } } }),
    want: undefined,
  },
  {
    name: "a path inside the project: .github/workflows/",
    rule: ".github/workflows/",
    facts: world({ cwd: "/w", entries: { "/w": { ".github/workflows": "dir" } } }),
    want: "/w",
  },
  {
    name: "a glob in the last part of a path: docs/*.md",
    rule: "docs/*.md",
    facts: world({ cwd: "/w", entries: { "/w": { "docs/intro.md": "file" } } }),
    want: "/w",
  },
  {
    name: "docs/*.md does not match a top-level .md",
    rule: "docs/*.md",
    facts: world({ cwd: "/w", entries: { "/w": { "intro.md": "file" } } }),
    want: undefined,
  },
  {
    name: "{a,b} alternatives",
    rule: "*.{yml,yaml}",
    facts: world({ cwd: "/w", entries: { "/w": { "ci.yaml": "file" } } }),
    want: "/w",
  },
  // dir:
  {
    name: "dir: the cwd is the path",
    rule: "dir:~/code/web",
    facts: world({ cwd: `${HOME}/code/web` }),
    want: `${HOME}/code/web`,
  },
  {
    name: "dir: the cwd is inside the path; the path is the project dir",
    rule: "dir:~/code/web",
    facts: world({ cwd: `${HOME}/code/web/src/a` }),
    want: `${HOME}/code/web`,
  },
  {
    name: "dir: a sibling with the same prefix is not inside",
    rule: "dir:~/code/web",
    facts: world({ cwd: `${HOME}/code/web-old` }),
    want: undefined,
  },
  {
    name: "dir: a trailing slash and .. are normalized",
    rule: "dir:~/code/x/../web/",
    facts: world({ cwd: `${HOME}/code/web` }),
    want: `${HOME}/code/web`,
  },
  {
    name: "dir: a relative path is relative to HOME",
    rule: "dir:code/web",
    facts: world({ cwd: `${HOME}/code/web/src` }),
    want: `${HOME}/code/web`,
  },
  {
    name: "dir: an absolute path",
    rule: "dir:/srv/app",
    facts: world({ cwd: "/srv/app/current" }),
    want: "/srv/app",
  },
  {
    name: "dir: a path that does not exist just does not match",
    rule: "dir:/nowhere/at/all",
    facts: world({ cwd: "/srv/app" }),
    want: undefined,
  },
  {
    name: "a bare ~/path is a dir rule (DESIGN.md's form)",
    rule: "~/code/web-app",
    facts: world({ cwd: `${HOME}/code/web-app/src` }),
    want: `${HOME}/code/web-app`,
  },
  {
    name: "dir: a glob: the matching directory is the project dir",
    rule: "dir:~/clients/*",
    facts: world({ cwd: `${HOME}/clients/acme/site` }),
    want: `${HOME}/clients/acme`,
  },
  {
    name: "dir: a glob needs the segment: ~/clients itself is not a client",
    rule: "dir:~/clients/*",
    facts: world({ cwd: `${HOME}/clients` }),
    want: undefined,
  },
  {
    name: "dir: ** spans directories",
    rule: "dir:/srv/**/releases",
    facts: world({ cwd: "/srv/a/b/releases/v1" }),
    want: "/srv/a/b/releases",
  },
  {
    name: "dir: through a symlink: the real path of the rule's dir",
    rule: "dir:~/code/web",
    facts: world({
      cwd: "/data/code/web/src",
      realPaths: { [`${HOME}/code/web`]: "/data/code/web" },
    }),
    want: `${HOME}/code/web`,
  },
  {
    name: "dir: through a symlink: the shell's $PWD alias of the cwd",
    rule: "dir:~/code/web",
    facts: world({ cwd: "/data/code/web", cwdAliases: [`${HOME}/code/web`] }),
    want: `${HOME}/code/web`,
  },
  {
    name: "*/web-app/* (Rune's telemetry example): inside a web-app directory",
    rule: "*/web-app/*",
    facts: world({ cwd: "/home/u/code/web-app/src" }),
    want: "/home/u/code/web-app",
  },
  {
    name: "*/web-app/*: at the web-app directory itself",
    rule: "*/web-app/*",
    facts: world({ cwd: "/home/u/code/web-app" }),
    want: "/home/u/code/web-app",
  },
  {
    name: "*/web-app/*: the nearest web-app directory",
    rule: "*/web-app/*",
    facts: world({ cwd: "/x/web-app/packages/web-app/src" }),
    want: "/x/web-app/packages/web-app",
  },
  {
    name: "*/web-app/*: not a web-app-old directory",
    rule: "*/web-app/*",
    facts: world({ cwd: "/x/web-app-old" }),
    want: undefined,
  },
  // git:
  {
    name: "git: the git root's directory name",
    rule: "git:web",
    facts: world({ cwd: "/code/web/src", git: GIT_WEB }),
    want: "/code/web",
  },
  {
    name: "git: names compare without case",
    rule: "git:Web",
    facts: world({ cwd: "/code/web", git: GIT_WEB }),
    want: "/code/web",
  },
  {
    name: "git: another name",
    rule: "git:api",
    facts: world({ cwd: "/code/web", git: GIT_WEB }),
    want: undefined,
  },
  {
    name: "git: not in a repository",
    rule: "git:web",
    facts: world({ cwd: "/code/web" }),
    want: undefined,
  },
  {
    name: "git:.* (rune init) is a regex: any repository",
    rule: "git:.*",
    facts: world({ cwd: "/code/anything", git: { root: "/code/anything" } }),
    want: "/code/anything",
  },
  {
    name: "git:.* still needs a repository",
    rule: "git:.*",
    facts: world({ cwd: "/tmp" }),
    want: undefined,
  },
  {
    name: "git: a regex matches the whole name",
    rule: "git:^web-(api|ui)$",
    facts: world({ cwd: "/c/web-api", git: { root: "/c/web-api" } }),
    want: "/c/web-api",
  },
  {
    name: "git: a regex does not match part of a name",
    rule: "git:web-(api|ui)",
    facts: world({ cwd: "/c/web-api2", git: { root: "/c/web-api2" } }),
    want: undefined,
  },
  {
    name: "git: a glob",
    rule: "git:web-*",
    facts: world({ cwd: "/c/web-admin", git: { root: "/c/web-admin" } }),
    want: "/c/web-admin",
  },
  {
    name: "git: a dot is literal: next.js",
    rule: "git:next.js",
    facts: world({ cwd: "/c/nextxjs", git: { root: "/c/nextxjs" } }),
    want: undefined,
  },
  {
    name: "git: a linked worktree matches by the main checkout's name",
    rule: "git:web",
    facts: world({ cwd: "/wt/feature-x", git: { root: "/wt/feature-x", mainName: "web" } }),
    want: "/wt/feature-x",
  },
  // git-remote:
  {
    name: "git-remote: a literal is found inside the URL",
    rule: "git-remote:github.com/acme/web",
    facts: world({
      cwd: "/code/web",
      git: { root: "/code/web", remotes: ["https://github.com/acme/web.git"] },
    }),
    want: "/code/web",
  },
  {
    name: "git-remote: ssh scp syntax matches the host/path form",
    rule: "git-remote:github.com/acme/web",
    facts: world({
      cwd: "/code/web",
      git: { root: "/code/web", remotes: ["git@github.com:acme/web.git"] },
    }),
    want: "/code/web",
  },
  {
    name: "git-remote: any remote, not only origin",
    rule: "git-remote:acme/web",
    facts: world({
      cwd: "/code/web",
      git: {
        root: "/code/web",
        remotes: ["git@github.com:me/web.git", "git@github.com:acme/web.git"],
      },
    }),
    want: "/code/web",
  },
  {
    name: "git-remote: another owner",
    rule: "git-remote:github.com/acme/web",
    facts: world({
      cwd: "/code/web",
      git: { root: "/code/web", remotes: ["git@github.com:me/web.git"] },
    }),
    want: undefined,
  },
  {
    name: "git-remote: a glob matches the whole URL, * spanning /",
    rule: "git-remote:*gitlab.example.com/*",
    facts: world({
      cwd: "/c",
      git: { root: "/c", remotes: ["ssh://git@gitlab.example.com:2222/team/c.git"] },
    }),
    want: "/c",
  },
  {
    name: "git-remote: a regex is searched in the URL",
    rule: "git-remote:acme/(web|api)$",
    facts: world({ cwd: "/c", git: { root: "/c", remotes: ["git@github.com:acme/api.git"] } }),
    want: "/c",
  },
  {
    name: "git-remote: no remotes",
    rule: "git-remote:acme",
    facts: world({ cwd: "/c", git: { root: "/c", remotes: [] } }),
    want: undefined,
  },
  // env:
  {
    name: "env:VAR set and non-empty; the project dir is the git root",
    rule: "env:WORK",
    facts: world({ cwd: "/code/web/src", git: GIT_WEB, env: { WORK: "1" } }),
    want: "/code/web",
  },
  {
    name: "env:VAR outside git: the cwd",
    rule: "env:WORK",
    facts: world({ cwd: "/tmp/x", env: { WORK: "1" } }),
    want: "/tmp/x",
  },
  {
    name: "env:VAR empty does not hold",
    rule: "env:WORK",
    facts: world({ cwd: "/tmp", env: { WORK: "" } }),
    want: undefined,
  },
  {
    name: "env:VAR unset does not hold",
    rule: "env:WORK",
    facts: world({ cwd: "/tmp", env: {} }),
    want: undefined,
  },
  {
    name: "env:VAR=value exactly",
    rule: "env:CLIENT=acme",
    facts: world({ cwd: "/tmp", env: { CLIENT: "acme" } }),
    want: "/tmp",
  },
  {
    name: "env:VAR=value another value",
    rule: "env:CLIENT=acme",
    facts: world({ cwd: "/tmp", env: { CLIENT: "acme2" } }),
    want: undefined,
  },
  {
    name: "env:VAR= holds for the empty value only",
    rule: "env:CLIENT=",
    facts: world({ cwd: "/tmp", env: { CLIENT: "" } }),
    want: "/tmp",
  },
];

Deno.test("matchRule() says where each of Rune's detect forms finds the project", async (t) => {
  for (const row of rows) {
    await t.step(row.name, () => {
      const parsed = parseDetectRule(row.rule, HOME);
      assert(parsed.ok, `rule did not parse: ${JSON.stringify(parsed)}`);
      deepStrictEqual(matchRule(parsed.rule, row.facts), row.want);
    });
  }
});
