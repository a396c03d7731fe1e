import { deepStrictEqual, ok as assert } from "node:assert/strict";
import { gatherProjectFacts } from "../../src/project/gather.ts";
import { findProject } from "../../src/project/detect.ts";
import type { Issue } from "../../src/base/result.ts";
import type { ProjectSpec } from "../../src/config/schema.ts";

/** A throwaway tree: HOME, a repo with remotes, a linked worktree, a submodule, a monorepo. */
function makeTree() {
  const t = Deno.realPathSync(Deno.makeTempDirSync({ prefix: "rune-project-" }));
  const write = (rel: string, text: string) => {
    const path = `${t}/${rel}`;
    Deno.mkdirSync(path.slice(0, path.lastIndexOf("/")), { recursive: true });
    Deno.writeTextFileSync(path, text);
  };
  const mkdir = (rel: string) => Deno.mkdirSync(`${t}/${rel}`, { recursive: true });
  mkdir("home");
  // a repository with two remotes
  write(
    "code/web/.git/config",
    '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:acme/web.git\n[remote "fork"]\n\turl = https://github.com/me/web\n',
  );
  write("code/web/.git/HEAD", "ref: refs/heads/main\n");
  write("code/web/package.json", '{"name": "@acme/Web"}');
  write("code/web/README.md", "# web\n");
  mkdir("code/web/ios");
  Deno.symlinkSync(`${t}/code/web/ios`, `${t}/code/web/android`);
  mkdir("code/web/src/lib");
  // a linked worktree of it (git worktree add ../../wt/feature-x)
  write("code/web/.git/worktrees/feature-x/commondir", "../..\n");
  write("code/web/.git/worktrees/feature-x/HEAD", "ref: refs/heads/x\n");
  write("wt/feature-x/.git", `gitdir: ${t}/code/web/.git/worktrees/feature-x\n`);
  mkdir("wt/feature-x/src");
  // a submodule: relative gitdir, its own config
  write("code/web/vendor/sub/.git", "gitdir: ../../.git/modules/sub\n");
  write(
    "code/web/.git/modules/sub/config",
    '[remote "origin"]\n\turl = https://example.com/sub.git\n',
  );
  // a monorepo with nested manifests
  mkdir("mono/.git");
  write("mono/package.json", '{"name": "mono"}');
  write("mono/packages/ui/Cargo.toml", '[package]\nname = "UI Crate"\n');
  mkdir("mono/packages/ui/src");
  // no repository; a stray .git file that is not git's
  write("plain/package.json", '{"name": "outer"}');
  write("plain/sub/.git", "not a gitdir line\n");
  // ~/code is a symlink to the real code directory
  Deno.symlinkSync(`${t}/code`, `${t}/home/code`);
  return { t, env: { HOME: `${t}/home` } as Record<string, string> };
}

Deno.test("gatherProjectFacts() finds the repository and reads its remotes from .git/config", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({
      cwd: `${t}/code/web/src/lib`,
      env,
      projects: [{ name: "web", detect: ["git-remote:acme/web"] }],
    });
    deepStrictEqual(facts.git, {
      root: `${t}/code/web`,
      remotes: ["git@github.com:acme/web.git", "https://github.com/me/web"],
    });
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() reads no remotes when no git-remote rule needs them", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({ cwd: `${t}/code/web`, env, projects: [] });
    deepStrictEqual(facts.git, { root: `${t}/code/web` });
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() follows a worktree's .git file to the main repository", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({
      cwd: `${t}/wt/feature-x/src`,
      env,
      projects: [{ name: "web", detect: ["git-remote:nothing"] }],
    });
    deepStrictEqual(facts.git, {
      root: `${t}/wt/feature-x`,
      mainName: "web",
      remotes: ["git@github.com:acme/web.git", "https://github.com/me/web"],
    });
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() resolves a submodule's relative gitdir", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({
      cwd: `${t}/code/web/vendor/sub`,
      env,
      projects: [{ name: "s", detect: ["git-remote:x"] }],
    });
    deepStrictEqual(facts.git, {
      root: `${t}/code/web/vendor/sub`,
      remotes: ["https://example.com/sub.git"],
    });
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() records the entries rules ask for, symlinked dirs as dirs", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({
      cwd: `${t}/code/web/src`,
      env,
      projects: [{ name: "web", detect: ["yarn.lock", "android/", "*.md", "ios"] }],
    });
    deepStrictEqual(facts.entries, {
      [`${t}/code/web/src`]: {},
      [`${t}/code/web`]: { android: "dir", "README.md": "file", ios: "dir" },
    });
    deepStrictEqual(facts.manifests, {}, "a rule held, so no manifest is read");
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() stats a symlink a glob matches, so andr*/ sees a directory", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({
      cwd: `${t}/code/web`,
      env,
      projects: [{ name: "web", detect: ["andr*/"] }],
    });
    deepStrictEqual(facts.entries, { [`${t}/code/web`]: { android: "dir" } });
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() reads the nearest naming manifest and stops", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({ cwd: `${t}/mono/packages/ui/src`, env, projects: [] });
    deepStrictEqual(facts.manifests, {
      [`${t}/mono/packages/ui/Cargo.toml`]: '[package]\nname = "UI Crate"\n',
    });
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() needs nothing for an unknown argument", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({
      cwd: `${t}/code/web`,
      env,
      projects: [],
      argument: "zzz",
    });
    deepStrictEqual([facts.git, facts.entries, facts.manifests], [undefined, {}, {}]);
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("gatherProjectFacts() sees the shell's $PWD through a symlink and where dir: paths lead", async () => {
  const { t, env } = makeTree();
  try {
    const facts = await gatherProjectFacts({
      cwd: `${t}/code/web/src`,
      env: { ...env, PWD: `${t}/home/code/web/src` },
      projects: [{ name: "web", detect: ["dir:~/code/web"] }],
    });
    deepStrictEqual(facts.cwdAliases, [`${t}/home/code/web/src`]);
    deepStrictEqual(facts.realPaths, { [`${t}/home/code/web`]: `${t}/code/web` });
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("findProject() on real trees", async (test) => {
  const { t, env } = makeTree();
  const cases: {
    name: string;
    cwd: string;
    projects?: ProjectSpec[];
    argument?: string;
    want: unknown;
  }[] = [
    {
      name: "package.json name from a subdirectory, scope stripped",
      cwd: "code/web/src/lib",
      want: { name: "web", dir: `${t}/code/web`, detectedBy: "package.json name" },
    },
    {
      name: "a detect rule names the project and its dir",
      cwd: "code/web/src/lib",
      projects: [{ name: "Site", detect: ["ios/"] }],
      want: { name: "site", dir: `${t}/code/web`, detectedBy: 'detect rule "ios/"' },
    },
    {
      name: "git-remote: matches the ssh remote from a worktree",
      cwd: "wt/feature-x/src",
      projects: [{ name: "web", detect: ["git-remote:github.com/acme/web"] }],
      want: {
        name: "web",
        dir: `${t}/wt/feature-x`,
        detectedBy: 'detect rule "git-remote:github.com/acme/web"',
      },
    },
    {
      name: "dir: through the ~/code symlink",
      cwd: "code/web/src",
      projects: [{ name: "web", detect: ["dir:~/code/web"] }],
      want: { name: "web", dir: `${t}/home/code/web`, detectedBy: 'detect rule "dir:~/code/web"' },
    },
    {
      name: "the nearest manifest in a monorepo",
      cwd: "mono/packages/ui/src",
      want: {
        name: "ui-crate",
        dir: `${t}/mono/packages/ui`,
        detectedBy: "Cargo.toml package name",
      },
    },
    {
      name: "a worktree without a manifest: the worktree root's name",
      cwd: "wt/feature-x/src",
      want: { name: "feature-x", dir: `${t}/wt/feature-x`, detectedBy: "git root name" },
    },
    {
      name: "no repository, a stray .git file: the directory's name, the parent's manifest ignored",
      cwd: "plain/sub",
      want: { name: "sub", dir: `${t}/plain/sub`, detectedBy: "directory name" },
    },
    {
      name: "an argument naming a project with a dir: rule",
      cwd: "plain",
      projects: [{ name: "web", detect: ["dir:~/code/web"] }],
      argument: "Web",
      want: {
        name: "web",
        dir: `${t}/home/code/web`,
        detectedBy: 'argument; dir from detect rule "dir:~/code/web"',
      },
    },
  ];
  try {
    for (const c of cases) {
      await test.step(c.name, async () => {
        const r = await findProject({
          cwd: `${t}/${c.cwd}`,
          env,
          projects: c.projects ?? [],
          argument: c.argument,
        });
        deepStrictEqual(r.ok ? r.value : r.error, c.want);
      });
    }
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("findProject() hands malformed rules to onWarning and still finds the project", async () => {
  const { t, env } = makeTree();
  try {
    const warnings: Issue[] = [];
    const r = await findProject({
      cwd: `${t}/code/web`,
      env,
      projects: [{ name: "web", detect: ["env:", "package.json"] }],
      onWarning: (w) => warnings.push(w),
    });
    assert(r.ok);
    deepStrictEqual(r.value.detectedBy, 'detect rule "package.json"');
    deepStrictEqual(warnings.map((w) => w.code), ["bad-detect-rule"]);
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});

Deno.test("findProject() without read permission for a parent (looking for .git) fails loudly, never guesses", async () => {
  const { t, env } = makeTree();
  try {
    const module = new URL("../../src/project/detect.ts", import.meta.url).href;
    const script = `${t}/probe.ts`;
    Deno.writeTextFileSync(
      script,
      `import { findProject } from ${JSON.stringify(module)};\n` +
        `try { await findProject({ cwd: ${
          JSON.stringify(`${t}/plain/sub`)
        }, env: {}, projects: [] }); console.log("guessed"); }\n` +
        `catch (e) { console.log(e instanceof Deno.errors.NotCapable ? "NotCapable" : String(e)); }\n`,
    );
    const srcDir = new URL("../../src", import.meta.url).pathname;
    const out = await new Deno.Command(Deno.execPath(), {
      args: [
        "run",
        "--no-config",
        "-q",
        "--no-prompt",
        `--allow-read=${t}/plain,${srcDir},${script}`,
        script,
      ],
      env: { ...env, NO_COLOR: "1" },
      clearEnv: true,
    }).output();
    deepStrictEqual(new TextDecoder().decode(out.stdout).trim(), "NotCapable");
  } finally {
    Deno.removeSync(t, { recursive: true });
  }
});
