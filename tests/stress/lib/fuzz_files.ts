/**
 * The fuzzing area's other inputs: tmuxinator and tmuxp project files (the real ones of
 * ../shared/compat, mutated; skipped with the reason where the corpus is absent) through
 * `rune import`, and a project's `.rune.yaml` through `rune trust --yes` and `rune start`,
 * whose commands each create a marker: untrusted or refused, none may run.
 */
import fc from "fast-check";
import { runRune } from "../../helpers/run_rune.ts";
import type { TempHome } from "../../helpers/temp_home.ts";
import { sharedFiles } from "../../helpers/shared.ts";
import { mutatedText } from "./fuzz_gen.ts";
import { unlocated } from "./probe.ts";
import { hasStack, SEED } from "./tally.ts";
import type { Tally } from "./tally.ts";

type Broke = { counter: string; why: string }[];

/**
 * Whether rune stopped because a command of the (mutated) config failed when it ran: a
 * mutation can break a command (a BOM in its marker path, ESC as the whole command), and
 * reporting that step and stopping with exit 1 is right.
 */
export function aCommandFailed(said: string, code: number): boolean {
  return code === 1 && /✗ .+: failed · /.test(said) && /the ritual stops here/.test(said);
}

function crashOrCode(said: string, code: number, codes: number[]): Broke {
  const broke: Broke = [];
  if (hasStack(said)) broke.push({ counter: "crashed", why: said.slice(0, 400) });
  if (!codes.includes(code) && !(codes.includes(0) && aCommandFailed(said, code))) {
    broke.push({ counter: "other exit", why: `exit ${code}: ${said.slice(0, 300)}` });
  }
  return broke;
}

export async function importFuzz(home: TempHome, tally: Tally, n: number): Promise<void> {
  const files = [
    ...sharedFiles("compat/tmuxinator", ".yml").map((f) => ({ f, tool: "tmuxinator" })),
    ...sharedFiles("compat/tmuxp", ".yaml").map((f) => ({ f, tool: "tmuxp" })),
    ...sharedFiles("compat/tmuxp", ".json").map((f) => ({ f, tool: "tmuxp" })),
  ];
  if (files.length === 0) {
    console.log("  check import mutations: skipped: ../shared/compat is absent");
    return;
  }
  const picks = fc.sample(fc.nat(files.length - 1), { seed: SEED + 2, numRuns: n });
  let held = 0;
  for (const [i, pick] of picks.entries()) {
    const { f, tool } = files[pick];
    const [m] = fc.sample(mutatedText(Deno.readTextFileSync(f)), {
      seed: SEED + 3 + i,
      numRuns: 1,
    });
    const path = `${home.dir}/import-${i}${f.slice(f.lastIndexOf("."))}`;
    Deno.writeFileSync(path, m.bytes);
    const r = await runRune(["import", tool, path], { env: home.env, cwd: home.dir });
    const broke = crashOrCode(r.stdout + r.stderr, r.code, [0, 2]);
    if (r.code === 2 && unlocated(r.stderr, path).length) {
      broke.push({ counter: "unlocated", why: unlocated(r.stderr, path).join(" | ") });
    }
    tally.note(`import exit ${r.code}`);
    if (tally.record(`import ${f.split("/").pop()} (${m.mutations.join(", ")})`, broke)) held++;
  }
  tally.check("mutated tmuxinator/tmuxp files through rune import", n, held);
}

const LOCAL = (mark: string) =>
  `projects: [{name: web}]
rituals:
  start:
    per_project:
      web:
        - {name: local, command: "touch ${mark}/local-start"}
        - {name: bg, command: "touch ${mark}/local-bg", background: true}
  stop:
    per_project:
      web: [{name: local-stop, command: "touch ${mark}/local-stop"}]
  templates:
    lt:
      session_name: local-{{.Project}}
      windows: [{name: w, panes: ["touch ${mark}/local-pane"]}]
`;

export async function localFuzz(home: TempHome, tally: Tally, n: number): Promise<void> {
  let held = 0;
  const dir = `${home.dir}/local`;
  Deno.mkdirSync(dir);
  home.writeConfig("settings: {tracking: {on_switch: stop}}\nprojects: [{name: web}]\n");
  for (let i = 0; i < n; i++) {
    const mark = `${home.dir}/local-mark-${i}`;
    Deno.mkdirSync(mark);
    const [m] = fc.sample(mutatedText(LOCAL(mark)), { seed: SEED + 1000 + i, numRuns: 1 });
    Deno.writeFileSync(`${dir}/.rune.yaml`, m.bytes);
    const env = { ...home.env, XDG_DATA_HOME: `${home.dir}/local-data-${i}` };
    // Untrusted: nothing of it runs.
    const before = await runRune(["start", "web"], { env, cwd: dir });
    const broke = crashOrCode(before.stdout + before.stderr, before.code, [0]);
    if ([...Deno.readDirSync(mark)].length) {
      broke.push({ counter: "ran when invalid", why: "an untrusted .rune.yaml ran" });
    }
    await runRune(["stop", "--skip-rituals"], { env, cwd: dir });
    const trust = await runRune(["trust", "--yes"], { env, cwd: dir });
    broke.push(...crashOrCode(trust.stdout + trust.stderr, trust.code, [0, 2]));
    const after = await runRune(["start", "web"], { env, cwd: dir });
    broke.push(...crashOrCode(after.stdout + after.stderr, after.code, [0, 2]));
    const ran = [...Deno.readDirSync(mark)].map((e) => e.name);
    if ((trust.code !== 0 || after.code === 2) && ran.length) {
      broke.push({ counter: "ran when invalid", why: `ran ${ran.join(", ")}` });
    }
    if (after.code === 2 && unlocated(after.stderr).length) {
      broke.push({ counter: "unlocated", why: unlocated(after.stderr).join(" | ") });
    }
    tally.note(`trusted exit ${trust.code}`);
    if (tally.record(`.rune.yaml ${i} (${m.mutations.join(", ")})`, broke)) held++;
  }
  tally.check("mutated .rune.yaml through trust and start", n, held);
}
