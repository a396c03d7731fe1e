/**
 * A project's own .rune.yaml runs nothing until trusted: not through start, stop, ritual list,
 * ritual run or the shell hook's enter ritual. Trusting runs it; an edit, a symbolic link or
 * a move makes it untrusted again; what it may not hold is a located error in the file.
 */
import { deepStrictEqual, match, ok, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome, type TempHome } from "../helpers/temp_home.ts";
import { exists } from "../helpers/files.ts";

const LOCAL = (marker: string) =>
  `version: 1
projects: [{ name: web }]
rituals:
  start:
    per_project:
      web: [{ name: local-start, command: "touch ${marker}/start" }]
  stop:
    per_project:
      web: [{ name: local-stop, command: "touch ${marker}/stop" }]
  enter:
    per_project:
      web: [{ name: local-enter, command: "touch ${marker}/enter" }]
`;

async function withLocal(fn: (h: TempHome, proj: string, marks: string) => Promise<void>) {
  const h = makeTempHome();
  try {
    const proj = `${h.home}/web`;
    const marks = `${h.dir}/marks`;
    Deno.mkdirSync(`${proj}/.git`, { recursive: true });
    Deno.mkdirSync(marks);
    h.writeConfig("settings:\n  hooks: { enter_leave: true }\n");
    Deno.writeTextFileSync(`${proj}/.rune.yaml`, LOCAL(marks));
    await fn(h, proj, marks);
  } finally {
    h.cleanup();
  }
}

const made = (marks: string) => [...Deno.readDirSync(marks)].map((e) => e.name).sort();

Deno.test("an untrusted .rune.yaml runs nothing: start, stop, ritual list/run, the hook", async () => {
  await withLocal(async (h, proj, marks) => {
    const run = (args: string[]) => runRune(args, { env: h.env, cwd: `${proj}` });
    const first = await run(["start"]);
    match(first.stderr, /not using .*\.rune\.yaml: it is not trusted; .*`rune trust`/);
    for (const args of [["stop"], ["ritual", "run", "start"], ["ritual", "run", "enter"]]) {
      const r = await run(args);
      ok(!r.stderr.includes("not using"), `said again by ${args.join(" ")}: ${r.stderr}`);
    }
    const listed = await run(["ritual", "list"]);
    ok(!listed.stdout.includes("local-start"), listed.stdout);
    const hook = await run(["__hook-env", "bash"]);
    strictEqual(hook.code, 0, hook.stderr);
    match(hook.stdout, /^unset RUNE_PROJECT$/m);
    deepStrictEqual(made(marks), []);
  });
});

Deno.test("trusting runs it; an edit revokes trust until trusted again", async () => {
  await withLocal(async (h, proj, marks) => {
    const run = (args: string[], cwd = proj) => runRune(args, { env: h.env, cwd });
    const trust = await run(["trust", "--yes"]);
    strictEqual(trust.code, 0, trust.stderr);
    match(trust.stdout, /never trusted/);
    match(trust.stdout, /rune start · project web/);
    match(trust.stdout, /\$ touch .*\/start/);
    strictEqual((await run(["ritual", "run", "start"])).code, 0);
    const hook = await run(["__hook-env", "bash"]);
    match(hook.stdout, /^export RUNE_PROJECT='web'$/m);
    deepStrictEqual(made(marks), ["enter", "start"]);
    const listed = await run(["ritual", "list"]);
    match(listed.stdout, /local-start/);

    for (const m of made(marks)) Deno.removeSync(`${marks}/${m}`);
    Deno.writeTextFileSync(`${proj}/.rune.yaml`, "# edited\n", { append: true });
    const edited = await run(["ritual", "run", "start"]);
    match(edited.stderr, /it changed since you trusted it/);
    await run(["__hook-env", "bash"], "/");
    await run(["__hook-env", "bash"]);
    deepStrictEqual(made(marks), []);
    const again = await run(["trust", "--yes"]);
    match(again.stdout, /changed since you trusted it/);
    match(again.stdout, /^\+ # edited$/m);
    strictEqual((await run(["ritual", "run", "start"])).code, 0);
    deepStrictEqual(made(marks), ["start"]);
  });
});

Deno.test("a symlinked or moved .rune.yaml is not trusted by its old hash", async () => {
  await withLocal(async (h, proj, marks) => {
    const run = (args: string[], cwd = proj) => runRune(args, { env: h.env, cwd });
    strictEqual((await run(["trust", "--yes"])).code, 0);
    const other = `${h.home}/other`;
    Deno.mkdirSync(`${other}/.git`, { recursive: true });
    Deno.symlinkSync(`${proj}/.rune.yaml`, `${other}/.rune.yaml`);
    const linked = await run(["ritual", "run", "start"], other);
    match(linked.stderr, /symbolic link/);
    const refused = await run(["trust", "--yes"], other);
    strictEqual(refused.code, 2);
    match(refused.stderr, /symbolic link/);

    const moved = `${h.home}/moved`;
    Deno.renameSync(proj, moved);
    const r = await run(["ritual", "run", "start"], moved);
    match(r.stderr, /not using .*moved\/\.rune\.yaml: it is not trusted/);
    deepStrictEqual(made(marks), []);
    const list = JSON.parse((await run(["trust", "--list", "--json"], moved)).stdout);
    deepStrictEqual(list.map((e: { state: string; project: string }) => [e.project, e.state]), [
      ["web", "missing"],
    ]);
    strictEqual((await run(["untrust", `${proj}/.rune.yaml`], moved)).code, 0);
    deepStrictEqual(JSON.parse((await run(["trust", "--list", "--json"], moved)).stdout), []);
  });
});

Deno.test("settings, global and other projects' commands are located errors of the file", async () => {
  await withLocal(async (h, proj) => {
    Deno.writeTextFileSync(
      `${proj}/.rune.yaml`,
      `projects: [{ name: web }]
settings:
  env: { allow: ["*"] }
rituals:
  start:
    global: [{ name: g, command: "true" }]
    per_project:
      bank: [{ name: b, command: "true" }]
`,
    );
    const r = await runRune(["trust", "--yes"], { env: h.env, cwd: proj });
    strictEqual(r.code, 2);
    const file = `${proj}/.rune.yaml`;
    match(r.stderr, new RegExp(`${file}:2:1: error: Cannot use settings: settings are yours`));
    match(r.stderr, new RegExp(`${file}:6:5: error: Cannot use rituals.start.global`));
    match(r.stderr, new RegExp(`${file}:8:7: error: .*per_project.bank: the file is for`));
    match(r.stderr, /nothing trusted/);
    deepStrictEqual(
      JSON.parse((await runRune(["trust", "--list", "--json"], { env: h.env })).stdout),
      [],
    );
  });
});

Deno.test("rune init --project writes a .rune.yaml that trusts as a local file", async () => {
  const h = makeTempHome();
  try {
    const proj = `${h.home}/shop`;
    Deno.mkdirSync(proj, { recursive: true });
    strictEqual((await runRune(["init", "--project"], { env: h.env, cwd: proj })).code, 0);
    const r = await runRune(["trust", "--yes"], { env: h.env, cwd: proj });
    strictEqual(r.code, 0, r.stderr);
    match(r.stdout, /shop\/\.rune\.yaml \(project shop\)/);
    const plan = await runRune(["start", "--dry-run"], { env: h.env, cwd: proj });
    strictEqual(plan.code, 0, plan.stderr);
    match(plan.stdout, /project shop .*the trusted \.rune\.yaml/);
    ok(exists(`${h.dir}/data/rune/trusted_files.json`));
    strictEqual(Deno.statSync(`${h.dir}/data/rune/trusted_files.json`).mode! & 0o777, 0o600);
  } finally {
    h.cleanup();
  }
});
