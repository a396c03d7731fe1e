import { deepStrictEqual } from "node:assert/strict";
import { gitdirTarget, normalizeRemoteUrl, remoteUrls } from "../../src/project/git_config.ts";

Deno.test("remoteUrls() reads url and pushurl of every remote section", () => {
  const config = [
    "[core]",
    "\trepositoryformatversion = 0",
    "\turl = not-a-remote",
    '[remote "origin"]',
    "\turl = git@github.com:acme/web.git",
    "\tfetch = +refs/heads/*:refs/remotes/origin/*",
    '[Remote "Up Stream"]',
    '\tURL = "https://github.com/up/web.git" ; a comment',
    "\tpushurl = ssh://git@example.com/up/web # another",
    "# url = commented-out",
    '[branch "main"]',
    "\tremote = origin",
    "\turl = not-a-remote-either",
    '[remote "q"]',
    '\turl = "/srv/git/with \\"quote\\".git"',
    "[remote.old]",
    "\turl = old-style",
  ].join("\n");
  deepStrictEqual(remoteUrls(config), [
    "git@github.com:acme/web.git",
    "https://github.com/up/web.git",
    "ssh://git@example.com/up/web",
    '/srv/git/with "quote".git',
    "old-style",
  ]);
});

Deno.test("remoteUrls() of a config without remotes is empty", () => {
  deepStrictEqual(remoteUrls("[core]\n\tbare = false\n"), []);
  deepStrictEqual(remoteUrls(""), []);
});

Deno.test("normalizeRemoteUrl() gives host/path for every spelling", () => {
  deepStrictEqual(
    [
      "git@github.com:acme/web.git",
      "https://github.com/acme/web.git",
      "https://user:tok@github.com/acme/web",
      "ssh://git@github.com:22/acme/web.git/",
      "github.com:acme/web",
      "file:///srv/git/web.git",
      "/srv/git/web.git",
    ].map(normalizeRemoteUrl),
    [
      "github.com/acme/web",
      "github.com/acme/web",
      "github.com/acme/web",
      "github.com/acme/web",
      "github.com/acme/web",
      "/srv/git/web",
      "/srv/git/web",
    ],
  );
});

Deno.test("gitdirTarget() reads a .git file", () => {
  deepStrictEqual(
    gitdirTarget("gitdir: /code/web/.git/worktrees/x\n"),
    "/code/web/.git/worktrees/x",
  );
  deepStrictEqual(gitdirTarget("gitdir: ../.git/modules/sub"), "../.git/modules/sub");
  deepStrictEqual(gitdirTarget("something else"), undefined);
});
