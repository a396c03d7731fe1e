import { deepStrictEqual } from "node:assert/strict";
import { normalizePath, searchDirs } from "../../src/project/paths.ts";

Deno.test("normalizePath() removes . and .. and extra slashes", () => {
  deepStrictEqual(
    ["/a/./b//c/", "/a/b/../c", "/../a", "/", "a/../../b", "a/."].map(normalizePath),
    ["/a/b/c", "/a/c", "/a", "/", "../b", "a"],
  );
});

Deno.test("searchDirs() walks from the cwd up to the git root, never into HOME from below", async (t) => {
  const cases: [string, string, string | undefined, string | undefined, string[]][] = [
    ["in a repo", "/c/web/src/a", "/c/web", "/home/u", ["/c/web/src/a", "/c/web/src", "/c/web"]],
    ["at the git root", "/c/web", "/c/web", "/home/u", ["/c/web"]],
    ["no repo: the cwd alone", "/c/web/src", undefined, "/home/u", ["/c/web/src"]],
    ["repo at HOME", "/home/u/a/b", "/home/u", "/home/u", ["/home/u/a/b", "/home/u/a"]],
    ["cwd is HOME", "/home/u", "/home/u", "/home/u", ["/home/u"]],
    ["repo above HOME", "/home/u/a", "/", "/home/u", ["/home/u/a"]],
    ["root repo outside HOME", "/srv/a", "/", "/home/u", ["/srv/a", "/srv"]],
    ["no HOME", "/c/web/src", "/c/web", undefined, ["/c/web/src", "/c/web"]],
    ["git root not above the cwd", "/c/x", "/c/web", "/home/u", ["/c/x"]],
  ];
  for (const [name, cwd, git, home, want] of cases) {
    await t.step(name, () => deepStrictEqual(searchDirs(cwd, git, home), want));
  }
});
