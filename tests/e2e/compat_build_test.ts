/**
 * issue 15's "done when": every tmuxinator and tmuxp file of ../shared/compat, imported with
 * `rune import --write` and started with `rune start`, BUILDS on a private tmux server what its
 * own tool builds: the same windows in order, names, layouts, pane directories, typed lines,
 * titles, programs, environments, focus and synchronize, compared with the oracles in
 * compat/*\/expected (tmuxinator 3.0.5's `debug` script, tmuxp 1.27's expand()+trickle()).
 * Nothing the files name runs: tmux's default-shell is a RecordingShell, which records what
 * each pane receives. The oracles' HOME (/home/holdout) is the test's HOME; the roots the files
 * name are made there (`~/test`, and interface-basic's /workspace/basic moved under it, so
 * nothing is made outside the temp dirs). Skipped, visibly, without the corpus or tmux.
 */
import { deepStrictEqual, strictEqual } from "node:assert/strict";
import { runRune } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import type { TmuxServer } from "../helpers/tmux_server.ts";
import { sharedDir } from "../helpers/shared.ts";
import { makeRecordingShell } from "../helpers/recording_shell.ts";
import type { RecordingShell } from "../helpers/recording_shell.ts";
import { observeSession } from "../helpers/observe_session.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { comparable, flattenTmuxpExpanded, parseTmuxinatorDebug } from "../import/oracle.ts";
import type { FlatSession } from "../import/oracle.ts";

const shared = sharedDir();
const COMPAT = shared && `${shared}/compat`;
const ignore = !COMPAT || !hasTmux;
const ORACLE_HOME = "/home/holdout";

type Compare = { dirs?: boolean; titles?: boolean; env?: boolean; shells?: boolean };

interface Case {
  tool: "tmuxinator" | "tmuxp";
  file: string;
  /** The oracles under expected/, and what each is compared on. */
  oracles: [file: string, compare: Compare][];
  /** Paths the corpus names that must be moved under the test's dirs, in file and oracle. */
  moved?: (t: Run) => [from: string, to: string][];
  /** Programs the imported config runs that the stand-in shell replaces. */
  programs?: (t: Run) => [from: string, to: string][];
  /** More checks on the built session. */
  check?: (t: Run) => Promise<void>;
}

/** One case's world: the temp HOME, the private server, the stand-in shell. */
interface Run {
  home: TempHome;
  tmux: TmuxServer;
  shell: RecordingShell;
  /** The project (and template) name the import chose. */
  project: string;
  session: string;
  config: string;
  env: Record<string, string>;
}

const TMUXINATOR = (name: string, compare: Compare = { dirs: true }): [string, Compare] => [
  `${name}.tmuxinator-3.0.5.debug.sh`,
  compare,
];
const TMUXP = (name: string): [string, Compare] => [
  `${name}.tmuxp-1.27.0.expanded.json`,
  { dirs: true, env: true, shells: true },
];

const CASES: Case[] = [
  { tool: "tmuxinator", file: "sample.yml", oracles: [TMUXINATOR("sample")] },
  { tool: "tmuxinator", file: "sample_alias.yml", oracles: [TMUXINATOR("sample_alias")] },
  {
    tool: "tmuxinator",
    file: "interface-basic.yml",
    // 3.0.5 sets titles only with enable_pane_titles; upstream's 2.6 snapshot has them.
    oracles: [
      ["interface-basic.tmux-2.6.debug.sh", { dirs: true, titles: true }],
      TMUXINATOR("interface-basic"),
    ],
    moved: (t) => [
      ["/workspace/basic", `${t.home.home}/workspace/basic`],
      ["/tmp/hold-tmxr.tA89", `${t.home.home}/workspace/basic`],
    ],
  },
  {
    tool: "tmuxinator",
    file: "interface-session_name.yml",
    oracles: [
      ["interface-session_name.tmux-2.6.debug.sh", {}],
      // No root: tmuxinator starts where it is run, which its script does not say.
      TMUXINATOR("interface-session_name", {}),
    ],
    async check(t) {
      strictEqual(t.session, "home_arpa_lab");
      await start(t, "a second start");
      deepStrictEqual(await sessions(t.tmux), ["home_arpa_lab"], "the session is reused");
    },
  },
  { tool: "tmuxp", file: "blank-panes.json", oracles: [TMUXP("blank-panes")] },
  {
    tool: "tmuxp",
    file: "focus-window-and-panes.yaml",
    oracles: [TMUXP("focus-window-and-panes")],
  },
  {
    tool: "tmuxp",
    file: "options.yaml",
    // Its default-command is every pane's program: checked below, not in the oracle.
    oracles: [[TMUXP("options")[0], { dirs: true, env: true }]],
    // Its session makes /bin/sh every pane's shell: the stand-in takes its place.
    programs: (t) => [["/bin/sh", t.shell.path]],
    async check(t) {
      const show = (...a: string[]) => t.tmux.tmux("show-options", "-v", ...a);
      strictEqual(await show("-t", `=${t.session}:`, "default-shell"), t.shell.path);
      strictEqual(await show("-t", `=${t.session}:`, "default-command"), t.shell.path);
      // ${MAIN_PANE_HEIGHT} (30 here, as for the oracle) on the window, not the session.
      strictEqual(await show("-w", "-t", `=${t.session}:`, "main-pane-height"), "30");
      strictEqual(await show("-w", "-t", `=${t.session}:`, "automatic-rename"), "on");
      const panes = (await observeSession(t.tmux, t.session, t.shell)).windows[0].panes;
      deepStrictEqual(panes.map((p) => p.shell), [t.shell.path, t.shell.path, t.shell.path]);
    },
  },
  {
    tool: "tmuxp",
    file: "pane-shell.yaml",
    oracles: [TMUXP("pane-shell")],
    async check(t) {
      const on = await t.tmux.tmux(
        "show-options",
        "-v",
        "-w",
        "-t",
        `=${t.session}:`,
        "remain-on-exit",
      );
      strictEqual(on, "on");
    },
  },
  { tool: "tmuxp", file: "session-environment.json", oracles: [TMUXP("session-environment")] },
  { tool: "tmuxp", file: "start-directory.yaml", oracles: [TMUXP("start-directory")] },
  {
    tool: "tmuxinator",
    file: "derived/assets-sample-uncommented.yml",
    oracles: [TMUXINATOR("assets-sample-uncommented")],
    moved: (t) => [["/tmp/rune-holdout-tmuxinator-hooks.log", `${t.home.dir}/hooks.log`]],
    async check(t) {
      const log = () => Deno.readTextFileSync(`${t.home.dir}/hooks.log`).trim().split("\n");
      const once = ["on_project_start", "on_project_first_start", "on_project_exit"];
      deepStrictEqual(log(), once);
      await start(t, "a second start");
      const again = ["on_project_start", "on_project_restart", "on_project_exit"];
      deepStrictEqual(log(), [...once, ...again]);
      deepStrictEqual(await sessions(t.tmux), ["sample"], "one session, reused");
      const stop = await runRune(["--config", t.config, "stop", t.project], {
        env: t.env,
        cwd: `${t.home.home}/proj`,
      });
      strictEqual(stop.code, 0, stop.stderr);
      deepStrictEqual(log(), [...once, ...again, "on_project_stop"]);
    },
  },
];

for (const c of CASES) {
  Deno.test({
    name: `${c.tool} ${c.file}: rune builds what ${c.tool} builds, on a private tmux server`,
    ignore,
    fn: () => buildAndCompare(c),
  });
}

async function buildAndCompare(c: Case): Promise<void> {
  const home = makeTempHome({ MAIN_PANE_HEIGHT: "30" });
  try {
    const h = home.home;
    for (const d of ["test", "workspace/basic/app", "proj/.tmuxp"]) {
      Deno.mkdirSync(`${h}/${d}`, { recursive: true });
    }
    const shell = makeRecordingShell(`${home.dir}/recorded`);
    await withTmuxServer(async (tmux) => {
      // The server starts with the stand-in as every pane's shell, before rune calls it.
      await tmux.tmux("new-session", "-d", "-s", "rune-test-keep");
      const t: Run = {
        home,
        tmux,
        shell,
        project: "",
        session: "",
        config: `${home.dir}/config.yaml`,
        env: { ...home.env, RUNE_TMUX_SOCKET: tmux.socket },
      };
      const replace = (pairs: [string, string][] = []) => (text: string) =>
        pairs.reduce((s, [from, to]) => s.replaceAll(from, to), text);
      const move = replace(c.moved?.(t));
      const name = c.file.slice(c.file.lastIndexOf("/") + 1);
      // tmuxp's oracle read the workspace from /home/holdout/proj/.tmuxp, started in ~/proj.
      const source = c.tool === "tmuxp" ? `${h}/proj/.tmuxp/${name}` : `${home.dir}/${name}`;
      Deno.writeTextFileSync(source, move(Deno.readTextFileSync(`${COMPAT}/${c.tool}/${c.file}`)));
      const imported = await runRune(["import", c.tool, source, "--write", "--config", t.config], {
        env: home.env,
        cwd: `${h}/proj`,
      });
      strictEqual(imported.code, 0, imported.stderr);
      t.project = /next: rune start (\S+)/.exec(imported.stderr)?.[1] ?? "";
      // The stand-in replaces programs the imported config names (options.yaml's /bin/sh).
      Deno.writeTextFileSync(t.config, replace(c.programs?.(t))(Deno.readTextFileSync(t.config)));
      await start(t, "the first start");
      [t.session] = await sessions(tmux);
      for (const [oracle, compare] of c.oracles) {
        const expected = expectedSession(c.tool, move(read(c.tool, oracle)), h);
        await sameSession(t, expected, compare);
      }
      await c.check?.(t);
    }, { conf: [`set -g default-shell ${shell.path}`] });
  } finally {
    home.cleanup();
  }
}

function read(tool: string, oracle: string): string {
  return Deno.readTextFileSync(`${COMPAT}/${tool}/expected/${oracle}`);
}

/** The session the oracle says its tool builds, in the test's HOME. */
function expectedSession(tool: Case["tool"], text: string, home: string): FlatSession {
  const here = text.replaceAll(ORACLE_HOME, home);
  if (tool === "tmuxp") {
    return flattenTmuxpExpanded(JSON.parse(here).expanded_and_trickled, {
      home,
      projectDir: `${home}/proj`,
    });
  }
  // tmuxinator 3.0.5 types a dangling "… && " for a null `pre` item; rune drops the null.
  return JSON.parse(JSON.stringify(parseTmuxinatorDebug(here)).replaceAll(' && "', '"'));
}

/** Waits until the built session, as tmux and the panes show it, is `expected`. */
async function sameSession(t: Run, expected: FlatSession, compare: Compare): Promise<void> {
  const want = comparable(expected, compare);
  const envNames = [
    ...new Set(expected.windows.flatMap((w) => w.panes.flatMap((p) => Object.keys(p.env ?? {})))),
  ];
  const layouts = expected.windows.map((w) => w.layout);
  let got: unknown;
  await waitFor(async () => {
    got = comparable(
      await observeSession(t.tmux, t.session, t.shell, { layouts, envNames }),
      compare,
    );
    return JSON.stringify(got) === JSON.stringify(want);
  }, { timeoutMs: 30_000, what: "the panes to receive their lines" }).catch(() => {});
  deepStrictEqual(got, want);
}

async function start(t: Run, what: string): Promise<void> {
  const r = await runRune(["--config", t.config, "start", t.project], {
    env: t.env,
    cwd: `${t.home.home}/proj`,
    timeoutMs: 90_000,
  });
  strictEqual(r.code, 0, `${what}: ${r.stderr}`);
}

async function sessions(tmux: TmuxServer): Promise<string[]> {
  const all = (await tmux.tmux("list-sessions", "-F", "#{session_name}")).split("\n");
  return all.filter((s) => s !== "rune-test-keep");
}
