/**
 * Configured names that try to leave $XDG_STATE_HOME/rune (`../../…`): the bundle refuses the
 * identifiers, renames the labels, and writes nothing outside its state directory.
 */
import { deepStrictEqual, match, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { waitFor } from "../helpers/wait_for.ts";

/** From $XDG_STATE_HOME/rune/logs/PROJECT/ up to the temp dir, then into a new directory. */
const UP = "../../../..";

/** Every path under `dir`, relative to it. */
function tree(dir: string, prefix = ""): string[] {
  const out: string[] = [];
  for (const entry of Deno.readDirSync(`${dir}${prefix}`)) {
    const rel = `${prefix}/${entry.name}`;
    out.push(rel);
    if (entry.isDirectory) out.push(...tree(dir, rel));
  }
  return out.sort();
}

/** What `fn` created under the temp dir, outside $XDG_STATE_HOME/rune (and Deno's own cache). */
async function createdOutsideState(home: TempHome, fn: () => Promise<void>): Promise<string[]> {
  const before = new Set(tree(home.dir));
  await fn();
  // rune's own places: its state, its data (the work-session store), Deno's cache, and the
  // validated-config cache, whose file is named by a hash, never by a name from the config.
  const allowed = (p: string) =>
    /^\/(state|data)\/rune(\/|$)|^\/cache\/deno(\/|$)|^\/cache\/rune(\/config-[0-9a-f]{24}\.json)?$/
      .test(p);
  return tree(home.dir).filter((p) => !before.has(p) && !allowed(p));
}

const IDENTIFIERS = `
projects:
  - name: "${UP}/escaped-project"
rituals:
  start:
    global:
      - { name: "${UP}/escaped-step", command: "true", background: true }
    per_project:
      "${UP}/escaped-key": [{ name: x, command: "true", background: true }]
  templates:
    "${UP}/escaped-template":
      session_name: "${UP}/escaped-session"
      windows: [{ name: "${UP}/escaped-window", panes: [null] }]
`;

Deno.test("names holding ../ fail validation, and start creates nothing", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(IDENTIFIERS);
    const validate = await runRune(["config", "validate"], { env: home.env });
    strictEqual(validate.code, 2, validate.stderr);
    const located = [...validate.stderr.matchAll(/:(\d+):(\d+): (error|warning): /g)]
      .map((m) => `${m[3]} ${m[1]}:${m[2]}`);
    deepStrictEqual(located, [
      "error 3:11",
      "warning 7:17", // the background step's log file is renamed
      "warning 9:7", // per_project names no project of projects (unknown-project)
      "error 9:7",
      "error 11:5",
      "warning 12:21",
      // 13:25, the window's name, never becomes a path: no warning.
    ]);
    match(validate.stderr, /: 3 errors, 3 warnings/);
    const created = await createdOutsideState(home, async () => {
      const start = await runRune(["start", "--", `${UP}/escaped-project`], {
        env: home.env,
        cwd: home.home,
      });
      strictEqual(start.code, 2, start.stderr);
      match(start.stderr, /nothing ran/);
    });
    deepStrictEqual(created, []);
    deepStrictEqual(tree(home.dir).filter((p) => p.includes("escaped")), []);
  } finally {
    home.cleanup();
  }
});

const LABELS = `
projects:
  - { name: app, detect: [marker.txt] }
rituals:
  start:
    global:
      - { name: "${UP}/escaped-step", command: "echo logged", background: true }
`;

Deno.test("a background command named ../ logs under the state dir, renamed", async () => {
  const home = makeTempHome();
  try {
    home.writeConfig(LABELS);
    const app = `${home.dir}/app`;
    Deno.mkdirSync(app);
    Deno.writeTextFileSync(`${app}/marker.txt`, "");
    const logs = `${home.dir}/state/rune/logs`;
    for (const project of ["app", `${UP}/escaped-project`]) {
      const created = await createdOutsideState(home, async () => {
        // The ritual only (no work session): the second project must not meet the first's.
        const start = await runRune(["ritual", "run", "start", "--", project], {
          env: home.env,
          cwd: app,
        });
        strictEqual(start.code, 0, start.stderr);
        match(start.stderr, /warning: Cannot use ".*escaped-step" as it is in a file name/);
      });
      deepStrictEqual(created, []);
    }
    const written = tree(logs).filter((p) => p.endsWith(".log"));
    deepStrictEqual(written.map((p) => p.replace(/-\d{8}-\d{6}\.log$/, "")), [
      "/app/escaped-step",
      "/escaped-project/escaped-step",
    ]);
    await waitFor(() => Deno.readTextFileSync(`${logs}${written[0]}`).includes("logged"));
    deepStrictEqual(
      tree(home.dir).filter((p) => p.includes("escaped") && !p.startsWith("/state/rune/logs/")),
      [],
    );
  } finally {
    home.cleanup();
  }
});
