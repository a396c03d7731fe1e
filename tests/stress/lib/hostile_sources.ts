/**
 * Hostile values from the sources that give one value per run: the project argument, the
 * current directory's name (and bytes that are not UTF-8), a manifest's name, a git remote,
 * and the config's own names. Each lands in {{.Project}} / {{.ProjectDir}}, RUNE_PROJECT_DIR,
 * a tmux session's name and start directory, log and state paths, messages and `--json`.
 */
import { runeArgv, runRune } from "../../helpers/run_rune.ts";
import type { RuneResult } from "../../helpers/run_rune.ts";
import { sanitizeName } from "../../../src/project/sanitize.ts";
import { y } from "./hostile_configs.ts";
import { namesConfig } from "./hostile_configs.ts";
import { judge, read, resetSessions, tmuxOn, unlocated } from "./probe.ts";
import type { Broke } from "./probe.ts";
import type { Tally } from "./tally.ts";
import { label } from "./values.ts";
import { viaArgv } from "./hostile_checks.ts";
import { q } from "./world.ts";
import type { World } from "./world.ts";

/** A config whose steps and template write {{.Project}} and {{.ProjectDir}} where they land. */
function projectConfig(out: string, extra = ""): string {
  return `${extra}
settings: {tracking: {on_switch: stop}}
rituals:
  start:
    global:
      - {name: p, command: "printf '%s' {{.Project}} > ${out}/project"}
      - {name: d, command: "printf '%s' {{.ProjectDir}} > ${out}/dir"}
      - {name: ws, interactive: true, tmux_template: t}
  templates:
    t:
      session_name: "p-{{.Project}}"
      attach: false
      windows:
        - name: "{{.Project}}"
          panes: ["printf '%s' \\"$RUNE_PROJECT_DIR\\" > ${out}/pane"]
`;
}

type Source = (w: World, value: string, out: string) => Promise<{ r: RuneResult; broke: Broke[] }>;

async function perValue(w: World, tally: Tally, name: string, values: string[], source: Source) {
  let held = 0;
  for (const v of values) {
    const out = Deno.makeTempDirSync({ dir: w.home.dir, prefix: "out-" });
    const { r, broke } = await source(w, v, out);
    broke.push(...await judge(w, r, [0, 2]));
    if (tally.record(`${name} ${label(v)}`, broke)) held++;
    tally.note(`exit ${r.code}`);
    await resetSessions(w);
  }
  tally.check(name, values.length, held);
}

/** `rune start -- VALUE`: a project of the sanitized name, or exit 2 when nothing is left. */
export function argumentCheck(w: World, tally: Tally, values: string[]) {
  return perValue(w, tally, "argument", values, async (w, v, out) => {
    w.home.writeConfig(projectConfig(out));
    const r = await runRune(["start", "--detach", "--", v], { env: w.env, cwd: w.dir });
    const want = sanitizeName(viaArgv(v));
    const broke: Broke[] = [];
    if (r.code === 0 && read(`${out}/project`) !== want) {
      broke.push({ counter: "altered", why: `project ${label(read(`${out}/project`) ?? "")}` });
    }
    if (r.code === 2 && want !== "") broke.push({ why: `refused: ${r.stderr.slice(0, 200)}` });
    return { r, broke };
  });
}

/** The current directory named VALUE: {{.ProjectDir}}, RUNE_PROJECT_DIR and `-c` hold it. */
export function directoryCheck(w: World, tally: Tally, values: string[]) {
  return perValue(w, tally, "directory name", values, async (w, v, out) => {
    w.home.writeConfig(projectConfig(out));
    const dir = `${w.home.dir}/p${v.replaceAll("\0", "")}`;
    const broke: Broke[] = [];
    try {
      Deno.mkdirSync(dir, { recursive: true });
    } catch {
      tally.note("not a file name");
      const r = await runRune(["start", "--detach"], { env: w.env, cwd: w.dir });
      return { r, broke };
    }
    const real = Deno.realPathSync(dir);
    const r = await runRune(["start", "--detach"], { env: w.env, cwd: dir });
    for (const [what, got] of [["dir", read(`${out}/dir`)], ["pane", read(`${out}/pane`)]]) {
      if (got !== real) broke.push({ counter: "altered", why: `${what} got ${label(got ?? "")}` });
    }
    return { r, broke };
  });
}

/** A directory whose name is not UTF-8 (entered by `cd`, as Deno cannot name it): exit 2. */
export async function nonUtf8Check(w: World, tally: Tally) {
  let held = 0;
  for (
    const bytes of [String.raw`p\377\376`, String.raw`\303\050x`, String.raw`a\200$(touch pwned)`]
  ) {
    const rune = runeArgv(["start", "--detach"]).map(q).join(" ");
    const out = await new Deno.Command("sh", {
      args: ["-c", `mkdir -p "$(printf '${bytes}')" && cd "$(printf '${bytes}')" && exec ${rune}`],
      cwd: w.home.dir,
      clearEnv: true,
      env: {
        ...w.env,
        ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}),
      },
      stdout: "piped",
      stderr: "piped",
    }).output();
    const dec = new TextDecoder();
    const r = { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
    const broke = await judge(w, r, [2]);
    const lines = r.stderr.split("\n").filter(Boolean);
    if (!/its path is not valid UTF-8/.test(lines[0] ?? "") || lines.length !== 2) {
      broke.push({ why: `not one line and a hint: ${JSON.stringify(r.stderr)}` });
    }
    if (tally.record(`non-UTF-8 directory ${bytes}`, broke)) held++;
  }
  tally.check("non-UTF-8 directory", 3, held);
}

/** package.json's name (JSON), Cargo.toml's and go.mod's: a sanitized project name. */
export function manifestCheck(w: World, tally: Tally, values: string[], kinds: string[]) {
  const tries = values.flatMap((v) => kinds.map((k) => ({ v, k })));
  let i = 0;
  return perValue(
    w,
    tally,
    `manifest (${kinds.join(", ")})`,
    tries.map((t) => t.v),
    (w, v, out) => {
      const kind = tries[i++].k;
      const dir = Deno.makeTempDirSync({ dir: w.home.dir, prefix: "m-" });
      const files: Record<string, string> = {
        "package.json": JSON.stringify({ name: v }),
        "Cargo.toml": `[package]\nname = ${y(v)}\n`,
        "go.mod": `module ${v}\n`,
        "pyproject.toml": `[project]\nname = ${y(v)}\n`,
      };
      Deno.writeTextFileSync(`${dir}/${kind}`, files[kind]);
      w.home.writeConfig(projectConfig(out));
      return checkProjectName(w, dir, out);
    },
  );
}

/** `.git/config` with a remote URL of VALUE, and a git-remote detect rule to match it against. */
export function gitRemoteCheck(w: World, tally: Tally, values: string[]) {
  return perValue(w, tally, "git remote", values, (w, v, out) => {
    const dir = Deno.makeTempDirSync({ dir: w.home.dir, prefix: "g-" });
    Deno.mkdirSync(`${dir}/.git`);
    Deno.writeTextFileSync(`${dir}/.git/HEAD`, "ref: refs/heads/main\n");
    Deno.writeTextFileSync(`${dir}/.git/config`, `[remote "origin"]\n\turl = ${v}\n`);
    w.home.writeConfig(
      projectConfig(
        out,
        `projects: [{name: acme, detect: ["git-remote:acme/never-${Date.now()}"]}]`,
      ),
    );
    return checkProjectName(w, dir, out);
  });
}

async function checkProjectName(w: World, dir: string, out: string) {
  const r = await runRune(["start", "--detach"], { env: w.env, cwd: dir });
  const got = read(`${out}/project`);
  const broke: Broke[] = [];
  if (r.code !== 0) broke.push({ why: `exit ${r.code}: ${r.stderr.slice(0, 300)}` });
  else if (!got || !/^[a-z0-9_-]{1,64}$/.test(got)) {
    broke.push({ counter: "altered", why: `project ${label(got ?? "")}` });
  }
  return { r, broke };
}

/** The config's own names: identifiers refused when they cannot name a file, labels kept. */
export function namesCheck(w: World, tally: Tally, values: string[]) {
  const tries = values.flatMap((v) => (["identifiers", "labels"] as const).map((k) => ({ v, k })));
  let i = 0;
  return perValue(w, tally, "configured names", tries.map((t) => t.v), async (w, v, out) => {
    const kind = tries[i++].k;
    w.home.writeConfig(namesConfig(v, kind, out));
    const arg = kind === "identifiers" ? viaArgv(v).replaceAll("\0", "") || "x" : "web";
    const r = await runRune(["start", "--detach", "--json", "--", arg], { env: w.env, cwd: w.dir });
    const broke: Broke[] = [];
    if (r.code === 2 && unlocated(r.stderr).length) {
      broke.push({ why: `unlocated: ${unlocated(r.stderr).join(" | ")}` });
    }
    if (r.code === 0 && kind === "labels") {
      const built = r.stdout.match(/built session \\"(.*?)\\" \(/)?.[1];
      const stored = await tmuxOn(w.socket, ["list-sessions", "-F", "#{session_name}"]);
      if (!built || !stored.split("\n").includes(JSON.parse(`"${built}"`))) {
        broke.push({ counter: "altered", why: `reported ${built}, stored ${label(stored)}` });
      }
    }
    return { r, broke };
  });
}
