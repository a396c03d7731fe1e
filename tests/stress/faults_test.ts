/**
 * Issue 18 "faults": the tmux server killed, or the session killed, while rune builds it (a
 * clear error, no half-built session, no work session opened; the next start builds it
 * whole); tmux or `script` missing from PATH; the state or data dir read-only, full (a small
 * tmpfs) or deleted while rune runs (a clear error; the work-session store passes SQLite's
 * integrity check afterwards); the config rewritten by a step while rune runs (the plan that
 * started goes on; the next run reads the new file). Each through the real bundle.
 */
import { runeArgv, runRune } from "../helpers/run_rune.ts";
import type { RuneResult } from "../helpers/run_rune.ts";
import { makeTempHome } from "../helpers/temp_home.ts";
import type { TempHome } from "../helpers/temp_home.ts";
import { hasTmux, withTmuxServer } from "../helpers/tmux_server.ts";
import { waitFor } from "../helpers/wait_for.ts";
import { runInPane } from "../e2e/pty_pane.ts";
import { FULL, Tally } from "./lib/tally.ts";
import { read, tmuxOn } from "./lib/probe.ts";
import {
  fill,
  integrity,
  mountTmpfs,
  pathWithout,
  remount,
  unclear,
  unmount,
} from "./lib/faults.ts";

const BIG = `
rituals:
  start:
    global: [{name: ws, interactive: true, tmux_template: big}]
  templates:
    big:
      session_name: big
      attach: false
      windows:
${
  Array.from({ length: 100 }, (_, i) =>
    `        - {name: w${i}, panes: ["echo ${i}", "echo ${i}b", "echo ${i}c", "echo ${i}d"]}`).join(
      "\n",
    )
}
`;

async function withHome(fn: (home: TempHome, dir: string) => Promise<void>) {
  const home = makeTempHome();
  try {
    const dir = `${home.dir}/web`;
    Deno.mkdirSync(dir);
    await fn(home, dir);
  } finally {
    home.cleanup();
  }
}

/** Starts rune, waits for `ready`, does `fault`, and returns how rune ended. */
async function during(
  args: string[],
  env: Record<string, string>,
  cwd: string,
  ready: () => Promise<boolean>,
  fault: () => Promise<void>,
): Promise<RuneResult> {
  const argv = runeArgv(args);
  const child = new Deno.Command(argv[0], {
    args: argv.slice(1),
    env: { ...env, ...(Deno.env.get("DENO_DIR") ? { DENO_DIR: Deno.env.get("DENO_DIR")! } : {}) },
    clearEnv: true,
    cwd,
    stdin: "null",
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  const out = child.output();
  await waitFor(ready, { timeoutMs: 30_000, what: "the stage to fault" });
  await fault();
  const o = await out;
  const dec = new TextDecoder();
  return { code: o.code, stdout: dec.decode(o.stdout), stderr: dec.decode(o.stderr) };
}

async function idle(home: TempHome, dir: string): Promise<string[]> {
  const s = await runRune(["status", "--json"], { env: home.env, cwd: dir });
  return JSON.parse(s.stdout || "{}").state === "idle" ? [] : [`work session: ${s.stdout}`];
}

async function tmuxFaults(tally: Tally) {
  const slow = `${Deno.makeTempDirSync({ prefix: "rune-slow-" })}/slowsh`;
  Deno.writeTextFileSync(slow, '#!/bin/sh\nsleep 3\nexec /bin/bash "$@"\n');
  Deno.chmodSync(slow, 0o755);
  for (const what of FULL ? ["server", "session"] as const : ["server"] as const) {
    // A server whose panes take 3 s to start a shell: rune is still typing when the fault hits.
    await withHome((home, dir) =>
      withTmuxServer(async (tmux) => {
        home.writeConfig(BIG);
        const sock = tmux.socket;
        const env = { ...home.env, RUNE_TMUX_SOCKET: sock };
        const has = async () =>
          (await tmuxOn(sock, ["list-sessions", "-F", "#{session_name}"])) === "big";
        const r = await during(["start", "--detach"], env, dir, has, async () => {
          if (what === "server") {
            Deno.kill(Number(await tmuxOn(sock, ["display", "-p", "#{pid}"])), "SIGKILL");
          } else await tmuxOn(sock, ["kill-session", "-t", "=big"]);
        });
        // A build is a few chained tmux calls (100 windows x 4 panes): the fault lands inside
        // it (exit 1, nothing left, no work session) or after its last call (exit 0).
        tally.note(`tmux ${what} killed: exit ${r.code}`);
        const broke = r.code === 0 ? unclear(r, [0]) : [
          ...unclear(r, [1], /tmux|session/),
          ...await idle(home, dir),
        ];
        const left = r.code === 0
          ? ""
          : await tmuxOn(sock, ["list-sessions", "-F", "#{session_name}"]);
        if (left) broke.push(`left behind: ${left}`);
        const again = await runRune(["start", "--detach"], { env, cwd: dir });
        const windows = await tmuxOn(sock, ["list-windows", "-t", "=big", "-F", "#{window_name}"]);
        if (again.code !== 0 || windows.split("\n").length !== 100) {
          broke.push(`the next start: exit ${again.code}, ${windows.split("\n").length} windows`);
        }
        tally.record(
          `tmux ${what} killed during a build`,
          broke.map((why) => ({ counter: "unclear", why })),
        );
      }, { conf: [`set -g default-shell ${slow}`] })
    );
  }
  Deno.removeSync(slow.slice(0, slow.lastIndexOf("/")), { recursive: true });
  tally.check("tmux killed during a build", 2, 2);
}

async function missingPrograms(tally: Tally) {
  await withHome(async (home, dir) => {
    home.writeConfig(BIG);
    const env = {
      ...home.env,
      PATH: pathWithout(home.dir, ["tmux"]),
      RUNE_TMUX_SOCKET: `${home.dir}/run/x.sock`,
    };
    const r = await runRune(["start", "--detach"], { env, cwd: dir });
    tally.record(
      "tmux missing",
      unclear(r, [3], /tmux/).map((why) => ({ counter: "unclear", why })),
    );
  });
  await withHome((home, dir) =>
    withTmuxServer(async (tmux) => {
      home.writeConfig(
        `rituals: {start: {global: [{name: ask, interactive: true, command: "echo asked > ${dir}/asked"}]}}\n`,
      );
      const run = await runInPane(tmux, {
        home,
        cwd: dir,
        args: ["start"],
        env: { PATH: pathWithout(home.dir, ["script"]) },
        outsideTmux: true,
      });
      const code = await run.exitCode(30_000);
      const screen = await tmux.capture(run.pane);
      const broke = unclear(
        { code, stdout: screen, stderr: screen.includes("rune:") ? screen : "" },
        [0, 3],
        /script/,
      );
      if (run.sttyAfter() !== run.sttyBefore()) broke.push("the terminal was not restored");
      if (code === 0 && read(`${dir}/asked`) !== "asked\n") {
        broke.push("exit 0 but the step did not run");
      }
      tally.record("script missing", broke.map((why) => ({ counter: "unclear", why })));
    })
  );
  tally.check("tmux or script missing", 2, 2);
}

const TRACKED = `rituals:
  start:
    global:
      - {name: a, command: "true"}
      - {name: bg, command: "true", background: true}
`;

/** The data or state dir on a small tmpfs, read-only or full; or deleted by a step. */
async function diskFaults(tally: Tally) {
  for (const which of FULL ? ["data", "state"] as const : ["data"] as const) {
    for (const fault of FULL ? ["read-only", "full"] as const : ["full"] as const) {
      await withHome(async (home, dir) => {
        home.writeConfig(TRACKED);
        const mnt = `${home.dir}/${which}`;
        const why = await mountTmpfs(mnt, 512);
        if (why) {
          tally.note(`skipped ${which} ${fault}: ${why}`);
          console.log(`  skipped: ${which} dir ${fault}: ${why}`);
          return;
        }
        try {
          const ok1 = await runRune(["start", "web"], { env: home.env, cwd: dir });
          const stop1 = await runRune(["stop"], { env: home.env, cwd: dir });
          const broke = [...unclear(ok1, [0]), ...unclear(stop1, [0])];
          if (fault === "read-only") await remount(mnt, "ro");
          else fill(mnt);
          for (const args of [["start", "web"], ["stop"], ["status"], ["report"]]) {
            const r = await runRune(args, { env: home.env, cwd: dir });
            broke.push(...unclear(r, [0, 1, 2, 3]).map((w) => `${args.join(" ")}: ${w}`));
            tally.note(`${which} ${fault}: ${args[0]} exit ${r.code}`);
          }
          if (fault === "read-only") await remount(mnt, "rw");
          else Deno.removeSync(`${mnt}/filler`);
          const check = integrity(`${home.dir}/data/rune/work_sessions.db`);
          if (check !== undefined && check !== "ok") broke.push(`integrity: ${check}`);
          const after = await runRune(["start", "web"], { env: home.env, cwd: dir });
          broke.push(...unclear(after, [0]).map((w) => `afterwards: ${w}`));
          tally.record(`${which} dir ${fault}`, broke.map((why) => ({ counter: "unclear", why })));
        } finally {
          await unmount(mnt);
        }
      });
    }
  }
  await withHome(async (home, dir) => {
    home.writeConfig(`rituals:
  start:
    global:
      - {name: rm, command: 'rm -rf "$XDG_STATE_HOME" "$XDG_DATA_HOME"'}
      - {name: bg, command: "true", background: true}
`);
    const r = await runRune(["start", "web"], { env: home.env, cwd: dir });
    const broke = unclear(r, [0, 1, 2, 3]);
    const check = integrity(`${home.dir}/data/rune/work_sessions.db`);
    if (check !== undefined && check !== "ok") broke.push(`integrity: ${check}`);
    const again = await runRune(["start", "web"], { env: home.env, cwd: dir });
    broke.push(...unclear(again, [0]).map((w) => `afterwards: ${w}`));
    tally.note(`deleted dirs: exit ${r.code}`);
    tally.record(
      "state and data dirs deleted while rune runs",
      broke.map((why) => ({ counter: "unclear", why })),
    );
  });
}

async function configChanged(tally: Tally) {
  await withHome(async (home, dir) => {
    const path = home.writeConfig("");
    home.writeConfig(`rituals:
  start:
    global:
      - {name: rewrite, command: "printf 'rituals: {start: {global: [{name: new, command: touch ${dir}/new-ran}]}}\\\\n  bad: [' > ${path}"}
      - {name: after, command: "touch ${dir}/after-ran"}
`);
    const r = await runRune(["start", "web"], { env: home.env, cwd: dir });
    const broke = unclear(r, [0]);
    if (read(`${dir}/after-ran`) === undefined) broke.push("the plan that started did not go on");
    if (read(`${dir}/new-ran`) !== undefined) broke.push("the new config ran");
    const next = await runRune(["start", "web"], { env: home.env, cwd: dir });
    broke.push(...unclear(next, [2], /config\.yaml:\d+:\d+: error/));
    tally.record(
      "config rewritten while rune runs",
      broke.map((why) => ({ counter: "unclear", why })),
    );
  });
}

Deno.test({
  name:
    "faults: tmux killed, programs missing, disks read-only, full or deleted, the config changed",
  ignore: !hasTmux,
  async fn(t) {
    const tally = new Tally("faults", ["unclear"]);
    await t.step("tmux killed during a build", () => tmuxFaults(tally));
    await t.step("tmux or script missing", () => missingPrograms(tally));
    await t.step("state and data dirs read-only, full, deleted", () => diskFaults(tally));
    await t.step("the config changed while rune runs", () => configChanged(tally));
    console.log(
      "  skipped: the validated-config cache (issue 12's, on another branch: not in this tree)",
    );
    tally.finish();
  },
});
